/// A fitted GARCH(1,1) (see `GARCH11`), in the units of the series it was fitted on
/// (`arch`'s convention is 100 × log returns, so variances are in percent²).
public struct GARCH11Fit: Sendable, Equatable, Codable {
    public var parameters: GARCH11.Parameters
    public var logLikelihood: Double
    public var backcast: Double
    public var observations: Int
    /// Classical standard errors √diag((−H)⁻¹) of (μ, ω, α, β), H the Hessian of log L
    /// (central differences of the analytic gradient); nil if −H is not positive definite.
    public var standardErrors: [Double]?
    public var iterations: Int
    public var converged: Bool
    /// ‖∂ log L/∂θ‖_∞ at the estimate.
    public var gradientNorm: Double
    /// σ_t for every observation (not written to JSON).
    public var conditionalVolatility: [Double]
    /// ε_{T−1} and σ²_{T−1}, the last residual and variance, which start the forecast.
    public var lastResidual: Double
    public var lastVariance: Double

    enum CodingKeys: String, CodingKey {
        case parameters, logLikelihood = "log_likelihood", backcast, observations, standardErrors = "standard_errors"
        case iterations, converged, gradientNorm = "gradient_norm", lastResidual = "last_residual", lastVariance = "last_variance"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try c.decode(GARCH11.Parameters.self, forKey: .parameters)
        logLikelihood = try c.decode(Double.self, forKey: .logLikelihood)
        backcast = try c.decode(Double.self, forKey: .backcast)
        observations = try c.decode(Int.self, forKey: .observations)
        standardErrors = try c.decodeIfPresent([Double].self, forKey: .standardErrors)
        iterations = try c.decode(Int.self, forKey: .iterations)
        converged = try c.decode(Bool.self, forKey: .converged)
        gradientNorm = try c.decode(Double.self, forKey: .gradientNorm)
        lastResidual = try c.decode(Double.self, forKey: .lastResidual)
        lastVariance = try c.decode(Double.self, forKey: .lastVariance)
        conditionalVolatility = []
    }

    init(parameters: GARCH11.Parameters, logLikelihood: Double, backcast: Double, observations: Int,
         standardErrors: [Double]?, iterations: Int, converged: Bool, gradientNorm: Double,
         conditionalVolatility: [Double], lastResidual: Double, lastVariance: Double) {
        self.parameters = parameters
        self.logLikelihood = logLikelihood
        self.backcast = backcast
        self.observations = observations
        self.standardErrors = standardErrors
        self.iterations = iterations
        self.converged = converged
        self.gradientNorm = gradientNorm
        self.conditionalVolatility = conditionalVolatility
        self.lastResidual = lastResidual
        self.lastVariance = lastVariance
    }

    /// Variance forecasts for the next `horizon` periods after the sample:
    /// σ²_{T} = ω + α·ε²_{T−1} + β·σ²_{T−1}, then σ²_{T+h} = ω + (α + β)·σ²_{T+h−1}
    /// (what `arch`'s `forecast(horizon=h)` reports from the last observation).
    public func varianceForecast(horizon: Int) -> [Double] {
        let p = parameters
        var out: [Double] = []
        var v = p.omega + p.alpha * lastResidual * lastResidual + p.beta * lastVariance
        for _ in 0..<Swift.max(0, horizon) {
            out.append(v)
            v = p.omega + (p.alpha + p.beta) * v
        }
        return out
    }

    /// The long-run (unconditional) volatility √(ω/(1 − α − β)).
    public var longRunVolatility: Double { parameters.longRunVariance.squareRoot() }
}
