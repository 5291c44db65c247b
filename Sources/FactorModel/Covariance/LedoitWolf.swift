import RiskMath

/// Ledoit-Wolf (2004) shrinkage of a sample covariance toward a scaled identity:
///
///     Σ̂ = (1 − s)·S + s·μ·I,   μ = tr(S)/p,
///     δ = ‖S − μI‖²_F / p,   β = Σ_t w_t² ‖x_t x_tᵀ − S‖²_F / p,   s = min(β, δ)/δ
///
/// for centred observations x_t with weights w_t (Σ w = 1) and S = Σ w_t x_t x_tᵀ. With
/// equal weights 1/T this is exactly the estimator of Ledoit & Wolf, "A well-conditioned
/// estimator for large-dimensional covariance matrices" (J. Multivariate Anal. 88, 2004),
/// as scikit-learn's `ledoit_wolf(X, assume_centered=True)` computes it; with unequal
/// weights β is the weighted analogue of the variance of the sample covariance (an
/// extension, not in the paper). s = 0 when δ = 0 (S already a multiple of I).
///
/// The factor covariance estimator applies it to standardised returns, where μ = 1 and the
/// target is the identity correlation, so variances are left as estimated.
public enum LedoitWolf {
    public struct Result: Sendable, Equatable {
        /// s ∈ [0, 1].
        public var intensity: Double
        /// μ = tr(S)/p.
        public var target: Double
        /// S.
        public var sample: Matrix
        /// (1 − s)·S + s·μ·I.
        public var shrunk: Matrix
    }

    public static func shrink(_ centred: Matrix, weights: [Double]? = nil) throws(FactorModelError) -> Result {
        let t = centred.rows, p = centred.columns
        let w = weights ?? [Double](repeating: 1 / Double(t), count: t)
        guard w.count == t, t > 0, p > 0 else {
            throw FactorModelError(stage: "Ledoit-Wolf", message: "\(t) observations of \(p) variables with \(w.count) weights")
        }
        let sample = symmetrised(try NeweyWest.autocovariance(centred, weights: w, lag: 0))
        let s = sample.elements
        var trace = 0.0
        for i in 0..<p { trace += s[i * p + i] }
        let mu = trace / Double(p)
        var delta = 0.0, sampleNorm = 0.0
        for i in 0..<p {
            for j in 0..<p {
                let d = s[i * p + j] - (i == j ? mu : 0)
                delta += d * d
                sampleNorm += s[i * p + j] * s[i * p + j]
            }
        }
        delta /= Double(p)
        // Σ w_t² ‖x_t x_tᵀ − S‖² = Σ w_t² (‖x_t‖⁴ − 2 x_tᵀ S x_t) + (Σ w_t²)·‖S‖².
        let xs = try linearAlgebra("Ledoit-Wolf") { () throws(LinearAlgebraError) in try centred * sample }.elements
        let x = centred.elements
        var beta = 0.0, weightSquares = 0.0
        for row in 0..<t {
            var norm2 = 0.0, quadratic = 0.0
            for j in 0..<p {
                norm2 += x[row * p + j] * x[row * p + j]
                quadratic += x[row * p + j] * xs[row * p + j]
            }
            beta += w[row] * w[row] * (norm2 * norm2 - 2 * quadratic)
            weightSquares += w[row] * w[row]
        }
        beta = (beta + weightSquares * sampleNorm) / Double(p)
        beta = Swift.max(0, Swift.min(beta, delta))
        let intensity = delta > 0 ? beta / delta : 0
        var shrunk = s
        for i in 0..<p {
            for j in 0..<p { shrunk[i * p + j] = (1 - intensity) * s[i * p + j] + (i == j ? intensity * mu : 0) }
        }
        return Result(intensity: intensity, target: mu, sample: sample, shrunk: makeMatrix(rows: p, columns: p, shrunk))
    }
}
