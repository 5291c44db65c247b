/// Settings of a credit VaR run (METHODOLOGY §6).
public struct VaRConfiguration: Sendable, Equatable {
    /// The copula and its factor structure.
    public var method: VaRMethod
    /// Number of Monte Carlo paths (≥ 2).
    public var paths: Int
    /// Philox key: the same seed gives the same losses, to the bit, on any thread count.
    public var seed: UInt64
    /// Confidence levels, each in (0, 1). The last one is the headline of the results
    /// (`var.confidence`, `var.var`, `var.es`, contributions).
    public var confidenceLevels: [Double]
    /// Antithetic variates on the systematic factors (paths 2k and 2k + 1 share |ξ| with
    /// opposite signs; see `CreditVaR`).
    public var antithetic: Bool
    /// Importance sampling by a shift of the systematic factors' mean.
    public var importanceSampling: ImportanceSampling
    /// Share α of the paths (antithetic pairs) drawn from the shifted distribution under
    /// importance sampling; the others keep the original one (a defensive mixture whose
    /// likelihood ratios stay below 1/(1 − α)). 1 gives the pure shift, whose ratios are
    /// unbounded: fine for tail figures, useless for the mean and moments.
    public var importanceFraction: Double
    /// Where each exposure's asset correlation comes from.
    public var correlation: CorrelationSource
    /// PD floor applied before anything else (0: the portfolio's PDs as given).
    public var pdFloor: Double
    /// Keep every path's loss by segment (paths × segments doubles) to compute incremental
    /// VaR per segment, when that matrix has at most this many entries; 0 disables it.
    public var incrementalVaRCellLimit: Int

    public init(method: VaRMethod = .singleFactor, paths: Int = 100_000, seed: UInt64 = 42,
                confidenceLevels: [Double] = [0.99, 0.999], antithetic: Bool = false,
                importanceSampling: ImportanceSampling = .none, importanceFraction: Double = 0.5,
                correlation: CorrelationSource = .basel,
                pdFloor: Double = 0, incrementalVaRCellLimit: Int = 1 << 24) {
        self.method = method
        self.paths = paths
        self.seed = seed
        self.confidenceLevels = confidenceLevels
        self.antithetic = antithetic
        self.importanceSampling = importanceSampling
        self.importanceFraction = importanceFraction
        self.correlation = correlation
        self.pdFloor = pdFloor
        self.incrementalVaRCellLimit = incrementalVaRCellLimit
    }

    /// Checks every setting; the message names the setting and the value.
    public func validate() throws(VaRError) {
        guard paths >= 2 else { throw VaRError("paths must be at least 2, got \(paths)") }
        guard !confidenceLevels.isEmpty else { throw VaRError("confidence levels: at least one is needed") }
        for q in confidenceLevels where !(q > 0 && q < 1) {
            throw VaRError("confidence levels must be in (0, 1), got \(q)")
        }
        guard pdFloor >= 0, pdFloor < 1 else { throw VaRError("pd floor must be in [0, 1), got \(pdFloor)") }
        guard incrementalVaRCellLimit >= 0 else { throw VaRError("incremental VaR cell limit must be ≥ 0") }
        switch method {
        case .singleFactor: break
        case .studentT(let nu):
            guard nu > 0, nu.isFinite else { throw VaRError("Student-t degrees of freedom must be positive, got \(nu)") }
        case .multiFactor(let spec):
            try spec.validate()
        }
        switch correlation {
        case .basel: break
        case .constant(let rho):
            guard rho > 0, rho < 1 else { throw VaRError("constant asset correlation must be in (0, 1), got \(rho)") }
        }
        guard importanceFraction > 0, importanceFraction <= 1 else {
            throw VaRError("importance-sampling fraction must be in (0, 1], got \(importanceFraction)")
        }
        if case .shift(let mu) = importanceSampling {
            guard mu.allSatisfy(\.isFinite) else { throw VaRError("importance-sampling shift must be finite") }
        }
    }

    /// The headline confidence (the last level).
    public var headlineConfidence: Double { confidenceLevels[confidenceLevels.count - 1] }
}

/// The copula of the Monte Carlo model.
public enum VaRMethod: Sendable, Equatable {
    /// Gaussian copula, one systematic factor: A_i = √ρ_i·Z + √(1 − ρ_i)·ε_i.
    case singleFactor
    /// Gaussian copula on a global factor plus one factor per sector and per country
    /// (`MultiFactorSpecification`), each exposure's systematic R² equal to its ρ_i.
    case multiFactor(MultiFactorSpecification)
    /// Student-t copula with ν degrees of freedom on one factor:
    /// A_i = √(ν/W)·(√ρ_i·Z + √(1 − ρ_i)·ε_i), W ~ χ²_ν, default when A_i < t_ν⁻¹(PD_i).
    case studentT(degreesOfFreedom: Double)

    /// The name written to results.json.
    public var name: String {
        switch self {
        case .singleFactor: return "single_factor_gaussian"
        case .multiFactor: return "multi_factor_gaussian"
        case .studentT: return "student_t"
        }
    }
}

/// Importance sampling of the systematic factors (Glasserman & Li 2005, "Importance
/// sampling for portfolio credit risk", Management Science 51(11)): a share α
/// (`VaRConfiguration.importanceFraction`) of the paths draws the independent standard
/// factors ξ from N(μ, I) instead of N(0, I), and every path carries the likelihood ratio
/// of that mixture, w = 1/((1 − α) + α·exp(μ·ξ − |μ|²/2)) (see `PathKernel`).
public enum ImportanceSampling: Sendable, Equatable {
    case none
    /// μ given, one entry per factor (`VaRResult.factors` order). Negative values move
    /// paths toward defaults (a low factor is a bad state).
    case shift([Double])
    /// μ = Φ⁻¹(1 − q_max)·v/|v| with q_max the highest confidence level and
    /// v = Σ_i PD_i·LGD_i·EAD_i·√ρ_i·u_i (u_i the exposure's unit loading direction): the
    /// point where the asymptotic portfolio reaches its q_max loss quantile, along the
    /// portfolio's expected-loss-weighted factor direction.
    case automatic
}

/// Where the asset correlation ρ_i of each exposure comes from.
public enum CorrelationSource: Sendable, Equatable {
    /// Basel IRB correlation by asset class and PD (CRE31, `AssetCorrelation.value`).
    case basel
    /// One correlation for every exposure (the seed simulators' `rho`).
    case constant(Double)
}
