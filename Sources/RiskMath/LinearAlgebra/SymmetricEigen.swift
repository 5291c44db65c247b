internal import CLapack

/// A = V·diag(λ)·Vᵀ for a real symmetric A: eigenvalues ascending, V orthogonal.
///
/// Used to repair an estimated covariance matrix to positive definite with an eigenvalue
/// floor (METHODOLOGY §5): clamp `eigenvalues`, then `reconstructed(eigenvalues:)`.
public struct SymmetricEigendecomposition: Sendable, Equatable {
    /// λ₁ ≤ λ₂ ≤ … ≤ λₙ.
    public let eigenvalues: [Double]
    /// V: column j is the unit eigenvector of `eigenvalues[j]`. Signs are normalised so
    /// that each column's largest-magnitude element (the first, on ties) is positive,
    /// which makes the result reproducible whatever sign LAPACK happens to return.
    public let eigenvectors: Matrix

    /// V·diag(λ)·Vᵀ with the given eigenvalues (default: the decomposition's own, which
    /// gives back A to about n·ε·‖A‖). Throws `.shapeMismatch` if the count is wrong.
    public func reconstructed(eigenvalues values: [Double]? = nil) throws(LinearAlgebraError) -> Matrix {
        let lambdas = values ?? eigenvalues
        let n = eigenvectors.rows
        guard lambdas.count == n else {
            throw .shapeMismatch(operation: "reconstructed(eigenvalues:)",
                                 left: eigenvectors.shape, right: MatrixShape(rows: lambdas.count, columns: 1))
        }
        var scaled = eigenvectors  // V·diag(λ): column j times λ_j
        for i in 0..<n {
            for j in 0..<n { scaled[i, j] *= lambdas[j] }
        }
        var result = Matrix(rows: n, columns: n)
        try Matrix.gemm(scaled, eigenvectors, transposeB: true, into: &result)
        return result
    }
}

extension Matrix {
    // MARK: - Symmetric eigendecomposition (dsyevd)

    /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix
    /// (LAPACK `dsyevd`, divide and conquer, reading the lower triangle). Eigenvalues are
    /// accurate to about n·ε·‖A‖₂ in absolute terms.
    ///
    /// A must be square, finite and symmetric to 1e-10 relative to its largest element.
    /// Throws `.noConvergence` if dsyevd fails (`info` > 0).
    public func symmetricEigendecomposition() throws(LinearAlgebraError) -> SymmetricEigendecomposition {
        try requireSymmetric("symmetricEigendecomposition")
        var vectors = self
        var values = [Double](repeating: 0, count: rows)
        if rows > 0 {
            let n = lapackDimension(rows)
            let info = vectors.storage.withUnsafeMutableBufferPointer { aBuffer in
                values.withUnsafeMutableBufferPointer { wBuffer in
                    LAPACKE_dsyevd(LAPACK_ROW_MAJOR, lapackFlag("V"), lapackFlag("L"), n,
                                   aBuffer.baseAddress, n, wBuffer.baseAddress)
                }
            }
            try LAPACKStatus.check(info, .dsyevd)
        }
        for j in 0..<columns {
            var largest = 0
            for i in 1..<Swift.max(rows, 1) where abs(vectors[i, j]) > abs(vectors[largest, j]) {
                largest = i
            }
            if vectors[largest, j] < 0 {
                for i in 0..<rows { vectors[i, j] = -vectors[i, j] }
            }
        }
        return SymmetricEigendecomposition(eigenvalues: values, eigenvectors: vectors)
    }
}
