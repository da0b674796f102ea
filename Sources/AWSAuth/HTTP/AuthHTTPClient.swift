import CCurl
import Foundation
import Synchronization

/// The small libcurl client the credential providers use (STS, SSO, container endpoints, IMDS).
///
/// It is separate from S3Client's transport because the dependency points the other way (S3Client
/// depends on AWSAuth) and because its needs differ: tiny bodies, short per-endpoint timeouts, no
/// connection reuse worth keeping (credentials are fetched a few times an hour). libcurl's easy API
/// blocks, so every exchange runs on a thread of its own, never on Swift's cooperative pool.
final class AuthHTTPClient: Sendable {
    static let shared = AuthHTTPClient()

    func send(_ request: AuthHTTPRequest, options: AuthHTTPOptions) async throws -> AuthHTTPResponse {
        try Task.checkCancellation()
        let exchange = AuthHTTPExchange(maxResponseBytes: options.maxResponseBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<AuthHTTPResponse, any Error>) in
                let thread = Thread {
                    continuation.resume(with: Result { try Self.perform(request, options, exchange) })
                }
                thread.name = "aws-auth-http"
                thread.start()
            }
        } onCancel: {
            exchange.cancelled.store(true, ordering: .relaxed)
        }
    }

    private static func perform(
        _ request: AuthHTTPRequest, _ options: AuthHTTPOptions, _ exchange: AuthHTTPExchange
    ) throws -> AuthHTTPResponse {
        guard AuthCurlGlobal.initialized, let handle = curl_easy_init() else {
            throw AuthHTTPError(message: "could not initialise libcurl", timedOut: false, couldNotConnect: true)
        }
        defer { curl_easy_cleanup(handle) }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            // "Name;" is curl's syntax for a header with an empty value ("Name:" would remove it).
            headerList = curl_slist_append(
                headerList, header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }

        _ = ccurl_setopt_str(handle, CURLOPT_URL, request.url)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout))
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(options.totalTimeout))
        // Only http(s): a credential URL from the environment must not make libcurl read files or talk
        // other protocols, and redirects are not followed (the SDKs do not follow them either).
        _ = ccurl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_str(handle, CURLOPT_USERAGENT, "cq-dest-s3")
        if options.bypassProxy { _ = ccurl_setopt_str(handle, CURLOPT_NOPROXY, "*") }
        if let ca = options.caBundlePath, !ca.isEmpty { _ = ccurl_setopt_str(handle, CURLOPT_CAINFO, ca) }

        let method = request.method.uppercased()
        if method == "GET" {
            _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        } else {
            // A body is always sent for the other methods (an empty one as `Content-Length: 0`, which the
            // IMDS token PUT expects); libcurl copies it, so nothing must outlive this call.
            _ = ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            var body = request.body
            if body.isEmpty { body = [0] }  // a valid pointer; the size above says 0 bytes
            _ = body.withUnsafeMutableBytes { ccurl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
            if method != "POST" { _ = ccurl_setopt_str(handle, CURLOPT_CUSTOMREQUEST, method) }
            if !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                headerList = curl_slist_append(headerList, "Content-Type:")  // drop curl's form default
            }
            headerList = curl_slist_append(headerList, "Expect:")
        }
        _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        exchange.install(on: handle)

        let code = curl_easy_perform(handle)
        if exchange.cancelled.load(ordering: .relaxed) { throw CancellationError() }
        guard code == CURLE_OK else {
            if exchange.responseTooLarge {
                throw AuthHTTPError(
                    message: "response from \(redacted(request.url)) is larger than \(options.maxResponseBytes) bytes",
                    timedOut: false, couldNotConnect: false)
            }
            var connectTime: curl_off_t = 0
            _ = ccurl_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
            let detail = exchange.errorMessage.isEmpty ? String(cString: curl_easy_strerror(code)) : exchange.errorMessage
            let timedOut = code == CURLE_OPERATION_TIMEDOUT
            let noConnection = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST
                || code == CURLE_COULDNT_RESOLVE_PROXY || (timedOut && connectTime == 0)
            throw AuthHTTPError(
                message: "\(method) \(redacted(request.url)) failed: \(detail)", timedOut: timedOut,
                couldNotConnect: noConnection)
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return AuthHTTPResponse(statusCode: status, headers: exchange.headers, body: exchange.body)
    }

    /// The URL without its query string: GetRoleCredentials carries the account and role there, and
    /// nothing in a URL is needed to understand a connection failure.
    static func redacted(_ url: String) -> String {
        guard let query = url.firstIndex(of: "?") else { return url }
        return String(url[..<query])
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, 3600) * 1000)
    }
}

/// `curl_global_init` must run once before any other libcurl call; libcurl counts calls, so this
/// module's own lazily initialised call coexists with S3Client's.
enum AuthCurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}

/// State of one exchange, reached from libcurl's C callbacks through an unretained pointer; the
/// performing thread keeps it alive for the whole `curl_easy_perform`.
final class AuthHTTPExchange: @unchecked Sendable {
    // Only the performing thread touches these, except `cancelled`.
    private(set) var headers: [HTTPHeader] = []
    private(set) var body: [UInt8] = []
    private(set) var responseTooLarge = false
    let maxResponseBytes: Int
    let cancelled = Atomic<Bool>(false)
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init(maxResponseBytes: Int) {
        self.maxResponseBytes = maxResponseBytes
        let size = ccurl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit { errorBuffer.deallocate() }

    var errorMessage: String { String(cString: errorBuffer) }

    func install(on handle: UnsafeMutableRawPointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_write_callback(handle, authWriteCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_header_callback(handle, authHeaderCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_xferinfo_callback(handle, authProgressCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context)
        _ = ccurl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    }

    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxResponseBytes else {
            responseTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()  // a new status line (after 100 Continue) starts a new block
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        headers.append(HTTPHeader(
            String(line[..<colon]).trimmingCharacters(in: .whitespaces),
            String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }

    fileprivate static func from(_ pointer: UnsafeMutableRawPointer?) -> AuthHTTPExchange? {
        pointer.map { Unmanaged<AuthHTTPExchange>.fromOpaque($0).takeUnretainedValue() }
    }
}

private let authWriteCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let exchange = AuthHTTPExchange.from(userdata) else { return 0 }
    let total = size * count
    guard total > 0, let buffer else { return total }
    return exchange.receive(UnsafeRawBufferPointer(start: buffer, count: total)) ? total : 0
}

private let authHeaderCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let exchange = AuthHTTPExchange.from(userdata) else { return 0 }
    let total = size * count
    if total > 0, let buffer { exchange.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: total)) }
    return total
}

private let authProgressCallback: ccurl_xferinfo_callback = { userdata, _, _, _, _ in
    guard let exchange = AuthHTTPExchange.from(userdata) else { return 1 }
    return exchange.cancelled.load(ordering: .relaxed) ? 1 : 0
}
