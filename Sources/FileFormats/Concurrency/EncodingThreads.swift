#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many threads an encoder spreads one batch over by default.
enum EncodingThreads {
    /// The online cores, at most 4: more threads would add scratch memory per open object
    /// (one page scratch or one rendering part each) for little gain, since uploads and the
    /// stream decoding want a core too.
    static let defaultCount: Int = max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
}
