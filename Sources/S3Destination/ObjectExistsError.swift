import S3Client

/// `if_none_match: true` and the key already exists: S3 answered 412 Precondition Failed and the
/// existing object was left as it was.
struct ObjectExistsError: Error, CustomStringConvertible {
    let key: String
    let cause: S3Error

    var description: String {
        "object \(key) already exists and `if_none_match` is true: it was not overwritten (\(cause))"
    }
}
