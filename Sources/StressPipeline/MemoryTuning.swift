#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// The allocator's settings for a run. glibc serves a large block (a column of the book)
/// from mmap and returns it to the system when freed, but after the first such free it
/// raises that threshold to the block's size (up to 32 MB), so later columns come from the
/// heap arenas and stay resident when freed; with columns parsed and built on worker
/// threads, that freed memory then sits in arenas the main thread does not reuse. A fixed
/// 1 MiB threshold keeps every large block on mmap: the 1M book's run peaks at 412 MB
/// instead of 586 MB, in the same time (BENCHMARKS.md, "Memory").
public enum MemoryTuning {
    public static let mmapThreshold: Int32 = 1 << 20

    /// Call once, first thing in the process.
    public static func apply() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }
}
