import CMalloc

/// glibc's allocator settings for a process whose memory is bounded by `memory_budget_bytes`.
///
/// Measured with `bench/memory_bench.py` (200 tables at once, 128 MiB budget): with glibc's
/// defaults the process peaked at 381 MiB, with these at 178 MiB. Two defaults cause it:
/// one arena per thread that ever allocates (up to 8 × cores; encoders, request tasks and libcurl
/// run on different threads, and each arena keeps its freed pages), and the dynamic mmap
/// threshold, which rises to the size of every large block freed (up to 32 MiB), after which
/// part-sized buffers come from the arenas and stay there when freed. A fixed 128 KiB threshold
/// sends every large buffer back to the kernel on free; two arenas keep contention low on the
/// few threads that allocate. Users can still override both with `MALLOC_ARENA_MAX` and
/// `MALLOC_MMAP_THRESHOLD_` (glibc reads them at start-up; these calls do not run then).
enum AllocatorTuning {
    static func apply(environment: [String: String]) {
        if environment["MALLOC_ARENA_MAX"] == nil { _ = mallopt(M_ARENA_MAX, 2) }
        if environment["MALLOC_MMAP_THRESHOLD_"] == nil { _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024) }
        if environment["MALLOC_TRIM_THRESHOLD_"] == nil { _ = mallopt(M_TRIM_THRESHOLD, 128 * 1024) }
    }
}
