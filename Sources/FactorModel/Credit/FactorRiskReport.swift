import StressCore

/// The factor section of results.json, `factor_risk` (METHODOLOGY §5):
///
///     {measure, weighting, total, systematic, specific, systematic_share,
///      factors: {<factor>: contribution}, specific_contribution,
///      factor_exposures, factor_marginal, factor_volatility,
///      by_segment | by_sector | by_country | by_asset_class: {<name>: {holding, component, marginal, share}},
///      active?: {...}, model: {...}}
///
/// Identities (tested): Σ factors + specific_contribution = total; the components of
/// every `by_…` table sum to total; systematic² + specific² = total².
/// `findings` go to results.json `data_quality.findings` and are not encoded here.
public struct FactorRiskReport: Sendable, Equatable, Codable {
    /// What σ measures, in words.
    public var measure: String
    public var weighting: CreditHoldingWeighting
    /// σ = √(hᵀ(XFXᵀ + Δ)h).
    public var total: Double
    /// √(xᵀFx).
    public var systematic: Double
    /// √(hᵀΔh).
    public var specific: Double
    /// xᵀFx/σ².
    public var systematicShare: Double
    /// Euler contribution of each factor to σ, x_k(Fx)_k/σ (factors with zero exposure omitted).
    public var factors: [String: Double]
    /// hᵀΔh/σ.
    public var specificContribution: Double
    /// x_k.
    public var factorExposures: [String: Double]
    /// (Fx)_k/σ.
    public var factorMarginal: [String: Double]
    /// √F_kk, annual.
    public var factorVolatility: [String: Double]
    public var bySegment: [String: Contribution]
    public var bySector: [String: Contribution]
    public var byCountry: [String: Contribution]
    public var byAssetClass: [String: Contribution]
    public var active: ActiveRisk?
    public var model: ModelSummary
    public var findings: [DataQualityFinding] = []

    /// A group's share of the risk: Σ h_i, Σ h_i·MCR_i, their ratio, and component/total.
    public struct Contribution: Sendable, Equatable, Codable {
        public var holding: Double
        /// Σ_{i ∈ group} h_i·∂σ/∂h_i.
        public var component: Double
        /// component/holding: the holding-weighted mean marginal contribution.
        public var marginal: Double
        /// component/total.
        public var share: Double
    }

    /// Risk of the portfolio against a benchmark portfolio scaled to the same total holding.
    public struct ActiveRisk: Sendable, Equatable, Codable {
        public var benchmark: String
        /// Σh_p/Σh_b, the scaling of the benchmark.
        public var benchmarkScale: Double
        public var total: Double
        public var systematic: Double
        public var specific: Double
        public var factors: [String: Double]
        public var specificContribution: Double

        enum CodingKeys: String, CodingKey {
            case benchmark, benchmarkScale = "benchmark_scale", total, systematic, specific, factors
            case specificContribution = "specific_contribution"
        }
    }

    public struct ModelSummary: Sendable, Equatable, Codable {
        public var factorCount: Int
        public var units: String
        public var estimation: String
        public var realData: [String]
        public var assumptions: [String]

        enum CodingKeys: String, CodingKey {
            case factorCount = "factor_count", units, estimation, realData = "real_data", assumptions
        }
    }

    enum CodingKeys: String, CodingKey {
        case measure, weighting, total, systematic, specific, systematicShare = "systematic_share", factors
        case specificContribution = "specific_contribution", factorExposures = "factor_exposures"
        case factorMarginal = "factor_marginal", factorVolatility = "factor_volatility"
        case bySegment = "by_segment", bySector = "by_sector", byCountry = "by_country", byAssetClass = "by_asset_class"
        case active, model
    }
}
