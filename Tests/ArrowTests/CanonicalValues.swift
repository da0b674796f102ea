@testable import Arrow
import Foundation

/// Renders decoded values in the canonical form the pyarrow generator script dumps (see
/// `PyArrowStreams.script`), so both sides can be compared as JSON-like trees.
enum CanonicalValues {
    static func column(_ array: ArrowArray, field: Field) -> [Any] {
        (0..<array.length).map { value(array, field: field, $0) }
    }

    static func value(_ array: ArrowArray, field: Field, _ i: Int) -> Any {
        if array.isNull(i) { return NSNull() }
        switch field.type {
        case .null: return NSNull()
        case .bool: return array.bool(at: i)
        case .int8: return String(array.int8(at: i))
        case .int16: return String(array.int16(at: i))
        case .int32, .date32, .time32, .interval(.yearMonth): return String(array.int32(at: i))
        case .int64, .date64, .time64, .timestamp, .duration: return String(array.int64(at: i))
        case .uint8: return String(array.uint8(at: i))
        case .uint16: return String(array.uint16(at: i))
        case .uint32: return String(array.uint32(at: i))
        case .uint64: return String(array.uint64(at: i))
        case .float16: return String(array.float16Bits(at: i))
        case .float32: return String(array.float32(at: i).bitPattern)
        case .float64: return String(array.float64(at: i).bitPattern)
        case .utf8, .largeUtf8: return array.string(at: i)
        case .binary, .largeBinary, .fixedSizeBinary: return hex(array.bytes(at: i))
        case .interval(.dayTime):
            let value = array.dayTimeInterval(at: i)
            return [String(value.days), String(value.milliseconds)]
        case .interval(.monthDayNano):
            let value = array.monthDayNanoInterval(at: i)
            return [String(value.months), String(value.days), String(value.nanoseconds)]
        case .decimal:
            return signedDecimalString(littleEndian: Array(array.bytes(at: i)))
        case .list, .largeList, .fixedSizeList:
            return array.listRange(at: i).map { value(array.children[0], field: field.children[0], $0) }
        case .struct:
            var members: [String: Any] = [:]
            for (k, child) in field.children.enumerated() {
                members[child.name] = value(array.children[k], field: child, i)
            }
            return members
        case .map:
            let entries = array.children[0]
            let entryField = field.children[0]
            return array.listRange(at: i).map { j in
                [value(entries.children[0], field: entryField.children[0], j),
                 value(entries.children[1], field: entryField.children[1], j)]
            }
        }
    }

    /// A stable text form of a JSON-like tree, for comparing two of them.
    static func json(_ tree: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Decimal digits of a little-endian two's-complement integer of any width.
    static func signedDecimalString(littleEndian bytes: [UInt8]) -> String {
        let negative = (bytes.last ?? 0) & 0x80 != 0
        var magnitude = bytes
        if negative {  // two's complement negate
            var carry = 1
            for k in magnitude.indices {
                let sum = Int(~magnitude[k]) + carry
                magnitude[k] = UInt8(sum & 0xff)
                carry = sum >> 8
            }
        }
        var digits: [Character] = []
        var limbs = magnitude.reversed().map { Int($0) }  // big-endian bytes
        while limbs.contains(where: { $0 != 0 }) {
            var remainder = 0
            for k in limbs.indices {
                let current = remainder * 256 + limbs[k]
                limbs[k] = current / 10
                remainder = current % 10
            }
            digits.append(Character(String(remainder)))
        }
        if digits.isEmpty { return "0" }
        return (negative ? "-" : "") + String(digits.reversed())
    }
}
