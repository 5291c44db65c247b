import RiskMath

/// Return attribution by factor (METHODOLOGY §5): r_p = xᵀf + specific.
public enum ReturnAttribution {
    public struct Result: Sendable, Equatable {
        /// r_p = hᵀr.
        public var total: Double
        /// x_k·f_k with x = Xᵀh.
        public var factors: [Double]
        /// hᵀu = r_p − Σ_k x_k f_k.
        public var specific: Double
    }

    /// One date: holdings h (N), exposures X (N × K), factor returns f (K), asset returns r (N).
    public static func crossSectional(holdings h: [Double], exposures x: Matrix, factorReturns f: [Double],
                                      assetReturns r: [Double]) throws(FactorModelError) -> Result {
        guard h.count == x.rows, r.count == x.rows, f.count == x.columns else {
            throw FactorModelError(stage: "return attribution", message: "\(h.count) holdings, \(r.count) returns, exposures \(x.shape), \(f.count) factor returns")
        }
        let exposure = try linearAlgebra("return attribution") { () throws(LinearAlgebraError) in
            var e = [Double](repeating: 0, count: x.columns)
            try Matrix.gemv(x, transposeA: true, h, into: &e)
            return e
        }
        let total = zip(h, r).reduce(0) { $0 + $1.0 * $1.1 }
        let factors = zip(exposure, f).map { $0 * $1 }
        return Result(total: total, factors: factors, specific: total - factors.reduce(0, +))
    }
}

/// Time-series attribution of a return series to factor returns: exposures β by OLS of
/// r_t = α + Σ_k β_k f_tk + e_t (LAPACK dgels), then per period r_t = α + Σ_k β_k f_tk + e_t
/// exactly, and over the sample the arithmetic sums of each part (with an intercept the
/// residuals sum to zero, so the cumulative specific part is α·T).
public struct TimeSeriesAttribution: Sendable, Equatable, Codable {
    public var factors: [String]
    public var periods: [String]
    /// β_k.
    public var exposures: [Double]
    /// α per period.
    public var alpha: Double
    public var rSquared: Double
    /// √(Σe²/(T − K − 1)), per period.
    public var residualVolatility: Double
    /// Σ_t β_k f_tk per factor.
    public var cumulativeFactorContributions: [Double]
    /// Σ_t (α + e_t).
    public var cumulativeSpecific: Double
    /// Σ_t r_t.
    public var cumulativeTotal: Double
    /// β_k f_tk, one row per period.
    public var contributions: [[Double]]
    /// α + e_t per period.
    public var specific: [Double]

    enum CodingKeys: String, CodingKey {
        case factors, periods, exposures, alpha, rSquared = "r_squared", residualVolatility = "residual_volatility"
        case cumulativeFactorContributions = "cumulative_factor_contributions", cumulativeSpecific = "cumulative_specific"
        case cumulativeTotal = "cumulative_total", contributions, specific
    }

    public static func fit(returns r: [Double], factors: FactorReturnSeries) throws(FactorModelError) -> TimeSeriesAttribution {
        let t = r.count, k = factors.names.count
        let stage = "time-series attribution"
        guard factors.returns.rows == t, t > k + 2 else {
            throw FactorModelError(stage: stage, message: "\(t) returns against \(factors.returns.rows) factor periods and \(k) factors")
        }
        let f = factors.returns.elements
        var design = [Double](repeating: 1, count: t * (k + 1))
        for row in 0..<t {
            for j in 0..<k { design[row * (k + 1) + 1 + j] = f[row * k + j] }
        }
        let fit = try linearAlgebra(stage) { () throws(LinearAlgebraError) in
            try makeMatrix(rows: t, columns: k + 1, design).leastSquares(r)
        }
        let alpha = fit.coefficients[0], beta = Array(fit.coefficients[1...])
        var contributions = [[Double]](), specific = [Double](), cumulative = [Double](repeating: 0, count: k)
        var residualSquares = 0.0
        let mean = r.reduce(0, +) / Double(t)
        var totalSquares = 0.0
        for row in 0..<t {
            let c = (0..<k).map { beta[$0] * f[row * k + $0] }
            for j in 0..<k { cumulative[j] += c[j] }
            let e = r[row] - alpha - c.reduce(0, +)
            residualSquares += e * e
            totalSquares += (r[row] - mean) * (r[row] - mean)
            contributions.append(c)
            specific.append(alpha + e)
        }
        return TimeSeriesAttribution(
            factors: factors.names, periods: factors.labels, exposures: beta, alpha: alpha,
            rSquared: totalSquares > 0 ? 1 - residualSquares / totalSquares : 0,
            residualVolatility: (residualSquares / Double(t - k - 1)).squareRoot(),
            cumulativeFactorContributions: cumulative, cumulativeSpecific: specific.reduce(0, +),
            cumulativeTotal: r.reduce(0, +), contributions: contributions, specific: specific)
    }
}
