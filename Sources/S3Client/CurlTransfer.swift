import AWSAuth
import CCurl
import Foundation
import Synchronization

/// State of one libcurl transfer, reached from libcurl's C callbacks through an unretained pointer
/// (the `*DATA` options). The owner keeps it alive for the whole `curl_easy_perform`.
final class CurlTransfer: @unchecked Sendable {
    // Only the performing thread touches these, except `cancelled`.
    let body: [UInt8]
    private var uploadOffset = 0
    private(set) var responseHeaders: [HTTPHeader] = []
    private(set) var responseBody: [UInt8] = []
    let maxResponseBytes: Int
    private(set) var responseTooLarge = false
    /// Set from the cancelling task; checked by the progress callback, which aborts the transfer.
    let cancelled = Atomic<Bool>(false)
    /// libcurl's CURLOPT_ERRORBUFFER: must stay at a fixed address during the transfer.
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(body: [UInt8], maxResponseBytes: Int) {
        self.body = body
        self.maxResponseBytes = maxResponseBytes
        let size = ccurl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
    }

    var errorMessage: String { String(cString: errorBuffer) }

    fileprivate func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, body.count - uploadOffset)
        guard count > 0 else { return 0 }
        let copied = body.withUnsafeBytes { source -> Int in
            guard let base = source.baseAddress else { return 0 }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + uploadOffset, byteCount: count)
            return count
        }
        uploadOffset += copied
        return copied
    }

    fileprivate func seek(to offset: Int64) -> Bool {
        guard offset >= 0, offset <= Int64(body.count) else { return false }
        uploadOffset = Int(offset)
        return true
    }

    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            responseTooLarge = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
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
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespacesAndNewlines)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        responseHeaders.append(HTTPHeader(name, value))
    }

    /// Installs the callbacks and their context pointer on `handle`.
    func install(on handle: UnsafeMutableRawPointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_write_callback(handle, curlWriteCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_header_callback(handle, curlHeaderCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_read_callback(handle, curlReadCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_READDATA, context)
        _ = ccurl_setopt_seek_callback(handle, curlSeekCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_SEEKDATA, context)
        _ = ccurl_setopt_xferinfo_callback(handle, curlProgressCallback)
        _ = ccurl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context)
        _ = ccurl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
    }

    fileprivate static func from(_ pointer: UnsafeMutableRawPointer?) -> CurlTransfer? {
        pointer.map { Unmanaged<CurlTransfer>.fromOpaque($0).takeUnretainedValue() }
    }
}

// The C callbacks: `@convention(c)` closures cannot capture, so each recovers its CurlTransfer from
// the user-data pointer.

private let curlWriteCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let transfer = CurlTransfer.from(userdata) else { return 0 }
    let total = size * count
    guard total > 0, let buffer else { return total }
    return transfer.receive(UnsafeRawBufferPointer(start: buffer, count: total)) ? total : 0
}

private let curlHeaderCallback: ccurl_data_callback = { buffer, size, count, userdata in
    guard let transfer = CurlTransfer.from(userdata) else { return 0 }
    let total = size * count
    if total > 0, let buffer {
        transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: total))
    }
    return total
}

private let curlReadCallback: ccurl_read_callback = { buffer, size, count, userdata in
    guard let transfer = CurlTransfer.from(userdata), let buffer else { return ccurl_readfunc_abort() }
    return transfer.read(into: buffer, capacity: size * count)
}

private let curlSeekCallback: ccurl_seek_callback = { userdata, offset, origin in
    // libcurl only ever seeks from the start (SEEK_SET) when rewinding an upload.
    guard origin == SEEK_SET, let transfer = CurlTransfer.from(userdata) else { return 2 }  // CANTSEEK
    return transfer.seek(to: Int64(offset)) ? 0 : 1
}

private let curlProgressCallback: ccurl_xferinfo_callback = { userdata, _, _, _, _ in
    guard let transfer = CurlTransfer.from(userdata) else { return 1 }
    return transfer.cancelled.load(ordering: .relaxed) ? 1 : 0
}
