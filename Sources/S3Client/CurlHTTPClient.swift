import AWSAuth
import CCurl
import Foundation

/// Sends ``HTTPRequest``s with libcurl. libcurl's easy API blocks, so each transfer runs on a thread of
/// its own, never on Swift's cooperative pool (a blocked pool thread would stall unrelated tasks; with
/// 2 cores the pool has 2 threads). The caller awaits a continuation.
final class CurlHTTPClient: Sendable {
    struct Options: Sendable {
        var connectTimeout: Double = 10
        var stallTimeout: Double = 60
        var skipTLSVerify = false
        var caBundlePath: String?
        var userAgent = "cq-dest-s3"
        /// Bodies at least this large are sent with `Expect: 100-continue`, so S3 can refuse a request
        /// (bad signature, missing bucket) before the body is uploaded; smaller ones skip the extra round
        /// trip. The header is never signed, so either choice keeps the signature valid. 2 MiB as in Go.
        var expectContinueThreshold = 2 << 20
    }

    let options: Options
    private let pool = CurlHandlePool()

    init(options: Options) {
        self.options = options
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let transfer = CurlTransfer(body: request.body, maxResponseBytes: request.maxResponseBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let thread = Thread { [self] in
                    continuation.resume(with: Result { try self.perform(request, transfer) })
                }
                thread.name = "curl-transfer"
                thread.start()
            }
        } onCancel: {
            transfer.cancelled.store(true, ordering: .relaxed)
        }
    }

    /// The blocking part: configure a pooled handle, run the transfer, collect the response.
    private func perform(_ request: HTTPRequest, _ transfer: CurlTransfer) throws -> HTTPResponse {
        guard let handle = pool.checkout() else {
            throw CurlError(code: Int(CURLE_FAILED_INIT.rawValue), message: "could not create a libcurl handle")
        }
        defer { pool.checkin(handle) }
        let h = handle.raw

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            // "Name;" is curl's syntax for a header with an empty value ("Name:" would remove it).
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            headerList = curl_slist_append(headerList, line)
        }

        _ = ccurl_setopt_str(h, CURLOPT_URL, request.url)
        _ = ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)          // no SIGALRM-based timeouts in a threaded process
        _ = ccurl_setopt_long(h, CURLOPT_PATH_AS_IS, 1)        // keep `/./`, `/../`, `//` in keys: they are signed as sent
        _ = ccurl_setopt_long(h, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        _ = ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, max(1, Self.milliseconds(options.stallTimeout) / 1000))
        _ = ccurl_setopt_long(h, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_setopt_str(h, CURLOPT_USERAGENT, options.userAgent)
        if options.skipTLSVerify {
            _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 0)
            _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let ca = options.caBundlePath, !ca.isEmpty {
            _ = ccurl_setopt_str(h, CURLOPT_CAINFO, ca)
        }

        let method = request.method.uppercased()
        let hasBody = !request.body.isEmpty || method == "PUT" || method == "POST"
        if hasBody {
            _ = ccurl_setopt_long(h, CURLOPT_UPLOAD, 1)
            _ = ccurl_setopt_off(h, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.count))
            if method != "PUT" { _ = ccurl_setopt_str(h, CURLOPT_CUSTOMREQUEST, method) }
            let expect = request.body.count >= options.expectContinueThreshold ? "Expect: 100-continue" : "Expect:"
            headerList = curl_slist_append(headerList, expect)
        } else if method == "GET" {
            _ = ccurl_setopt_long(h, CURLOPT_HTTPGET, 1)
        } else if method == "HEAD" {
            _ = ccurl_setopt_long(h, CURLOPT_NOBODY, 1)
        } else {
            _ = ccurl_setopt_str(h, CURLOPT_CUSTOMREQUEST, method)
        }
        _ = ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, headerList)
        transfer.install(on: h)

        let code = curl_easy_perform(h)
        if transfer.cancelled.load(ordering: .relaxed) { throw CancellationError() }
        guard code == CURLE_OK else {
            if transfer.responseTooLarge {
                throw CurlError(code: Int(code.rawValue),
                                message: "response body larger than \(request.maxResponseBytes) bytes")
            }
            let detail = transfer.errorMessage
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw CurlError(code: Int(code.rawValue), message: message)
        }
        var status = 0
        _ = ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(statusCode: status, headers: transfer.responseHeaders, body: transfer.responseBody)
    }

    /// Seconds → milliseconds for libcurl, clamped to 1 ms … 24 h (a NaN or absurd setting must not trap).
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, 86_400) * 1000)
    }
}
