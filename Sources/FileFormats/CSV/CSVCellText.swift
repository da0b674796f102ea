import Arrow

/// The text of one value exactly as the `csv` format writes its cell (arrow-go's `ValueStr`, see
/// `ValueStrPlan`), for uses beyond CSV: partition values in object keys are rendered with it.
public struct CSVCellText {
    private let plan: ValueStrPlan

    /// Throws `ValueRenderingError` for a column the CSV format cannot write.
    public init(field: Field) throws {
        plan = try ValueStrPlan(field: field)
    }

    /// Lists, structs, maps and the day-time / month-day-nano intervals, written as JSON text.
    public var isNested: Bool {
        plan.kind.valueStrIsJSON
    }

    /// The cells of one array (of this field's type).
    public func cells(of array: ArrowArray) -> Cells {
        Cells(writer: plan.bind(array), array: array)
    }

    public struct Cells {
        fileprivate let writer: ValueStrWriter
        public let array: ArrowArray

        /// The cell text of row `i`; nil for a null value (the CSV cell is empty then).
        public func text(_ i: Int, into scratch: inout [UInt8]) throws -> [UInt8]? {
            if array.isNull(i) { return nil }
            scratch.removeAll(keepingCapacity: true)
            try writer.append(i, to: &scratch)
            return scratch
        }
    }
}
