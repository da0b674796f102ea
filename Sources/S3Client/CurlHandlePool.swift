import CCurl
import Synchronization

/// Idle libcurl easy handles, kept so that the next request reuses a handle's open keep-alive connection
/// (curl's connection cache lives in the handle). One handle serves one transfer at a time.
final class CurlHandlePool: Sendable {
    /// A libcurl `CURL *`; only ever used by one thread at a time (checked out of the pool).
    struct Handle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    private let idle = Mutex<[Handle]>([])
    private let capacity: Int

    init(capacity: Int = 16) {
        _ = CurlGlobal.initialized
        self.capacity = capacity
    }

    deinit {
        for handle in idle.withLock({ $0 }) { curl_easy_cleanup(handle.raw) }
    }

    /// An idle handle (options already reset), or a new one.
    func checkout() -> Handle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return curl_easy_init().map(Handle.init)
    }

    /// Returns a handle after its transfer. Its options are reset right away, so no callback or buffer
    /// pointer of the finished transfer outlives it; connections and the DNS cache survive `curl_easy_reset`.
    func checkin(_ handle: Handle) {
        curl_easy_reset(handle.raw)
        let surplus: Handle? = idle.withLock { list in
            guard list.count < capacity else { return handle }
            list.append(handle)
            return nil
        }
        if let surplus { curl_easy_cleanup(surplus.raw) }
    }
}

/// `curl_global_init` must run once before any other libcurl call and is not thread-safe itself:
/// a lazily initialised global gives exactly-once semantics.
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
