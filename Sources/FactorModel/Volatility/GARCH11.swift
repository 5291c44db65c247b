/// GARCH(1,1) with a constant mean and normal innovations, by maximum likelihood
/// (METHODOLOGY §5; Bollerslev 1986):
///
///     r_t = μ + ε_t,   ε_t = σ_t·z_t,   z_t ~ N(0, 1)
///     σ²_t = ω + α·ε²_{t−1} + β·σ²_{t−1}                     (t ≥ 1)
///     σ²_0 = ω + (α + β)·b                                    (the backcast b stands in for ε²_{−1} and σ²_{−1})
///     log L = −½ Σ_t [ln 2π + ln σ²_t + ε²_t/σ²_t]
///
/// The backcast is the one the Python `arch` package documents as its default: an
/// exponentially weighted mean of the first τ = min(75, T) squared residuals of the
/// sample mean, weights 0.94^i normalised to sum to 1; it is fixed before the optimisation
/// (as `arch` does), so our likelihood is the same function of (μ, ω, α, β) as `arch`'s.
/// Constraints: ω > 0, α ≥ 0, β ≥ 0, α + β < 1 (stationarity).
///
/// The maximiser is a damped Newton method on the analytic gradient (recursion for
/// ∂σ²_t/∂θ) with a central-difference Hessian of that gradient, Levenberg-Marquardt
/// damping when the Hessian is not negative definite, and a backtracking line search
/// that stays inside the constraints; it stops when the Newton decrement gᵀ(−H)⁻¹g falls
/// below 1e-12·max(1, |log L|). It converges to the maximiser to about 1e-8 relative,
/// which is tighter than `arch`'s own SLSQP stopping rule (its estimates on the S&P 500
/// series are within 5e-5 of the maximiser), so parity with `arch` is limited by `arch`,
/// and is tested at 1e-4 relative.
///
/// Not modelled: `arch`'s variance bounds (a guard against explosive σ² that never binds
/// at a stationary optimum), Student-t innovations, asymmetric terms.
public enum GARCH11 {
    /// θ = (μ, ω, α, β).
    public struct Parameters: Sendable, Equatable, Codable {
        public var mu: Double
        public var omega: Double
        public var alpha: Double
        public var beta: Double

        public init(mu: Double, omega: Double, alpha: Double, beta: Double) {
            self.mu = mu
            self.omega = omega
            self.alpha = alpha
            self.beta = beta
        }

        var vector: [Double] { [mu, omega, alpha, beta] }
        init(_ v: [Double]) { self.init(mu: v[0], omega: v[1], alpha: v[2], beta: v[3]) }

        /// ω > 0, α ≥ 0, β ≥ 0, α + β < 1, all finite.
        public var isAdmissible: Bool {
            mu.isFinite && omega > 0 && omega.isFinite && alpha >= 0 && beta >= 0 && alpha + beta < 1
        }

        /// α + β.
        public var persistence: Double { alpha + beta }
        /// ω/(1 − α − β), the unconditional variance.
        public var longRunVariance: Double { omega / (1 - alpha - beta) }
    }

    public static let backcastLength = 75
    public static let backcastDecay = 0.94

    /// The backcast b = Σ_{i<τ} 0.94^i·e_i² / Σ_{i<τ} 0.94^i of residuals e (τ = min(75, T)).
    public static func backcast(residuals e: [Double]) -> Double {
        let tau = Swift.min(backcastLength, e.count)
        var weight = 1.0, sum = 0.0, weighted = 0.0
        for i in 0..<tau {
            weighted += weight * e[i] * e[i]
            sum += weight
            weight *= backcastDecay
        }
        return sum > 0 ? weighted / sum : 0
    }

    /// log L and the conditional variances σ²_t at θ (no admissibility check).
    public static func logLikelihood(_ returns: [Double], parameters p: Parameters,
                                     backcast b: Double) -> (logLikelihood: Double, variances: [Double]) {
        var variances = [Double](repeating: 0, count: returns.count)
        var variance = p.omega + (p.alpha + p.beta) * b
        var sum = 0.0
        var previous = 0.0
        for t in returns.indices {
            if t > 0 { variance = p.omega + p.alpha * previous * previous + p.beta * variance }
            let e = returns[t] - p.mu
            variances[t] = variance
            sum += naturalLog(variance) + e * e / variance
            previous = e
        }
        return (-0.5 * (Double(returns.count) * logTwoPi + sum), variances)
    }

    /// log L and its gradient ∂ log L/∂(μ, ω, α, β), by the recursion
    /// ∂σ²_t/∂θ = (−2αε_{t−1}, 1, ε²_{t−1}, σ²_{t−1}) + β·∂σ²_{t−1}/∂θ, with
    /// ∂σ²_0/∂θ = (0, 1, b, b).
    static func logLikelihoodAndGradient(_ returns: [Double], _ p: Parameters, backcast b: Double) -> (Double, [Double]) {
        var variance = p.omega + (p.alpha + p.beta) * b
        var d0 = 0.0, d1 = 1.0, d2 = b, d3 = b
        var g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0
        var sum = 0.0, previous = 0.0
        for t in returns.indices {
            if t > 0 {
                let lastVariance = variance
                d0 = -2 * p.alpha * previous + p.beta * d0
                d1 = 1 + p.beta * d1
                d2 = previous * previous + p.beta * d2
                d3 = lastVariance + p.beta * d3
                variance = p.omega + p.alpha * previous * previous + p.beta * lastVariance
            }
            let e = returns[t] - p.mu
            let ratio = e * e / variance
            sum += naturalLog(variance) + ratio
            let factor = -0.5 * (1 - ratio) / variance
            g0 += factor * d0 + e / variance
            g1 += factor * d1
            g2 += factor * d2
            g3 += factor * d3
            previous = e
        }
        return (-0.5 * (Double(returns.count) * logTwoPi + sum), [g0, g1, g2, g3])
    }

    static let logTwoPi = 1.837_877_066_409_345_483_560_659_472_811
}
