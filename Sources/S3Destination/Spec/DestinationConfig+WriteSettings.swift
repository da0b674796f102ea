import Foundation

extension DestinationConfig {
    /// How long an object may stay open; nil for no timer (`no_rotate`, or `batch_timeout` 0).
    var batchTimeoutDuration: Duration? {
        batchTimeout.nanoseconds > 0 ? .nanoseconds(batchTimeout.nanoseconds) : nil
    }

    /// What one Write stream needs from the spec: limits, keys and the format's encoder.
    var writeSettings: WriteSession.Settings {
        WriteSession.Settings(
            limits: BatchLimits(rows: batchSize, bytes: batchSizeBytes),
            timeout: batchTimeoutDuration,
            contentType: contentType,
            partSize: Int(partSize),
            writeEmptyObjects: self.writeEmptyObjectsForEmptyTables,
            memoryBudget: memoryBudgetBytes,
            maxRequestsInFlight: maxConcurrentRequests,
            objectKey: { [self] table, partition, time in
                objectKey(table: table, uuid: UUID().uuidString.lowercased(), time: time, partitionValues: partition)
            },
            makeEncoder: { [self] schema in try FormatSupport.makeEncoder(self, schema: schema) },
            partitionColumns: pathTemplate.rowVariables,
            maxOpenPartitions: maxOpenPartitions)
    }
}
