import Arrow

/// Columns the Go plugin turns into strings before pqarrow sees them (filetypes
/// `parquet/write.go` `transformDataType`/`transformToString`): the value is arrow-go's (or the
/// CloudQuery extension's) `ValueStr`, the same text the CSV writer puts in a cell.
/// The renderings come from `Rendering/`, shared with the other encoders.
enum ParquetStringRendering {
    /// large_utf8, and the json extension whose storage already is the text.
    case verbatim
    /// inet extension: the stored CIDR text re-parsed and printed as Go's `IPNet.String`.
    case inet
    /// large_binary: standard base64 with padding.
    case base64
    /// duration: `<integer><unit symbol>`, e.g. `123s`.
    case duration(symbol: String)
    /// interval[month]: the bare month count.
    case monthInterval
    /// interval[day_time] / interval[month_day_nano]: Go marshals the struct to JSON, which is
    /// exactly what the JSON writer emits for these values.
    case intervalJSON(JSONValuePlan)
    /// uuid extension on fixed_size_binary[16].
    case uuid
    /// mac extension on binary (an empty address reads as six zero bytes in plugin-sdk).
    case mac
}

/// A `ParquetStringRendering` bound to the Arrow array of one batch.
struct ParquetStringRenderer {
    private let rendering: ParquetStringRendering
    private let array: ArrowArray
    private let json: JSONValueWriter?

    init(_ rendering: ParquetStringRendering, array: ArrowArray) {
        self.rendering = rendering
        self.array = array
        if case .intervalJSON(let plan) = rendering {
            json = plan.bind(array)
        } else {
            json = nil
        }
    }

    /// Replaces `out` with the text of (non-null) element `i`.
    func render(_ i: Int, into out: inout [UInt8]) throws {
        out.removeAll(keepingCapacity: true)
        switch rendering {
        case .verbatim:
            out.append(contentsOf: array.bytes(at: i))
        case .base64:
            BinaryTextFormatting.appendBase64(array.bytes(at: i), to: &out)
        case .duration(let symbol):
            IntegerFormatting.append(array.int64(at: i), to: &out)
            out.append(contentsOf: symbol.utf8)
        case .monthInterval:
            IntegerFormatting.append(Int64(array.monthInterval(at: i)), to: &out)
        case .intervalJSON:
            try json?.append(i, html: false, to: &out)
        case .uuid:
            BinaryTextFormatting.appendUUID(array.bytes(at: i), to: &out)
        case .inet:
            let text = array.bytes(at: i)
            guard GoInetFormatting.appendCIDR(text, to: &out) else {
                // The value stays out of the message: row data may be sensitive.
                throw ValueRenderingError(column: "", reason:
                    "the \(text.count)-byte inet value is not an address/prefix that Go's net.ParseCIDR accepts "
                    + "(the Go plugin fails on it too)")
            }
        case .mac:
            let bytes = array.bytes(at: i)
            if bytes.isEmpty {
                out.append(contentsOf: "00:00:00:00:00:00".utf8)
            } else {
                BinaryTextFormatting.appendMAC(bytes, to: &out)
            }
        }
    }
}
