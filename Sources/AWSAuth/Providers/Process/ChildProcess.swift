import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `/bin/sh -c COMMAND` with a deadline and collects its standard output.
///
/// - stdin is `/dev/null`: a plugin has no terminal to prompt on;
/// - stderr is read and discarded (only its size is reported): a helper may print tokens there, and the
///   plugin's own stderr carries its JSON log, which raw lines would corrupt;
/// - the child leads a process group of its own, so a timeout kills the shell *and* what it started.
enum ChildProcess {
    struct Outcome: Sendable {
        enum Termination: Sendable, Equatable {
            case exited(Int32)
            case signalled(Int32)
        }

        let termination: Termination
        let stdout: [UInt8]
        let stderrByteCount: Int
        let timedOut: Bool
        let stdoutTooLarge: Bool
    }

    struct LaunchError: Error, CustomStringConvertible {
        let description: String
    }

    static func run(
        command: String, environment: [String: String], timeout: Double, maxOutputBytes: Int = 1 << 20
    ) async throws -> Outcome {
        let box = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, any Error>) in
                let thread = Thread {
                    continuation.resume(with: Result {
                        try runBlocking(command, environment, timeout, maxOutputBytes, box)
                    })
                }
                thread.name = "credential-process"
                thread.start()
            }
        } onCancel: {
            box.flag.store(true, ordering: .relaxed)
        }
    }

    private final class CancelFlag: Sendable {
        let flag = Atomic<Bool>(false)
    }

    private static func runBlocking(
        _ command: String, _ environment: [String: String], _ timeout: Double, _ maxOutputBytes: Int,
        _ cancel: CancelFlag
    ) throws -> Outcome {
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdoutPipe) == 0 else { throw LaunchError(description: "pipe failed: errno \(errno)") }
        guard pipe(&stderrPipe) == 0 else {
            close(stdoutPipe[0]); close(stdoutPipe[1])
            throw LaunchError(description: "pipe failed: errno \(errno)")
        }
        // Close-on-exec, so no other child started meanwhile inherits our pipe ends (dup2 in the
        // spawned child clears the flag on its own copies 1 and 2).
        for fd in stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ["/bin/sh", "-c", command]
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                posix_spawn(&pid, "/bin/sh", &actions, &attributes, argvPointers, envPointers)
            }
        }
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard status == 0 else {
            close(stdoutPipe[0]); close(stderrPipe[0])
            throw LaunchError(description: "could not start /bin/sh: \(String(cString: strerror(status)))")
        }

        var stdout: [UInt8] = []
        var stderrCount = 0
        var tooLarge = false
        var timedOut = false
        var open: [Int32] = [stdoutPipe[0], stderrPipe[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || cancel.flag.load(ordering: .relaxed) {
                timedOut = remaining <= 0
                kill(-pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 0.2) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == stdoutPipe[0] {
                    if stdout.count + count > maxOutputBytes {
                        tooLarge = true
                        kill(-pid, SIGKILL)
                    } else {
                        stdout.append(contentsOf: buffer[0..<count])
                    }
                } else {
                    stderrCount += count
                }
            }
            if tooLarge { break }
        }
        for fd in open { close(fd) }

        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        // The shell may have left children holding the pipes; they share its process group.
        if timedOut || tooLarge { kill(-pid, SIGKILL) }
        if cancel.flag.load(ordering: .relaxed) { throw CancellationError() }

        let termination: Outcome.Termination
        let signal = waitStatus & 0x7F
        if signal == 0 {
            termination = .exited((waitStatus >> 8) & 0xFF)
        } else {
            termination = .signalled(signal)
        }
        return Outcome(
            termination: termination, stdout: stdout, stderrByteCount: stderrCount, timedOut: timedOut,
            stdoutTooLarge: tooLarge)
    }

    /// A NULL-terminated `char *[]` for `posix_spawn`, valid inside `body`.
    private static func withCStrings<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("pointers always holds the NULL terminator") }
            return body(base)
        }
    }
}
