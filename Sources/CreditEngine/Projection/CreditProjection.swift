/// A scenario's projected credit losses (results.json `credit`). Amounts in
/// the portfolio currency; PDs and LGDs EAD-weighted averages of the period.
public struct CreditProjection: Sendable, Equatable, Codable {
    public var periods: [String]
    /// One-period EL at jump-off, Σ PD·LGD·EAD with floored PDs (for quarterly
    /// projections, with the quarterly PD).
    public var baselineEL: Double
    public var periodEL: [Double]
    public var cumulativeEL: Double
    /// Cumulative EL less the baseline EL of every period.
    public var deltaEL: Double
    /// Outstanding EAD at the start of each period.
    public var periodEAD: [Double]
    public var averagePD: [Double]
    public var averageLGD: [Double]
    /// Defaulted EAD written off in each period (Σ PD_t·EAD_t).
    public var periodDefaults: [Double]
    /// IRB credit RWA at jump-off (floored PDs) and at each period's regulatory PD and
    /// LGD and outstanding EAD, when the projection was given IRB weights.
    public var startRWA: Double?
    public var periodRWA: [Double]?
    /// Standardised credit RWA at jump-off and at the end of each period, when the
    /// projection was given standardised weights.
    public var standardisedStartRWA: Double?
    public var standardisedPeriodRWA: [Double]?
    public var bySegment: [String: Breakdown]
    public var byAssetClass: [String: Breakdown]
    public var bySector: [String: Breakdown]
    public var byCountry: [String: Breakdown]

    public struct Breakdown: Sendable, Equatable, Codable {
        public var startEAD: Double
        public var periodEL: [Double]
        public var cumulativeEL: Double

        enum CodingKeys: String, CodingKey {
            case startEAD = "start_ead", periodEL = "period_el", cumulativeEL = "cumulative_el"
        }
    }

    enum CodingKeys: String, CodingKey {
        case periods, baselineEL = "baseline_el", periodEL = "period_el", cumulativeEL = "cumulative_el"
        case deltaEL = "delta_el", periodEAD = "period_ead", averagePD = "average_pd", averageLGD = "average_lgd"
        case periodDefaults = "period_defaults", startRWA = "start_rwa", periodRWA = "period_rwa"
        case standardisedStartRWA = "standardised_start_rwa", standardisedPeriodRWA = "standardised_period_rwa"
        case bySegment = "by_segment", byAssetClass = "by_asset_class", bySector = "by_sector", byCountry = "by_country"
    }
}
