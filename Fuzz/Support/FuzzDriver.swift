import Foundation

/// libFuzzer's entry point when the program has its own `main` (SwiftPM links executables with
/// `main` aliased to the module's entry point, so libFuzzer's `main` cannot be used).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The body libFuzzer runs. `nonisolated(unsafe)`: written once, before `LLVMFuzzerRunDriver`
/// starts, and read only by libFuzzer's callbacks, which run one at a time on the thread that
/// called it (libFuzzer's in-process driver is single-threaded; -jobs/-workers use processes).
nonisolated(unsafe) private var fuzzBody: ((UnsafeRawBufferPointer) -> Void)?

/// Runs libFuzzer (the command line's options and corpus directories) with `body` as the
/// target: each input is handed over as bytes valid for the call. Exits with libFuzzer's status.
public func runFuzzer(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
    fuzzBody = body
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzBody?(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
    exit(status)
}

/// The fuzz input format of the Read targets: a 4-byte little-endian length, that many bytes of
/// Arrow IPC stream giving the table's schema, then the object to decode.
public enum SchemaAndObject {
    public static func split(_ data: UnsafeRawBufferPointer) -> (schema: UnsafeRawBufferPointer, object: UnsafeRawBufferPointer)? {
        guard data.count >= 4 else { return nil }
        let length = Int(data[0]) | Int(data[1]) << 8 | Int(data[2]) << 16 | Int(data[3]) << 24
        guard length <= data.count - 4 else { return nil }
        return (UnsafeRawBufferPointer(rebasing: data[4..<4 + length]), UnsafeRawBufferPointer(rebasing: data[(4 + length)...]))
    }
}
