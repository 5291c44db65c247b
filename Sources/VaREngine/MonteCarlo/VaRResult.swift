/// The `var` section of results.json (INTERFACES.md): Monte Carlo VaR and ES with their
/// standard errors, the analytic Vasicek figures beside them, and allocations by segment,
/// asset class, sector and country. Currency amounts; confidence levels as fractions.
/// Headline fields (`confidence`, `var`, `es`, `unexpected_loss`, `by_segment`,
/// `contributions`) are at the last configured confidence level; `levels` has every level.
/// Figures that cannot be estimated (for example the skewness of a loss-free book) are
/// left out (optional fields are omitted when absent), never NaN.
public struct VaRResult: Sendable, Codable, Equatable {
    /// `single_factor_gaussian`, `multi_factor_gaussian` or `student_t`.
    public var method: String
    public var degreesOfFreedom: Double?
    public var paths: Int
    public var seed: UInt64
    public var antithetic: Bool
    /// The importance-sampling mean μ of the factors (null without importance sampling).
    public var importanceShift: [Double]?
    /// Share of paths drawn from the shifted distribution (null without importance sampling).
    public var importanceFraction: Double?
    /// `basel` or `constant`.
    public var correlation: String
    /// Names of the simulated factors.
    public var factors: [String]
    /// Exposures in the portfolio, and those with any loss potential (0 < PD, LGD·EAD ≠ 0).
    public var obligors: Int
    public var simulatedObligors: Int
    public var totalEAD: Double

    /// Headline confidence level.
    public var confidence: Double
    /// EL = Σ PD·LGD·EAD (analytic; the Monte Carlo mean is in `monte_carlo`).
    public var expectedLoss: Double
    /// Monte Carlo VaR at `confidence`.
    public var valueAtRisk: Double
    /// Monte Carlo ES at `confidence`.
    public var expectedShortfall: Double
    /// max(VaR − EL, 0): the economic capital of the Monte Carlo model (METHODOLOGY §6).
    public var unexpectedLoss: Double
    public var varStandardError: Double?
    public var esStandardError: Double?

    public var levels: [Level]
    public var monteCarlo: MonteCarloSummary
    public var analytic: AnalyticFigures
    public var bySegment: [String: SegmentFigures]
    public var contributions: Contributions
    /// The simulated distribution in bins (for charts); nil in results written before 0.2.0.
    public var distribution: LossHistogram?

    enum CodingKeys: String, CodingKey {
        case method, degreesOfFreedom = "degrees_of_freedom", paths, seed, antithetic
        case importanceShift = "importance_shift", importanceFraction = "importance_fraction", correlation, factors, obligors
        case simulatedObligors = "simulated_obligors", totalEAD = "total_ead", confidence
        case expectedLoss = "expected_loss", valueAtRisk = "var", expectedShortfall = "es"
        case unexpectedLoss = "unexpected_loss", varStandardError = "var_standard_error"
        case esStandardError = "es_standard_error", levels, monteCarlo = "monte_carlo", analytic
        case bySegment = "by_segment", contributions, distribution = "loss_distribution"
    }

    /// Portfolio figures at one confidence level.
    public struct Level: Sendable, Codable, Equatable {
        public var confidence: Double
        public var valueAtRisk: Double
        public var expectedShortfall: Double
        public var unexpectedLoss: Double
        public var varStandardError: Double?
        public var esStandardError: Double?
        /// EL + Φ⁻¹(q)·σ with the Monte Carlo mean and standard deviation.
        public var parametricVaR: Double?
        /// Cornish-Fisher VaR with the Monte Carlo skewness and excess kurtosis.
        public var cornishFisherVaR: Double?

        enum CodingKeys: String, CodingKey {
            case confidence, valueAtRisk = "var", expectedShortfall = "es", unexpectedLoss = "unexpected_loss"
            case varStandardError = "var_standard_error", esStandardError = "es_standard_error"
            case parametricVaR = "parametric_var", cornishFisherVaR = "cornish_fisher_var"
        }
    }

