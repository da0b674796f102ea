import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rewrites a token cache file (SSO, `aws login`): a temporary file in the same directory, created with
/// mode 0600 because it holds bearer tokens, secrets or a private key, written, synced and renamed over
/// the old one, so a reader (the AWS CLI, another plugin process) never sees half a file.
enum PrivateFile {
    /// - Returns: `nil` on success, else why it failed (names the path, never the content).
    static func replace(_ path: String, with data: Data) -> String? {
        let temporary = path + ".tmp-" + String(Int64(Date().timeIntervalSince1970 * 1e9))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "failed to create \(temporary): \(String(cString: strerror(errno)))" }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "failed to replace \(path): \(reason)"
        }
        return nil
    }
}
