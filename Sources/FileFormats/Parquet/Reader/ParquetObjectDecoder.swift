import Arrow

/// The `parquet` reader for the `Read` RPC: turns a whole Parquet object back into record
/// batches of the table's schema, like the Go plugin's filetypes `parquet.Read` (pqarrow with
/// batches of 1024 rows, then `reverseTransformRecord`).
///
/// Reads every file `ParquetEncoder` writes (all its types and codecs) and the common output of
/// other writers such as pyarrow: PLAIN and dictionary encodings (PLAIN_DICTIONARY,
/// RLE_DICTIONARY), RLE booleans, V1 and V2 data pages, none/snappy/gzip/zstd, nested lists,
/// structs and maps. Columns are matched to the schema by name; values come back as the
/// schema's types (strings the Go plugin wrote for durations, intervals, large types and
/// extensions are parsed back, stored units rescaled).
///
/// Row groups are decoded one at a time (only the requested columns), so memory holds the
/// object, one row group's decoded values and one batch.
public struct ParquetObjectDecoder: ObjectDecoder {
    /// Bounds what decoding one column chunk may expand to (see `ParquetColumnChunkReader`).
    let memoryBudgetBytes: Int

    public init(memoryBudgetBytes: Int = 1 << 30) {
        self.memoryBudgetBytes = memoryBudgetBytes
    }

    public func decode(_ object: UnsafeRawBufferPointer, schema: Schema, maxRows: Int,
                       emit: (RecordBatch) throws -> Void) throws {
        guard maxRows > 0 else { throw ParquetDecodingError("maxRows must be positive (got \(maxRows))") }
        let metadata = try Self.footer(of: object)
        let fileSchema = try ParquetReadSchema(elements: metadata.schema)

        var plans: [ParquetColumnPlan] = []
        for field in schema.fields {
            guard let node = fileSchema.columns.first(where: { $0.element.name == field.name }) else {
                throw ParquetDecodingError("column \"\(field.name)\" of the table is not in the file "
                                           + "(it has \(fileSchema.columns.map(\.element.name)))")
            }
            plans.append(try ParquetColumnPlan.make(field: field, node: node, schema: fileSchema))
        }
        var needed = [Bool](repeating: false, count: fileSchema.leaves.count)
        for plan in plans { for leaf in plan.leaves { needed[leaf] = true } }

        if schema.fields.isEmpty {
            // No columns to count rows with: batches of the footer's row count.
            var remaining = max(0, metadata.rowGroups.reduce(Int64(0)) { $0 + max(0, $1.numRows) })
            while remaining > 0 {
                let length = Int(min(remaining, Int64(maxRows)))
                try emit(RecordBatch(schema: schema, length: length, columns: []))
                remaining -= Int64(length)
            }
            return
        }

        let batch = RecordBatchBuilder(schema: schema)
        let batchRows = try batch.rowsPerBatch(atMost: maxRows)
        for (g, rowGroup) in metadata.rowGroups.enumerated() {
            let where_ = "row group \(g + 1)"
            guard rowGroup.columns.count == fileSchema.leaves.count else {
                throw ParquetDecodingError("\(where_): \(rowGroup.columns.count) column chunks for \(fileSchema.leaves.count) leaf columns")
            }
            guard rowGroup.numRows >= 0, rowGroup.numRows <= Int64(Int32.max) * 64 else {
                throw ParquetDecodingError("\(where_): impossible row count \(rowGroup.numRows)")
            }
            var cursors = [ParquetLeafCursor?](repeating: nil, count: fileSchema.leaves.count)
            for (index, leaf) in fileSchema.leaves.enumerated() where needed[index] {
                let location = "\(where_), column \"\(leaf.displayName)\""
                let chunk = rowGroup.columns[index]
                guard chunk.pathInSchema.isEmpty || chunk.pathInSchema == leaf.path else {
                    throw ParquetDecodingError("\(location): the chunk's path \(chunk.pathInSchema) differs from the schema's")
                }
                let reader = ParquetColumnChunkReader(file: object, leaf: leaf, location: location, memoryBudgetBytes: memoryBudgetBytes)
                cursors[index] = ParquetLeafCursor(column: try reader.read(chunk), maxDefinitionLevel: leaf.maxDefinitionLevel)
            }
            let assembler = ParquetRecordAssembler(cursors: cursors)
            for row in 0..<Int(rowGroup.numRows) {
                for (c, plan) in plans.enumerated() {
                    do {
                        try assembler.expectRowStart(plan)
                        try assembler.read(plan, into: batch.columns[c])
                    } catch {
                        let reason = (error as? ParquetDecodingError)?.message ?? "\(error)"
                        throw ParquetDecodingError("\(where_), column \"\(schema.fields[c].name)\", row \(row + 1): \(reason)")
                    }
                }
                if batch.count >= batchRows { try emit(try batch.finish()) }
            }
            do {
                try assembler.expectFullyRead { fileSchema.leaves[$0].displayName }
            } catch let error as ParquetDecodingError {
                throw ParquetDecodingError("\(where_): \(error.message)")
            }
        }
        if batch.count > 0 { try emit(try batch.finish()) }
    }

    /// Checks the `PAR1` magic at both ends and decodes the footer.
    static func footer(of object: UnsafeRawBufferPointer) throws -> ParquetReadFileMetadata {
        let magic: [UInt8] = Array("PAR1".utf8)
        guard object.count >= 12 else {
            throw ParquetDecodingError("the object is \(object.count) bytes, too short to be a Parquet file")
        }
        guard object.prefix(4).elementsEqual(magic) else {
            throw ParquetDecodingError("the object does not start with the PAR1 magic; it is not a Parquet file")
        }
        guard object.suffix(4).elementsEqual(magic) else {
            throw ParquetDecodingError("the object does not end with the PAR1 magic; it is truncated or not a Parquet file")
        }
        let length = Int(UInt32(littleEndian: object.loadUnaligned(fromByteOffset: object.count - 8, as: UInt32.self)))
        guard length <= object.count - 12 else {
            throw ParquetDecodingError("the footer length \(length) exceeds the \(object.count)-byte object")
        }
        let start = object.count - 8 - length
        return try ParquetReadFileMetadata(decoding: UnsafeRawBufferPointer(rebasing: object[start..<object.count - 8]))
    }
}
