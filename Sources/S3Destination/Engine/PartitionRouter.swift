import Arrow
import FileFormats

/// Where the rows of a record go when `path` has row variables (`{{.column}}`): each row's
/// values of those columns, rendered as the CSV cell (Go's `ValueStr`) and escaped as Hive
/// escapes partition paths, pick its partition; a record is split into one record per partition.
/// Without row variables nothing is computed per row: the record goes whole to partition `[]`.
struct PartitionRouter {
    /// The columns named in `path`, in order of first appearance.
    let columns: [String]
    private var plans: [String: TablePlan] = [:]

    init(columns: [String]) {
        self.columns = columns
    }

    var isActive: Bool { !columns.isEmpty }

    /// Rows of one partition: its escaped values (one per column) and the rows.
    struct Part {
        let values: [String]
        let batch: RecordBatch
    }

    /// MigrateTable (and the first Insert of a table): the table must have every column, each
    /// of a type with a cell text. Throws a `PluginError` naming the table and the column.
    mutating func check(_ schema: Schema, table: String) throws {
        guard isActive else { return }
        _ = try plan(for: schema, table: table)
    }

    /// The record split by partition, partitions in the order their first row appears. A record
    /// of one partition is passed on as it is; a partition of consecutive rows is a slice.
    mutating func split(_ batch: RecordBatch, table: String) throws -> [Part] {
        guard isActive else { return [Part(values: [], batch: batch)] }
        let plan = try plan(for: batch.schema, table: table)
        let cells = zip(plan.renderers, plan.indices).map { $0.cells(of: batch.columns[$1]) }
        var order: [[String]] = []
        var rowsOf: [[String]: [Int]] = [:]
        var scratch: [UInt8] = []
        for row in 0..<batch.length {
            var values: [String] = []
            values.reserveCapacity(cells.count)
            for (k, column) in cells.enumerated() {
                do {
                    values.append(HivePathEscaping.escape(try column.text(row, into: &scratch)))
                } catch {
                    throw PluginError(.invalidArgument, "table \"\(table)\": the value of column \"\(columns[k])\" "
                        + "in row \(row) of a record cannot be a partition value ({{.\(columns[k])}} in `path`): \(error)")
                }
            }
            if rowsOf[values] == nil { order.append(values) }
            rowsOf[values, default: []].append(row)
        }
        if order.count == 1 { return [Part(values: order[0], batch: batch)] }
        return try order.map { values in
            let rows = rowsOf[values]!
            if let first = rows.first, rows.last! - first + 1 == rows.count {
                return Part(values: values, batch: batch.slice(offset: first, length: rows.count))
            }
            return Part(values: values, batch: try batch.take(rows))
        }
    }

    private struct TablePlan {
        let fieldCount: Int
        let indices: [Int]
        let fields: [Field]
        let renderers: [CSVCellText]

        /// Whether a record of `schema` has the partition columns where this plan found them.
        func fits(_ schema: Schema) -> Bool {
            schema.fields.count == fieldCount && zip(indices, fields).allSatisfy { index, field in
                let other = schema.fields[index]
                return other.name == field.name && other.type == field.type && other.metadata == field.metadata
            }
        }
    }

    private mutating func plan(for schema: Schema, table: String) throws -> TablePlan {
        if let plan = plans[table], plan.fits(schema) { return plan }
        var indices: [Int] = []
        var renderers: [CSVCellText] = []
        for column in columns {
            guard let index = schema.fieldIndex(named: column) else {
                throw PluginError(.invalidArgument, "table \"\(table)\" has no column \"\(column)\" for the row variable "
                    + "{{.\(column)}} in `path`: add the column to the table or remove the variable")
            }
            let field = schema.fields[index]
            let renderer: CSVCellText
            do {
                renderer = try CSVCellText(field: field)
            } catch {
                throw PluginError(.invalidArgument, "table \"\(table)\": column \"\(column)\" cannot be a partition value "
                    + "({{.\(column)}} in `path`): \(error)")
            }
            if renderer.isNested {
                throw PluginError(.invalidArgument, "table \"\(table)\": column \"\(column)\" is of nested type "
                    + "\(field.type) and cannot be a partition value ({{.\(column)}} in `path`): use a top-level "
                    + "column of a scalar type (string, number, date, bool, …)")
            }
            indices.append(index)
            renderers.append(renderer)
        }
        let plan = TablePlan(
            fieldCount: schema.fields.count, indices: indices, fields: indices.map { schema.fields[$0] },
            renderers: renderers)
        plans[table] = plan
        return plan
    }
}
