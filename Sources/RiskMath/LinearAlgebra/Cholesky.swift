internal import CLapack

extension Matrix {
    // MARK: - Cholesky factorization (dpotrf)

    /// The lower-triangular L with A = L·Lᵀ and positive diagonal (LAPACK `dpotrf`,
    /// lower; the strict upper triangle of the result is zero).
    ///
    /// Used to check that a covariance or correlation matrix is positive definite and to
    /// draw correlated normals x = L·z (METHODOLOGY §5, §6). A must be square, finite and
    /// symmetric to 1e-10 relative to its largest element (LAPACK itself would read only
    /// the lower triangle and silently ignore asymmetry).
    /// Throws `.notPositiveDefinite(minorOrder: k)` when the leading k×k minor is not
    /// positive definite (dpotrf `info` = k).
    public func cholesky() throws(LinearAlgebraError) -> Matrix {
        try requireSymmetric("cholesky")
        var factor = self
        if rows == 0 { return factor }
        let n = lapackDimension(rows)
        let info = factor.storage.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotrf(LAPACK_ROW_MAJOR, lapackFlag("L"), n, buffer.baseAddress, n)
        }
        try LAPACKStatus.check(info, .dpotrf)
        for i in 0..<rows {
            for j in (i + 1)..<columns { factor.storage[i * columns + j] = 0 }
        }
        return factor
    }

    // MARK: - Positive definite solve (dposv)

    /// x with A·x = b for symmetric positive definite A (LAPACK `dposv`: Cholesky, then
    /// two triangular solves). Backward stable; relative error about cond(A)·ε.
    /// Same checks and errors as `cholesky()`, plus `.shapeMismatch` unless b.count == A.rows.
    public func solvePositiveDefinite(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try requireSymmetric("solvePositiveDefinite")
        guard b.count == rows else {
            throw .shapeMismatch(operation: "solvePositiveDefinite A·x = b",
                                 left: shape, right: MatrixShape(rows: b.count, columns: 1))
        }
        if let k = b.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(operation: "solvePositiveDefinite right-hand side", row: k, column: 0)
        }
        if rows == 0 { return [] }
        var factor = storage
        var solution = b
        let n = lapackDimension(rows)
        let info = factor.withUnsafeMutableBufferPointer { aBuffer in
            solution.withUnsafeMutableBufferPointer { bBuffer in
                LAPACKE_dposv(LAPACK_ROW_MAJOR, lapackFlag("L"), n, 1, aBuffer.baseAddress, n,
                              bBuffer.baseAddress, 1)
            }
        }
        try LAPACKStatus.check(info, .dposv)
        return solution
    }
}
