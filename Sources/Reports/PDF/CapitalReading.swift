import CapitalEngine

/// What a board asks of a capital path beyond the hurdle: where the combined
/// buffer starts (the MDA trigger, RBC30.4), whether and how hard payouts are
/// restricted, which other tests fail, and how much of the fall is RWA growth.
enum CapitalReading {
    /// Minimum CET1 + combined buffer: below it distributions are capped.
    static func mdaTrigger(_ c: CapitalResult) -> Double {
        c.requirements.minimumCET1 + c.requirements.combinedBuffer
    }

    /// The tightest payout cap over the path (share of distributable profit) and its
    /// period; nil when the ratio stays above the buffer in every period.
    static func payoutRestriction(_ c: CapitalResult) -> (payout: Double, period: String)? {
        c.mda.filter { $0.constraint.zone != .aboveBuffer }
            .min { $0.constraint.maximumPayoutRatio < $1.constraint.maximumPayoutRatio }
            .map { ($0.constraint.maximumPayoutRatio, $0.period) }
    }

    /// Breached tests other than the CET1 hurdle (total capital, tier 1, leverage).
    static func otherBreaches(_ c: CapitalResult) -> [CapitalTestResult] {
        c.tests.filter { $0.breach && $0.measure != .cet1Ratio }
    }

    /// "total capital ratio" from `total_capital_ratio`.
    static func measureName(_ m: CapitalMeasure) -> String {
        switch m {
        case .cet1Ratio: return "CET1 ratio"
        case .tier1Ratio: return "tier 1 ratio"
        case .totalCapitalRatio: return "total capital ratio"
        case .leverageRatio: return "leverage ratio"
        }
    }

    /// The part of the fall to the minimum that is RWA growth, in bp (positive = lowers the ratio).
    static func rwaEffectBP(_ c: CapitalResult) -> Double? {
        c.waterfallToMinimum.map { -$0.rwaGrowthBP }
    }
}
