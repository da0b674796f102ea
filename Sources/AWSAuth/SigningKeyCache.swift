import NIOConcurrencyHelpers

/// Caches derived SigV4 signing keys per (date, region, service, access key id).
///
/// Deriving a key costs four HMACs; every request of a day with the same credentials reuses it. The
/// entry also remembers the secret it was derived from, so rotated credentials that keep their key id
/// (rare, but possible with static keys) never reuse a stale key.
final class SigningKeyCache: Sendable {
    private struct Entry {
        let day: Substring
        let region: String
        let service: String
        let accessKeyId: String
        let secret: String
        let key: [UInt8]
    }

    /// A handful of entries is plenty: one per key id and day; old days fall out first.
    private static let capacity = 8
    private let entries = NIOLockedValueBox<[Entry]>([])

    func key(day: Substring, region: String, service: String, credentials: Credentials) -> [UInt8] {
        let hit = entries.withLockedValue { list in
            list.first {
                $0.day == day && $0.region == region && $0.service == service
                    && $0.accessKeyId == credentials.accessKeyId && $0.secret == credentials.secretAccessKey
            }?.key
        }
        if let hit { return hit }
        let derived = Self.derive(secret: credentials.secretAccessKey, day: day, region: region, service: service)
        entries.withLockedValue { list in
            list.removeAll { $0.accessKeyId == credentials.accessKeyId && $0.region == region && $0.service == service }
            if list.count >= Self.capacity { list.removeFirst(list.count - Self.capacity + 1) }
            list.append(Entry(
                day: day, region: region, service: service, accessKeyId: credentials.accessKeyId,
                secret: credentials.secretAccessKey, key: derived))
        }
        return derived
    }

    /// kDate = HMAC("AWS4"+secret, day); kRegion; kService; kSigning = HMAC(kService, "aws4_request").
    static func derive(secret: String, day: Substring, region: String, service: String) -> [UInt8] {
        let kDate = Hashing.hmacSHA256(key: Array(("AWS4" + secret).utf8), data: Array(day.utf8))
        let kRegion = Hashing.hmacSHA256(key: kDate, data: Array(region.utf8))
        let kService = Hashing.hmacSHA256(key: kRegion, data: Array(service.utf8))
        return Hashing.hmacSHA256(key: kService, data: Array("aws4_request".utf8))
    }
}