    /// Moments of the simulated loss distribution (importance-weighted when sampling is).
    public struct MonteCarloSummary: Sendable, Codable, Equatable {
        public var meanLoss: Double
        public var meanLossStandardError: Double?
        public var standardDeviation: Double
        public var skewness: Double?
        public var excessKurtosis: Double?
        public var minimumLoss: Double
        public var maximumLoss: Double
        /// Buckets of the simulator's plan (for performance diagnostics).
        public var buckets: Int

        enum CodingKeys: String, CodingKey {
            case meanLoss = "mean_loss", meanLossStandardError = "mean_loss_standard_error"
            case standardDeviation = "std_loss", skewness, excessKurtosis = "kurtosis"
            case minimumLoss = "min_loss", maximumLoss = "max_loss", buckets
        }
    }

    /// The Vasicek ASRF figures of the same exposures (one factor, each exposure's ρ), per
    /// confidence level in the order of `levels`.
    public struct AnalyticFigures: Sendable, Codable, Equatable {
        /// `vasicek_asrf`.
        public var model: String
        public var expectedLoss: Double
        /// Σ EAD·LGD·p_i(Φ⁻¹(1 − q)).
        public var valueAtRisk: [Double]
        public var unexpectedLoss: [Double]
        /// Economic capital = UL.
        public var economicCapital: [Double]
        /// Granularity adjustment (Gordy 2003) for the finite number of exposures.
        public var granularityAdjustment: [Double]
        /// ASRF VaR + GA: the analytic estimate of the single-factor Monte Carlo VaR.
        public var valueAtRiskWithGranularity: [Double]

        enum CodingKeys: String, CodingKey {
            case model, expectedLoss = "expected_loss", valueAtRisk = "var", unexpectedLoss = "unexpected_loss"
            case economicCapital = "economic_capital", granularityAdjustment = "granularity_adjustment"
            case valueAtRiskWithGranularity = "var_with_granularity"
        }
    }

    /// One segment's figures at the headline confidence.
    public struct SegmentFigures: Sendable, Codable, Equatable {
        public var obligors: Int
        public var ead: Double
        public var expectedLoss: Double
        /// The segment's term of the ASRF VaR (additive).
        public var asrfVaR: Double
        /// Euler VaR contribution E[L_s | L ≈ VaR]·VaR/E[L | L ≈ VaR] (sums to VaR).
        public var varContribution: Double?
        /// ES contribution E[L_s | L ≥ VaR] (sums to ES).
        public var esContribution: Double?
        /// Covariance (parametric Euler) component VaR: VaR·Cov(L_s, L)/σ² (sums to VaR).
        public var componentVaR: Double?
        /// Marginal VaR per unit of the segment's EAD: componentVaR / EAD.
        public var marginalVaR: Double?
        /// VaR(portfolio) − VaR(portfolio without the segment) on the same paths.
        public var incrementalVaR: Double?
        public var lossStandardDeviation: Double?
        public var correlationWithPortfolio: Double?

        enum CodingKeys: String, CodingKey {
            case obligors, ead, expectedLoss = "expected_loss", asrfVaR = "asrf_var"
            case varContribution = "var_contribution", esContribution = "es_contribution"
            case componentVaR = "component_var", marginalVaR = "marginal_var", incrementalVaR = "incremental_var"
            case lossStandardDeviation = "loss_std", correlationWithPortfolio = "correlation_with_portfolio"
        }
    }

    /// Tail allocations by other dimensions at the headline confidence.
    public struct Contributions: Sendable, Codable, Equatable {
        /// How they are computed (`euler_var_window_and_es_tail`).
        public var method: String
        public var confidence: Double
        public var byAssetClass: [String: Allocation]
        public var bySector: [String: Allocation]
        public var byCountry: [String: Allocation]

        enum CodingKeys: String, CodingKey {
            case method, confidence, byAssetClass = "by_asset_class", bySector = "by_sector", byCountry = "by_country"
        }
    }

    /// A VaR and an ES contribution.
    public struct Allocation: Sendable, Codable, Equatable {
        public var valueAtRisk: Double?
        public var expectedShortfall: Double?
        enum CodingKeys: String, CodingKey { case valueAtRisk = "var", expectedShortfall = "es" }
    }
}

extension Double {
    /// nil for NaN and ±∞ (results.json carries plain numbers only).
    var finiteOrNil: Double? { isFinite ? self : nil }
}
