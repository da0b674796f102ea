/// Placeholder names (Go `var*` constants in `client/spec/spec.go`).
enum PathVariable {
    static let format = "{{FORMAT}}"
    static let table = "{{TABLE}}"
    static let uuid = "{{UUID}}"
    static let year = "{{YEAR}}"
    static let month = "{{MONTH}}"
    static let day = "{{DAY}}"
    static let hour = "{{HOUR}}"
    static let minute = "{{MINUTE}}"
    static let syncID = "{{SYNC_ID}}"
    static let tableHyphen = "{{TABLE_HYPHEN}}"
}
