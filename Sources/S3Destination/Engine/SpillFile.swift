import Foundation

/// Bytes of an open object kept on local disk instead of in memory (as Fluent Bit's `store_dir`):
/// when open objects outgrow the memory budget, their encoded bytes go here rather than being cut
/// into early, smaller objects.
///
/// The file is created in `TMPDIR` (default /tmp) and unlinked at once, so it has no name: the
/// kernel frees it when the descriptor closes — on `deinit`, on exit, and on a crash alike.
/// Owned by one object buffer of the write engine; never shared.
final class SpillFile {
    private let descriptor: Int32
    /// Bytes in the file.
    private(set) var count = 0

    init() throws {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/cq-dest-s3-spill-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw SpillError("cannot create a spill file in \(directory) (\(String(cString: strerror(errno)))): "
                + "set TMPDIR to a writable directory with free space, or raise memory_budget_bytes")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(count + offset))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw SpillError("writing a spill file failed (\(String(cString: strerror(errno)))): "
                + "free space in TMPDIR, or raise memory_budget_bytes") }
            offset += written
        }
        count += bytes.count
    }

    /// `length` bytes from `offset`.
    func read(offset: Int, length: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var done = 0
            while done < length {
                let got = pread(descriptor, buffer.baseAddress! + done, length - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    initialized = done
                    throw SpillError("reading a spill file failed (\(got < 0 ? String(cString: strerror(errno)) : "short file"))")
                }
                done += got
            }
            initialized = length
        }
    }

    /// Drops the first `length` bytes (a part that left for S3), keeping the rest at the start.
    func dropFront(_ length: Int) throws {
        let tail = try read(offset: length, length: count - length)
        guard ftruncate(descriptor, 0) == 0 else {
            throw SpillError("truncating a spill file failed (\(String(cString: strerror(errno))))")
        }
        count = 0
        try tail.withUnsafeBytes { try append($0) }
    }
}

struct SpillError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
