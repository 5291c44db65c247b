internal import CLapack

/// OpenBLAS's process-wide settings that can change figures in their last bits.
///
/// Measured on the project machine (OpenBLAS 0.3.21, pthreads build, kernel "Cooperlake"):
/// the same 700×700 dgemm, dgemv, dpotrf and dsyevd give bit-different results with
/// `OPENBLAS_NUM_THREADS` = 1 and 2 (each is repeatable at a fixed thread count). A run
/// that must reproduce its figures whatever the core count (METHODOLOGY §7) should
/// therefore fix `threadCount` — 1 is simplest, leaving parallelism to `parallelMap` — and
/// record `coreName` in its manifest, because another CPU kernel can also move the last bits.
public enum BLASEnvironment {
    /// Threads OpenBLAS uses inside one call (`openblas_get_num_threads` /
    /// `openblas_set_num_threads`). Process-wide: set it once, before any parallel work,
    /// not while other threads are inside BLAS or LAPACK.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set {
            precondition(newValue >= 1, "BLASEnvironment.threadCount must be at least 1")
            openblas_set_num_threads(Int32(clamping: newValue))
        }
    }

    /// The CPU kernel OpenBLAS selected at load time, e.g. "Cooperlake" (`openblas_get_corename`).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "" }
        return String(cString: name)
    }

    /// OpenBLAS's build configuration string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH …"
    /// (`openblas_get_config`).
    public static var configuration: String {
        guard let text = openblas_get_config() else { return "" }
        return String(cString: text)
    }
}
