import RiskMath

/// The risk of holdings h under a factor model (METHODOLOGY §5):
///
///     σ² = hᵀ(X F Xᵀ + Δ)h = xᵀFx + Σ_i h_i² Δ_i,   x = Xᵀh
///     factor contribution  c_k = x_k·(Fx)_k / σ          (Σ_k c_k = xᵀFx/σ)
///     specific contribution     Σ_i h_i² Δ_i / σ          (Σ_k c_k + specific = σ)
///     marginal contribution MCR_i = ((X F x)_i + Δ_i h_i)/σ = ∂σ/∂h_i
///     component contribution     h_i·MCR_i               (Σ_i components = σ, Euler)
///
/// Active risk against a benchmark is the same with h − h_b. σ is in the units of h times
/// the units of the returns (weights summing to 1 give a return volatility). A zero σ
/// gives zero contributions rather than NaN.
public struct RiskDecomposition: Sendable, Equatable {
    public var total: Double
    /// √(xᵀFx).
    public var systematic: Double
    /// √(Σ h_i² Δ_i).
    public var specific: Double
    /// x = Xᵀh.
    public var factorExposures: [Double]
    /// c_k = x_k (Fx)_k / σ.
    public var factorContributions: [Double]
    /// (Fx)_k / σ = ∂σ/∂x_k.
    public var factorMarginal: [Double]
    /// Σ h_i² Δ_i / σ.
    public var specificContribution: Double
    /// ∂σ/∂h_i.
    public var assetMarginal: [Double]
    /// h_i·∂σ/∂h_i.
    public var assetComponents: [Double]

    /// xᵀFx/σ², the share of variance that is systematic.
    public var systematicShare: Double { total > 0 ? systematic * systematic / (total * total) : 0 }

    /// Dense decomposition: X is N × K, F K × K, Δ and h have N elements (dgemv twice).
    public static func decompose(holdings h: [Double], exposures x: Matrix, covariance f: Matrix,
                                 specificVariance delta: [Double]) throws(FactorModelError) -> RiskDecomposition {
        let n = x.rows, k = x.columns
        guard h.count == n, delta.count == n, f.rows == k, f.columns == k else {
            throw FactorModelError(stage: "risk decomposition",
                                   message: "\(h.count) holdings, \(delta.count) specific variances, exposures \(x.shape), covariance \(f.shape)")
        }
        let (exposure, fx, xfx) = try linearAlgebra("risk decomposition") { () throws(LinearAlgebraError) -> ([Double], [Double], [Double]) in
            var exposure = [Double](repeating: 0, count: k)
            try Matrix.gemv(x, transposeA: true, h, into: &exposure)
            let fx = try f * exposure
            return (exposure, fx, try x * fx)
        }
        var systematicVariance = 0.0
        for j in 0..<k { systematicVariance += exposure[j] * fx[j] }
        var specificVariance = 0.0
        for i in 0..<n { specificVariance += h[i] * h[i] * delta[i] }
        let variance = Swift.max(systematicVariance, 0) + specificVariance
        let sigma = variance.squareRoot()
        let inverse = sigma > 0 ? 1 / sigma : 0
        let marginal = (0..<n).map { (xfx[$0] + delta[$0] * h[$0]) * inverse }
        return RiskDecomposition(
            total: sigma, systematic: Swift.max(systematicVariance, 0).squareRoot(), specific: specificVariance.squareRoot(),
            factorExposures: exposure, factorContributions: (0..<k).map { exposure[$0] * fx[$0] * inverse },
            factorMarginal: fx.map { $0 * inverse }, specificContribution: specificVariance * inverse,
            assetMarginal: marginal, assetComponents: (0..<n).map { h[$0] * marginal[$0] })
    }

    /// Active risk of `portfolio` against `benchmark` (same assets): the decomposition of h − h_b.
    public static func active(portfolio: [Double], benchmark: [Double], exposures: Matrix, covariance: Matrix,
                              specificVariance: [Double]) throws(FactorModelError) -> RiskDecomposition {
        guard portfolio.count == benchmark.count else {
            throw FactorModelError(stage: "active risk", message: "\(portfolio.count) holdings against \(benchmark.count) benchmark weights")
        }
        return try decompose(holdings: zip(portfolio, benchmark).map { $0 - $1 }, exposures: exposures,
                             covariance: covariance, specificVariance: specificVariance)
    }
}
