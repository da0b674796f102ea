import CCurl

/// What one transfer reads and writes while libcurl runs it: the body being uploaded, the response
/// being collected, the header list and error buffer libcurl points into.
///
/// Not Sendable, on purpose: the event-loop thread creates it when it starts the transfer and is the
/// only thread that touches it until it is freed; libcurl's callbacks run on that thread too (inside
/// `curl_multi_perform`) and reach it through an unretained pointer that the loop's table of active
/// transfers keeps alive.
final class TransferState {
    let body: [UInt8]
    let maxResponseBytes: Int
    private var uploadOffset = 0
    private(set) var responseHeaders: [HTTPHeader] = []
    private(set) var responseBody: [UInt8] = []
    private(set) var responseTooLarge = false
    /// libcurl's CURLOPT_ERRORBUFFER: must stay at a fixed address during the transfer.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// CURLOPT_HTTPHEADER's list: libcurl does not copy it.
    var headerList: UnsafeMutablePointer<curl_slist>?

    init(body: [UInt8], maxResponseBytes: Int) {
        self.body = body
        self.maxResponseBytes = maxResponseBytes
        let size = ccurl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
        curl_slist_free_all(headerList)
    }

    var errorMessage: String { String(cString: errorBuffer) }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, body.count - uploadOffset)
        guard count > 0 else { return 0 }
        body.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + uploadOffset, byteCount: count)
        }
        uploadOffset += count
        return count
    }

    /// Rewinds the upload: libcurl resends the body when a reused connection turns out closed, or
    /// after a redirect or authentication round.
    func seek(to offset: Int64) -> Bool {
        guard offset >= 0, offset <= Int64(body.count) else { return false }
        uploadOffset = Int(offset)
        return true
    }

    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            responseTooLarge = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Strip CR/LF as bytes: in a Swift String "\r\n" is one Character, which hasSuffix("\n") misses.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line starts a new header block (after `100 Continue` or a redirect).
            responseHeaders.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        responseHeaders.append(HTTPHeader(
            String(line[..<colon]).trimmingHTTPWhitespace(),
            String(line[line.index(after: colon)...]).trimmingHTTPWhitespace()))
    }

    /// Installs the callbacks and their context pointer on `handle`.
    func install(on handle: UnsafeMutableRawPointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_write_callback(handle, writeCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_header_callback(handle, headerCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_read_callback(handle, readCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_READDATA, context)
        _ = ccurl_setopt_seek_callback(handle, seekCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_SEEKDATA, context)
        _ = ccurl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    }

    fileprivate static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferState? {
        pointer.map { Unmanaged<TransferState>.fromOpaque($0).takeUnretainedValue() }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (HTTP's optional white space around field values).
    func trimmingHTTPWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

// libcurl's C callbacks: `@convention(c)` closures cannot capture, so each recovers its TransferState
// from the user-data pointer.

private let writeCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let state = TransferState.from(userdata) else { return 0 }
    let total = size * count
    guard total > 0, let buffer else { return total }
    return state.receive(UnsafeRawBufferPointer(start: buffer, count: total)) ? total : 0
}

private let headerCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let state = TransferState.from(userdata) else { return 0 }
    let total = size * count
    if total > 0, let buffer { state.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: total)) }
    return total
}

private let readCallback: ccurl_read_callback = { buffer, size, count, userdata in
    guard let state = TransferState.from(userdata), let buffer else { return ccurl_readfunc_abort() }
    return state.read(into: buffer, capacity: size * count)
}

private let seekCallback: ccurl_seek_callback = { userdata, offset, origin in
    // libcurl only ever seeks from the start (SEEK_SET) when rewinding an upload.
    guard origin == SEEK_SET, let state = TransferState.from(userdata) else { return 2 }  // CANTSEEK
    return state.seek(to: Int64(offset)) ? 0 : 1
}
