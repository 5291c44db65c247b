import RiskMath

/// Repairs a symmetric matrix to positive definite by an eigenvalue floor, and proves it
/// by Cholesky (METHODOLOGY §5):
///
///     A = V·diag(λ)·Vᵀ  →  A' = V·diag(max(λ_i, ε·λ_max))·Vᵀ
///
/// (LAPACK dsyevd, then dgemm), optionally rescaled to keep the original diagonal,
/// A'' = D·A'·D with D = diag(√(a_ii/a'_ii)) — a congruence, so A'' stays positive definite
/// and the factor variances stay as estimated while the correlations move. A matrix whose
/// eigenvalues are all at or above the floor is returned unchanged, bit for bit. If the
/// Cholesky check still fails (rounding at a floor near ε), the floor is raised tenfold,
/// at most six times.
public enum PositiveDefiniteRepair {
    public struct Result: Sendable, Equatable {
        public var matrix: Matrix
        /// Eigenvalues raised to the floor (0: the input was already positive definite).
        public var clippedEigenvalues: Int
        public var minimumEigenvalueBefore: Double
        /// The relative floor ε finally used.
        public var relativeFloor: Double
        /// L with matrix = L·Lᵀ (dpotrf).
        public var cholesky: Matrix
    }

    public static func repair(_ a: Matrix, relativeFloor: Double = 1e-8,
                              preserveDiagonal: Bool = true) throws(FactorModelError) -> Result {
        let stage = "positive-definite repair"
        guard a.isSquare, a.rows > 0 else { throw FactorModelError(stage: stage, message: "needs a non-empty square matrix, got \(a.shape)") }
        let n = a.rows
        let input = symmetrised(a)
        let decomposition = try linearAlgebra(stage) { () throws(LinearAlgebraError) in try input.symmetricEigendecomposition() }
        let lambdas = decomposition.eigenvalues
        let largest = lambdas.last ?? 0
        guard largest > 0 else { throw FactorModelError(stage: stage, message: "the largest eigenvalue is \(largest): nothing to repair toward") }
        var epsilon = relativeFloor
        for _ in 0..<7 {
            let floor = epsilon * largest
            let clipped = lambdas.filter { $0 < floor }.count
            var repaired = input
            if clipped > 0 {
                let raised = lambdas.map { Swift.max($0, floor) }
                repaired = symmetrised(try linearAlgebra(stage) { () throws(LinearAlgebraError) in
                    try decomposition.reconstructed(eigenvalues: raised)
                })
                if preserveDiagonal {
                    let before = input.elements, after = repaired.elements
                    let scale = (0..<n).map { i in
                        before[i * n + i] > 0 && after[i * n + i] > 0 ? (before[i * n + i] / after[i * n + i]).squareRoot() : 1
                    }
                    var e = after
                    for i in 0..<n {
                        for j in 0..<n { e[i * n + j] *= scale[i] * scale[j] }
                    }
                    repaired = symmetrised(makeMatrix(rows: n, columns: n, e))
                }
            }
            if let factor = try? repaired.cholesky() {
                return Result(matrix: repaired, clippedEigenvalues: clipped, minimumEigenvalueBefore: lambdas.first ?? 0,
                              relativeFloor: epsilon, cholesky: factor)
            }
            epsilon *= 10
        }
        throw FactorModelError(stage: stage, message: "still not positive definite at relative floor \(epsilon / 10)")
    }
}
