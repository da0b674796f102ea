import Foundation

/// Calls `body` with `bytes` as `Data` that neither copies nor owns them, for a SwiftProtobuf
/// decode: its decoder copies every bytes field and unknown field it keeps
/// (`BinaryDecoder.decodeSingularBytesField`, `getRawField`), so nothing refers to `bytes` once
/// `body` returns and their memory may be reused.
public func withUnownedData<R>(_ bytes: UnsafeRawBufferPointer, _ body: (Data) throws -> R) rethrows -> R {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return try body(Data()) }
    return try body(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
}
