internal import CLapack

/// The ordinary least-squares fit of y ≈ X·β.
public struct LeastSquaresFit: Sendable, Equatable {
    /// β, one per column of the design matrix X.
    public let coefficients: [Double]
    /// Σᵢ (yᵢ − xᵢᵀβ)², from the last m − n components of Qᵀy (0 when X is square).
    public let residualSumOfSquares: Double
    /// LAPACK's estimate of 1/κ₁(R) for the column-scaled design, in (0, 1]; near 0
    /// means nearly collinear regressors.
    public let reciprocalConditionNumber: Double
}

extension Matrix {
    // MARK: - Least squares (dgels)

    /// β minimising ‖y − X·β‖₂ for the design X = `self` (m × n, m ≥ n ≥ 1, full column
    /// rank), by Householder QR (LAPACK `dgels`). Backward stable: relative error about
    /// κ(X)·ε (plus κ(X)²·ε·‖r‖/‖X‖‖β‖ for a large residual r).
    ///
    /// Columns are first scaled to unit Euclidean norm (which leaves β's meaning unchanged
    /// once unscaled) so that the rank test does not depend on the units of the
    /// regressors. Throws `.rankDeficient` when a column is zero, when dgels finds an
    /// exactly zero diagonal element of R, or when the estimated reciprocal condition
    /// number of R (`dtrcon`, 1-norm) is below max(m, n)·ε. Throws `.shapeMismatch` unless
    /// m ≥ n ≥ 1 and y has m elements; `.nonFiniteValue` for NaN or infinite input.
    /// Weighted least squares: multiply row i of X and yᵢ by √wᵢ before calling.
    public func leastSquares(_ response: [Double]) throws(LinearAlgebraError) -> LeastSquaresFit {
        let operation = "leastSquares"
        guard columns >= 1, rows >= columns else {
            throw .shapeMismatch(operation: "\(operation) needs rows ≥ columns ≥ 1", left: shape, right: shape)
        }
        guard response.count == rows else {
            throw .shapeMismatch(operation: "\(operation) X·β ≈ y", left: shape,
                                 right: MatrixShape(rows: response.count, columns: 1))
        }
        try requireFinite(operation)
        if let k = response.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(operation: "\(operation) response", row: k, column: 0)
        }
        var design = self
        var columnNorms = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            var scale = 0.0
            for i in 0..<rows { scale = Swift.max(scale, abs(design[i, j])) }
            guard scale > 0 else { throw .rankDeficient(reciprocalConditionNumber: 0) }
            var sum = 0.0
            for i in 0..<rows { sum += (design[i, j] / scale) * (design[i, j] / scale) }
            columnNorms[j] = scale * sum.squareRoot()
            for i in 0..<rows { design[i, j] /= columnNorms[j] }
        }
        var rhs = response
        let m = lapackDimension(rows), n = lapackDimension(columns)
        let info = design.storage.withUnsafeMutableBufferPointer { aBuffer in
            rhs.withUnsafeMutableBufferPointer { bBuffer in
                LAPACKE_dgels(LAPACK_ROW_MAJOR, lapackFlag("N"), m, n, 1, aBuffer.baseAddress, n,
                              bBuffer.baseAddress, 1)
            }
        }
        try LAPACKStatus.check(info, .dgels)
        var reciprocalCondition = 0.0
        let conditionInfo = design.storage.withUnsafeBufferPointer { aBuffer in
            LAPACKE_dtrcon(LAPACK_ROW_MAJOR, lapackFlag("1"), lapackFlag("U"), lapackFlag("N"), n,
                           aBuffer.baseAddress, n, &reciprocalCondition)
        }
        try LAPACKStatus.check(conditionInfo, .dtrcon)
        guard reciprocalCondition >= Double(Swift.max(rows, columns)) * Double.ulpOfOne else {
            throw .rankDeficient(reciprocalConditionNumber: reciprocalCondition)
        }
        let coefficients = (0..<columns).map { rhs[$0] / columnNorms[$0] }
        let residualSumOfSquares = rhs[columns...].reduce(0) { $0 + $1 * $1 }
        return LeastSquaresFit(coefficients: coefficients, residualSumOfSquares: residualSumOfSquares,
                               reciprocalConditionNumber: reciprocalCondition)
    }
}
