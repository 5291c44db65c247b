/// Where a CET1 ratio stands against the combined buffer, and the share of the period's
/// distributable profits that may be paid out (the maximum distributable amount).
public struct DistributionConstraint: Sendable, Equatable, Codable {
    public enum Zone: String, Sendable, Codable {
        /// Below the CET1 minimum: no distributions.
        case belowMinimum = "below_minimum"
        /// Within the combined buffer: the conservation table applies.
        case buffer
        /// Above minimum + CBR: no constraint.
        case aboveBuffer = "above_buffer"
    }

    public var zone: Zone
    /// 1 (lowest quartile of the buffer) … 4 (highest) within the buffer; 0 otherwise.
    public var quartile: Int
    /// Fraction of distributable profits that may be distributed.
    public var maximumPayoutRatio: Double

    public init(zone: Zone, quartile: Int, maximumPayoutRatio: Double) {
        self.zone = zone
        self.quartile = quartile
        self.maximumPayoutRatio = maximumPayoutRatio
    }

    enum CodingKeys: String, CodingKey {
        case zone, quartile, maximumPayoutRatio = "max_payout_ratio"
    }
}

/// The capital conservation standards (Basel Framework RBC30.4): with the CET1 ratio
/// within the combined buffer requirement (CBR) above the CET1 minimum, split into
/// quartiles, the minimum share of earnings a bank must conserve is
///
/// | CET1 ratio (4.5% minimum, 2.5% buffer) | quartile | conserve | maximum payout |
/// |---|---|---|---|
/// | 4.5% – 5.125% | 1 | 100% | 0% |
/// | > 5.125% – 5.75% | 2 | 80% | 20% |
/// | > 5.75% – 6.375% | 3 | 60% | 40% |
/// | > 6.375% – 7.0% | 4 | 40% | 60% |
/// | > 7.0% | — | 0% | 100% |
///
/// so each quartile includes its upper bound, and a ratio exactly at minimum + CBR is
/// still constrained (60% payout). Bounds are minimum + CBR·k/4, and a ratio within
/// 1e-12 (a hundred-millionth of a basis point) of a bound counts as on it, so that a
/// boundary written in decimal (5.75%) falls where the table puts it despite binary
/// rounding (0.045 + 0.0125 is 0.057499999999999996 in double precision). Below the
/// minimum nothing may be paid out. With a CBR ≤ 0 there is no buffer and no constraint
/// above the minimum.
///
/// The reference library creditriskengine 0.31.0 uses another table (100/60/40/0% top
/// quartile first, unconstrained at the ceiling); its quartile boundaries agree with
/// these, its payouts do not (Tests/Golden/README.md, quirk 23).
public enum ConservationBuffer {
    /// Maximum payout ratio by quartile of the buffer, lowest quartile first.
    public static let payoutRatioByQuartile: [Double] = [0, 0.2, 0.4, 0.6]

    /// Ratios within this distance of a bound count as on the bound.
    public static let boundaryTolerance = 1e-12

    public static func constraint(cet1Ratio r: Double, minimum: Double, combinedBuffer cbr: Double) -> DistributionConstraint {
        if !(r >= minimum - boundaryTolerance) {
            return DistributionConstraint(zone: .belowMinimum, quartile: 0, maximumPayoutRatio: 0)
        }
        if cbr > 0 {
            for k in 1...4 where r <= minimum + cbr * Double(k) / 4 + boundaryTolerance {
                return DistributionConstraint(zone: .buffer, quartile: k, maximumPayoutRatio: payoutRatioByQuartile[k - 1])
            }
        }
        return DistributionConstraint(zone: .aboveBuffer, quartile: 0, maximumPayoutRatio: 1)
    }

    /// The maximum distributable amount: payout ratio × max(distributable profits, 0);
    /// nil (no limit) above the buffer.
    public static func maximumDistributableAmount(_ c: DistributionConstraint, distributableProfit: Double) -> Double? {
        c.zone == .aboveBuffer ? nil : c.maximumPayoutRatio * max(distributableProfit, 0)
    }
}
