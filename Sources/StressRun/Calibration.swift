import CapitalEngine
import StressCore

/// A run's headline scenario beside the published aggregate of its exercise (README,
/// "Calibration"; results.json `calibration`): the depletion of the exercise's headline
/// ratio, its decomposition (the CET1 waterfall to the minimum, in bp of jump-off RWA),
/// the peak RWA change, and the two targets a typical universal bank should meet:
///
///   depletion within a factor of two of the published aggregate:  ½ ≤ run / published ≤ 2
///   RWA growth at most a third of the depletion:  −rwa_growth_bp ≤ depletion / 3
///
/// A target missed is not an error: the entry's `note` (from the published-outcomes
/// file) says where the sample bank legitimately differs from the system.
public struct CalibrationRow: Sendable, Equatable, Codable {
    public var scenario: String
    public var framework: String
    public var published: PublishedOutcome
    public var measure: PublishedOutcome.Measure
    public var start: Double
    public var minimum: Double
    public var minPeriod: String
    public var depletionBP: Double
    /// The CET1 waterfall from jump-off to the minimum CET1 ratio, in bp.
    public var decomposition: CET1Waterfall
    /// Peak RWA over jump-off RWA, less one.
    public var peakRWAChange: Double
    /// Run depletion over published depletion.
    public var depletionRatio: Double
    public var withinFactorOfTwo: Bool
    /// RWA growth's share of the CET1 depletion to the minimum (0 when CET1 does not fall).
    public var rwaShare: Double
    public var rwaShareWithinOneThird: Bool

    enum CodingKeys: String, CodingKey {
        case scenario, framework, published, measure, start, minimum, minPeriod = "min_period"
        case depletionBP = "depletion_bp", decomposition, peakRWAChange = "peak_rwa_change"
        case depletionRatio = "depletion_ratio", withinFactorOfTwo = "within_factor_of_two"
        case rwaShare = "rwa_share", rwaShareWithinOneThird = "rwa_share_within_one_third"
    }
}

public enum Calibration {
    /// One row per published outcome whose scenario the run has, in the outcomes' order.
    public static func rows(scenarios: [ScenarioResult], published: [PublishedOutcome]) -> [CalibrationRow] {
        published.compactMap { outcome in
            guard let s = scenarios.first(where: { $0.id == outcome.scenario }), let c = s.capital,
                  let waterfall = c.waterfallToMinimum else { return nil }
            let path: [Double], start: Double
            switch outcome.measure {
            case .cet1Ratio: path = c.cet1Ratio; start = c.startCET1Ratio
            case .totalCapitalRatio: path = c.totalCapitalRatio; start = c.startTotalCapitalRatio
            }
            let k = path.indices.min { path[$0] < path[$1] }
            let minimum = k.map { path[$0] } ?? start
            let depletion = (start - minimum) * 10_000
            let cet1Depletion = waterfall.startBP - waterfall.minimumBP
            let rwaShare = cet1Depletion > 0 ? max(-waterfall.rwaGrowthBP, 0) / cet1Depletion : 0
            let ratio = outcome.depletionBP > 0 ? depletion / outcome.depletionBP : 0
            return CalibrationRow(
                scenario: s.id, framework: s.framework, published: outcome, measure: outcome.measure, start: start,
                minimum: minimum, minPeriod: k.map { c.periods[$0] } ?? "", depletionBP: depletion,
                decomposition: waterfall, peakRWAChange: (c.rwa.max() ?? c.startRWA) / c.startRWA - 1,
                depletionRatio: ratio, withinFactorOfTwo: ratio >= 0.5 && ratio <= 2, rwaShare: rwaShare,
                rwaShareWithinOneThird: rwaShare <= 1.0 / 3)
        }
    }
}
