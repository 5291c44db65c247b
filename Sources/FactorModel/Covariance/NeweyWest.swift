import RiskMath

/// Weighted autocovariances and the Newey-West (1987) covariance of a multivariate series.
///
/// With observation weights w_t (Σ w_t = 1, oldest first) and centred observations x_t
/// (rows of a T × K matrix):
///
///     Γ_l = Σ_{t=l}^{T−1} w_t · x_t · x_{t−l}ᵀ                      (lag l ≥ 0)
///     C_NW = Γ_0 + Σ_{l=1}^{L} (1 − l/(L + 1)) · (Γ_l + Γ_lᵀ)        (Bartlett weights)
///
/// With equal weights 1/T this is the textbook Newey-West estimator of the long-run
/// covariance (divisor T at every lag); with exponential weights it is the Barra USE4
/// form. The lag-l term accounts for serial correlation, so C_NW approximates the
/// covariance of the sum of L + 1 consecutive returns divided by L + 1.
/// Not guaranteed positive semi-definite with unequal weights: the estimator repairs
/// the final matrix (`PositiveDefiniteRepair`).
public enum NeweyWest {
    /// Γ_l, K × K (dgemm of the weighted suffix and the unweighted prefix).
    public static func autocovariance(_ centred: Matrix, weights: [Double], lag: Int) throws(FactorModelError) -> Matrix {
        let t = centred.rows, k = centred.columns
        guard weights.count == t, lag >= 0 else {
            throw FactorModelError(stage: "Newey-West", message: "\(weights.count) weights for \(t) observations, lag \(lag)")
        }
        guard lag < t else { return Matrix(rows: k, columns: k) }
        let x = centred.elements
        var leading = Array(x[(lag * k)...])  // rows lag … T−1, weighted
        for row in 0..<(t - lag) {
            let w = weights[row + lag]
            for j in 0..<k { leading[row * k + j] *= w }
        }
        let lagged = Array(x[0..<((t - lag) * k)])  // rows 0 … T−1−lag
        let a = makeMatrix(rows: t - lag, columns: k, leading), b = makeMatrix(rows: t - lag, columns: k, lagged)
        return try linearAlgebra("Newey-West") { () throws(LinearAlgebraError) in
            var gamma = Matrix(rows: k, columns: k)
            try Matrix.gemm(a, transposeA: true, b, into: &gamma)
            return gamma
        }
    }

    /// C_NW with `lags` ≥ 0 Bartlett lags (0 gives the symmetrised Γ_0).
    public static func covariance(_ centred: Matrix, weights: [Double], lags: Int) throws(FactorModelError) -> Matrix {
        guard lags >= 0 else { throw FactorModelError(stage: "Newey-West", message: "lags must be ≥ 0, got \(lags)") }
        let k = centred.columns
        var sum = symmetrised(try autocovariance(centred, weights: weights, lag: 0)).elements
        if lags > 0 {
            for l in 1...lags {
                let gamma = try autocovariance(centred, weights: weights, lag: l).elements
                let bartlett = 1 - Double(l) / Double(lags + 1)
                for i in 0..<k {
                    for j in 0..<k { sum[i * k + j] += bartlett * (gamma[i * k + j] + gamma[j * k + i]) }
                }
            }
        }
        return makeMatrix(rows: k, columns: k, sum)
    }

    /// Σ w_t x_t per column.
    public static func weightedMean(_ observations: Matrix, weights: [Double]) throws(FactorModelError) -> [Double] {
        try linearAlgebra("weighted mean") { () throws(LinearAlgebraError) in
            var mean = [Double](repeating: 0, count: observations.columns)
            try Matrix.gemv(observations, transposeA: true, weights, into: &mean)
            return mean
        }
    }

    /// x_t − μ with μ = Σ w_t x_t (or the observations unchanged when `demean` is false).
    public static func centred(_ observations: Matrix, weights: [Double], demean: Bool) throws(FactorModelError) -> Matrix {
        guard demean else { return observations }
        let mean = try weightedMean(observations, weights: weights)
        var x = observations.elements
        let k = observations.columns
        for row in 0..<observations.rows {
            for j in 0..<k { x[row * k + j] -= mean[j] }
        }
        return makeMatrix(rows: observations.rows, columns: k, x)
    }
}

/// (A + Aᵀ)/2.
func symmetrised(_ a: Matrix) -> Matrix {
    let n = a.rows
    var e = a.elements
    for i in 0..<n {
        for j in 0..<i {
            let mean = 0.5 * (e[i * n + j] + e[j * n + i])
            e[i * n + j] = mean
            e[j * n + i] = mean
        }
    }
    return makeMatrix(rows: n, columns: n, e)
}
