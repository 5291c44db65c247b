internal import CLapack

/// The LAPACK routines RiskMath calls; each gives its own meaning to a positive `info`.
enum LAPACKRoutine: String, Sendable {
    case dpotrf, dposv, dsyevd, dgels, dtrcon
}

/// The one place where a LAPACKE return code becomes a Swift error (STYLE habit 8).
///
/// - info = 0: success.
/// - info = −1010 / −1011 (`LAPACK_WORK_MEMORY_ERROR`, `LAPACK_TRANSPOSE_MEMORY_ERROR`):
///   LAPACKE could not allocate.
/// - info < 0: argument −info was illegal.
/// - info > 0: the routine's documented failure — dpotrf/dposv: leading minor of order
///   info not positive definite; dgels: R(info, info) = 0, A not of full rank; dsyevd:
///   no convergence. dtrcon never returns info > 0.
enum LAPACKStatus {
    static func check(_ info: Int32, _ routine: LAPACKRoutine) throws(LinearAlgebraError) {
        if info == 0 { return }
        if info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR {
            throw .workspaceAllocationFailed(routine: routine.rawValue)
        }
        if info < 0 {
            throw .illegalArgument(routine: routine.rawValue, position: Int(-info))
        }
        switch routine {
        case .dpotrf, .dposv:
            throw .notPositiveDefinite(minorOrder: Int(info))
        case .dgels:
            throw .rankDeficient(reciprocalConditionNumber: 0)
        case .dsyevd, .dtrcon:
            throw .noConvergence(routine: routine.rawValue, info: Int(info))
        }
    }
}

/// A LAPACK character argument ("L", "U", "N", "V", "1").
@inline(__always)
func lapackFlag(_ flag: Unicode.Scalar) -> CChar {
    CChar(UInt8(ascii: flag))
}

/// A dimension as LAPACK's and CBLAS's 32-bit integer (OpenBLAS built without INTERFACE64).
@inline(__always)
func lapackDimension(_ n: Int) -> Int32 {
    precondition(n <= Int(Int32.max), "dimension \(n) exceeds the 32-bit BLAS/LAPACK interface")
    return Int32(n)
}
