import RiskMath

extension GARCH11 {
    public struct Options: Sendable, Equatable {
        public var maximumIterations: Int
        /// Stop when the Newton decrement gᵀ(−H)⁻¹g ≤ tolerance·max(1, |log L|).
        public var tolerance: Double

        public init(maximumIterations: Int = 200, tolerance: Double = 1e-15) {
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
        }
    }

    /// Maximum-likelihood fit of `returns` (at least 20 finite values with positive variance).
    ///
    /// Starting values: μ = the sample mean and the best of a grid α ∈ {0.01, 0.05, 0.1, 0.2},
    /// α + β ∈ {0.5, 0.8, 0.9, 0.95, 0.98} with ω = s²·(1 − α − β). Throws when the data are
    /// unusable or no admissible start has a finite likelihood; a fit that stops at the
    /// iteration limit (e.g. α → 0 on the boundary) is returned with `converged` false.
    public static func fit(_ returns: [Double], options: Options = Options()) throws(FactorModelError) -> GARCH11Fit {
        let stage = "GARCH(1,1)"
        let n = returns.count
        guard n >= 20 else { throw FactorModelError(stage: stage, message: "needs at least 20 observations, got \(n)") }
        if let t = returns.firstIndex(where: { !$0.isFinite }) {
            throw FactorModelError(stage: stage, item: "observation \(t)", message: "non-finite return")
        }
        let mean = returns.reduce(0, +) / Double(n)
        let residuals = returns.map { $0 - mean }
        let variance = residuals.reduce(0) { $0 + $1 * $1 } / Double(n)
        guard variance > 0 else { throw FactorModelError(stage: stage, message: "the series has no variance") }
        let b = backcast(residuals: residuals)

        var start: Parameters?
        var startLikelihood = -Double.infinity
        for alpha in [0.01, 0.05, 0.1, 0.2] {
            for persistence in [0.5, 0.8, 0.9, 0.95, 0.98] where persistence > alpha {
                let p = Parameters(mu: mean, omega: variance * (1 - persistence), alpha: alpha, beta: persistence - alpha)
                let value = logLikelihood(returns, parameters: p, backcast: b).logLikelihood
                if value.isFinite, value > startLikelihood {
                    startLikelihood = value
                    start = p
                }
            }
        }
        guard var theta = start?.vector else {
            throw FactorModelError(stage: stage, message: "no admissible starting value has a finite likelihood")
        }
        let floors = [variance.squareRoot(), variance * 1e-2, 1e-2, 1e-2]
        var (value, gradient) = logLikelihoodAndGradient(returns, Parameters(theta), backcast: b)
        var iterations = 0, converged = false
        while iterations < options.maximumIterations {
            iterations += 1
            let negativeHessian = hessian(returns, theta, backcast: b, floors: floors).map { -$0 }
            guard let (direction, decrement) = dampedNewtonDirection(negativeHessian, gradient) else { break }
            let scale = Swift.max(1, abs(value))
            if decrement <= options.tolerance * scale {
                converged = true
                break
            }
            var step = 1.0, accepted = false
            for _ in 0..<60 {
                let candidate = zip(theta, direction).map { $0 + step * $1 }
                if Parameters(candidate).isAdmissible {
                    let (newValue, newGradient) = logLikelihoodAndGradient(returns, Parameters(candidate), backcast: b)
                    // Armijo, with slack for rounding in log L near the optimum.
                    if newValue.isFinite, newValue >= value + 1e-4 * step * decrement - 1e-14 * scale {
                        theta = candidate
                        value = newValue
                        gradient = newGradient
                        accepted = true
                        break
                    }
                }
                step *= 0.5
            }
            if !accepted {
                // No progress possible at working precision: converged if the decrement is
                // already at the rounding level of log L.
                converged = decrement <= 1e-9 * scale
                break
            }
        }
        let parameters = Parameters(theta)
        let (finalValue, variances) = logLikelihood(returns, parameters: parameters, backcast: b)
        let information = hessian(returns, theta, backcast: b, floors: floors).map { -$0 }
        return GARCH11Fit(parameters: parameters, logLikelihood: finalValue, backcast: b, observations: n,
                          standardErrors: standardErrors(information), iterations: iterations, converged: converged,
                          gradientNorm: gradient.map { abs($0) }.max() ?? 0,
                          conditionalVolatility: variances.map { $0.squareRoot() },
                          lastResidual: returns[n - 1] - parameters.mu, lastVariance: variances[n - 1])
    }

    /// The 4 × 4 Hessian of log L (row-major), central differences of the analytic
    /// gradient with steps 1e-5·max(|θ_k|, floor_k), symmetrised.
    static func hessian(_ returns: [Double], _ theta: [Double], backcast b: Double, floors: [Double]) -> [Double] {
        var h = [Double](repeating: 0, count: 16)
        for k in 0..<4 {
            let step = 1e-5 * Swift.max(abs(theta[k]), floors[k])
            var up = theta, down = theta
            up[k] += step
            down[k] -= step
            let gUp = logLikelihoodAndGradient(returns, Parameters(up), backcast: b).1
            let gDown = logLikelihoodAndGradient(returns, Parameters(down), backcast: b).1
            for j in 0..<4 { h[j * 4 + k] = (gUp[j] - gDown[j]) / (2 * step) }
        }
        for i in 0..<4 {
            for j in 0..<i {
                let mean = 0.5 * (h[i * 4 + j] + h[j * 4 + i])
                h[i * 4 + j] = mean
                h[j * 4 + i] = mean
            }
        }
        return h
    }

    /// d = (A + λ·diag(A))⁻¹ g with the smallest λ ∈ {0, 1e-8, 1e-7, …} that makes the
    /// matrix positive definite (dposv), and the decrement gᵀd.
    static func dampedNewtonDirection(_ a: [Double], _ g: [Double]) -> ([Double], Double)? {
        guard a.allSatisfy(\.isFinite), g.allSatisfy(\.isFinite) else { return nil }
        let diagonalScale = (0..<4).map { Swift.max(abs(a[$0 * 5]), 1e-12) }
        var lambda = 0.0
        for _ in 0..<20 {
            var damped = a
            for i in 0..<4 { damped[i * 5] += lambda * diagonalScale[i] }
            if let matrix = try? Matrix(rows: 4, columns: 4, elements: damped),
               let d = try? matrix.solvePositiveDefinite(g) {
                let decrement = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
                if decrement >= 0 { return (d, decrement) }
            }
            lambda = lambda == 0 ? 1e-8 : lambda * 10
        }
        return nil
    }

    /// √diag(A⁻¹) for the observed information A, or nil if A is not positive definite.
    static func standardErrors(_ information: [Double]) -> [Double]? {
        guard let matrix = try? Matrix(rows: 4, columns: 4, elements: information) else { return nil }
        var out: [Double] = []
        for k in 0..<4 {
            var unit = [Double](repeating: 0, count: 4)
            unit[k] = 1
            guard let column = try? matrix.solvePositiveDefinite(unit), column[k] > 0 else { return nil }
            out.append(column[k].squareRoot())
        }
        return out
    }
}
