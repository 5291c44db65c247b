/// A scenario's capital path and tests: results.json `capital` (INTERFACES.md). Every
/// ratio recomputes from the amounts beside it (`cet1_ratio[t] = cet1[t] / rwa[t]`,
/// `leverage_ratio[t] = tier1[t] / leverage_exposure`); income lines are per period.
/// Optional keys are left out when they do not apply (`hurdle` for the EBA,
/// `stress_capital_buffer` outside CCAR, `mda` above the buffer).
public struct CapitalResult: Sendable, Equatable, Codable {
    public var periods: [String]

    // MARK: Amounts per period
    public var cet1: [Double]
    public var tier1: [Double]
    public var totalCapital: [Double]
    public var rwa: [Double]
    /// Held at the jump-off figure.
    public var leverageExposure: Double
    public var ppnr: [Double]
    public var creditLosses: [Double]
    public var otherLosses: [Double]
    public var taxes: [Double]
    public var plannedDistributions: [Double]
    /// Paid, after any MDA restriction.
    public var distributions: [Double]

    // MARK: Ratios per period
    public var cet1Ratio: [Double]
    public var tier1Ratio: [Double]
    public var totalCapitalRatio: [Double]
    public var leverageRatio: [Double]

    // MARK: Jump-off
    public var startCET1: Double
    public var startRWA: Double
    public var startCET1Ratio: Double
    public var startTier1Ratio: Double
    public var startTotalCapitalRatio: Double
    public var startLeverageRatio: Double

    // MARK: Minimum and tests
    public var minCET1Ratio: Double
    /// Label of the (first) period of the minimum; the start label is never used.
    public var minPeriod: String
    /// start − minimum CET1 ratio, in basis points.
    public var depletionBP: Double
    /// The CET1 test's threshold; nil for the EBA (no pass mark).
    public var hurdle: Double?
    /// The minimum CET1 ratio is below `hurdle`.
    public var breach: Bool
    public var leverageHurdle: Double?
    public var leverageBreach: Bool
    /// Any of `tests` is breached.
    public var anyBreach: Bool
    public var tests: [CapitalTestResult]
    public var requirements: CapitalRequirements

    // MARK: Buffers, distributions, SCB, waterfall
    public var mda: [DistributionPeriod]
    public var stressCapitalBuffer: StressCapitalBuffer?
    public var waterfall: CET1Waterfall
    /// The waterfall from jump-off to the period of the minimum CET1 ratio (its end
    /// is the minimum); nil in results written before 0.2.0.
    public var waterfallToMinimum: CET1Waterfall?

    /// How credit RWA was projected under the framework's rules; nil when RWA was held.
    public var rwaProjection: RWAProjectionReport?

    /// Income lines that did not cover every period (counted as zero): `ppnr`,
    /// `other_losses`, `distributions`. For data-quality findings; not encoded.
    public var missingIncomeLines: [String] = []

    enum CodingKeys: String, CodingKey {
        case periods, cet1, tier1, totalCapital = "total_capital", rwa, leverageExposure = "leverage_exposure"
        case ppnr, creditLosses = "credit_losses", otherLosses = "other_losses", taxes
        case plannedDistributions = "planned_distributions", distributions
        case cet1Ratio = "cet1_ratio", tier1Ratio = "tier1_ratio", totalCapitalRatio = "total_capital_ratio"
        case leverageRatio = "leverage_ratio"
        case startCET1 = "start_cet1", startRWA = "start_rwa", startCET1Ratio = "start_cet1_ratio"
        case startTier1Ratio = "start_tier1_ratio", startTotalCapitalRatio = "start_total_capital_ratio"
        case startLeverageRatio = "start_leverage_ratio"
        case minCET1Ratio = "min_cet1_ratio", minPeriod = "min_period", depletionBP = "depletion_bp"
        case hurdle, breach, leverageHurdle = "leverage_hurdle", leverageBreach = "leverage_breach"
        case anyBreach = "any_breach", tests, requirements
        case mda, stressCapitalBuffer = "stress_capital_buffer", waterfall, waterfallToMinimum = "waterfall_to_minimum"
        case rwaProjection = "rwa_projection"
    }
}

/// One framework test over the projection.
public struct CapitalTestResult: Sendable, Equatable, Codable {
    public var name: String
    public var measure: CapitalMeasure
    public var threshold: Double
    /// Lowest value of the measure over the projected periods.
    public var minimum: Double
    public var minPeriod: String
    /// minimum < threshold (strictly).
    public var breach: Bool
    public var source: String

    enum CodingKeys: String, CodingKey {
        case name, measure, threshold, minimum, minPeriod = "min_period", breach, source
    }
}

/// The distribution decision of one period (RBC30.4), taken on the CET1 ratio after the
/// period's profit and before its distributions.
public struct DistributionPeriod: Sendable, Equatable, Codable {
    public var period: String
    public var cet1RatioBeforeDistributions: Double
    public var constraint: DistributionConstraint
    /// Net income after tax of the period (the "distributable profits" of RBC30.4).
    public var distributableProfit: Double
    /// Maximum distributable amount: within the buffer the RBC30.4 share of profit; above
    /// it the surplus over minimum + combined buffer (CRD Art. 141(2)); nil below the minimum.
    public var maximumDistributableAmount: Double?
    public var plannedDistributions: Double
    public var distributions: Double

    enum CodingKeys: String, CodingKey {
        case period, cet1RatioBeforeDistributions = "cet1_ratio_before_distributions", constraint
        case distributableProfit = "distributable_profit", maximumDistributableAmount = "mda"
        case plannedDistributions = "planned_distributions", distributions
    }
}
