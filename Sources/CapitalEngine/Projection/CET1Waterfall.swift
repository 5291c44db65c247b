/// The CET1 ratio from jump-off to the end of the horizon in steps, in basis points of
/// RWA (METHODOLOGY §3):
///
///   start = CET1_0 / RWA_0
///   + PPNR                     = Σ PPNR_t / RWA_0
///   − credit losses            = −Σ credit losses_t / RWA_0
///   − other losses and taxes   = −Σ (other losses_t + taxes_t) / RWA_0
///   − deductions               = −(change in the IRB EL shortfall deducted from CET1) / RWA_0
///   − distributions            = −Σ distributions_t / RWA_0      (paid, after MDA)
///   + RWA growth effect        = CET1_T / RWA_T − CET1_T / RWA_0 (negative when RWA grows)
///   = end = CET1_T / RWA_T
///
/// The RWA growth effect is the residual that makes the steps add up; it equals the
/// formula above to rounding. Every figure is rounded to a multiple of 2⁻²⁰ bp (about
/// 1e-6 bp); sums of such numbers are exact in floating point, so
/// start + ppnr + credit + other + deductions + distributions + rwa == end holds exactly.
/// The minimum ratio and its period are shown beside the end.
public struct CET1Waterfall: Sendable, Equatable, Codable {
    public var startBP: Double
    public var ppnrBP: Double
    /// PPNR's parts when the income engine made it (nil for a fixed PPNR list): net interest
    /// income, non-interest income and operating expenses (negative); they add up to `ppnrBP`.
    public var netInterestIncomeBP: Double?
    public var nonInterestIncomeBP: Double?
    public var operatingExpensesBP: Double?
    public var creditLossesBP: Double
    public var otherLossesAndTaxesBP: Double
    /// The change in regulatory deductions (the IRB expected-loss shortfall, CRR Art. 159).
    public var deductionsBP: Double
    public var distributionsBP: Double
    public var rwaGrowthBP: Double
    public var endBP: Double
    public var minimumBP: Double
    public var minPeriod: String

    enum CodingKeys: String, CodingKey {
        case startBP = "start_bp", ppnrBP = "ppnr_bp", netInterestIncomeBP = "net_interest_income_bp"
        case nonInterestIncomeBP = "non_interest_income_bp", operatingExpensesBP = "operating_expenses_bp", creditLossesBP = "credit_losses_bp"
        case otherLossesAndTaxesBP = "other_losses_and_taxes_bp", deductionsBP = "deductions_bp"
        case distributionsBP = "distributions_bp"
        case rwaGrowthBP = "rwa_growth_bp", endBP = "end_bp", minimumBP = "minimum_bp", minPeriod = "min_period"
    }

    /// The steps in order, for rendering: (label, bp).
    public var steps: [(String, Double)] {
        [("start", startBP), ("ppnr", ppnrBP), ("credit_losses", creditLossesBP),
         ("other_losses_and_taxes", otherLossesAndTaxesBP), ("deductions", deductionsBP),
         ("distributions", distributionsBP),
         ("rwa_growth", rwaGrowthBP), ("end", endBP)]
    }

    /// RWA below one currency unit counts as none, as zero does: a book of sub-unit
    /// exposures (EAD 1e-320) would otherwise give ratios of ±infinity (issue #23).
    static let smallestDenominator = 1.0

    /// x rounded to the nearest multiple of 2⁻²⁰.
    static func grid(_ x: Double) -> Double { (x * 0x1p20).rounded() / 0x1p20 }

    static func make(startCET1: Double, startRWA: Double, endCET1: Double, endRWA: Double, ppnr: Double,
                     creditLosses: Double, otherLossesAndTaxes: Double, deductions: Double = 0, distributions: Double,
                     minimumRatio: Double, minPeriod: String, split: (Double, Double, Double)? = nil) -> CET1Waterfall {
        func bp(_ amount: Double, _ rwa: Double) -> Double { rwa >= smallestDenominator ? grid(amount / rwa * 10_000) : 0 }
        let start = bp(startCET1, startRWA)
        let end = bp(endCET1, endRWA)
        let steps = (bp(ppnr, startRWA), -bp(creditLosses, startRWA), -bp(otherLossesAndTaxes, startRWA),
                     -bp(distributions, startRWA), -bp(deductions, startRWA))
        let rwaGrowth = end - (start + steps.0 + steps.1 + steps.2 + steps.4 + steps.3)
        // The split: NII and non-interest income on the grid, expenses the residual, so the
        // three add up to the PPNR step exactly.
        let nii = split.map { bp($0.0, startRWA) }, nonInterest = split.map { bp($0.1, startRWA) }
        let expenses = nii.flatMap { n in nonInterest.map { steps.0 - n - $0 } }
        return CET1Waterfall(startBP: start, ppnrBP: steps.0, netInterestIncomeBP: nii, nonInterestIncomeBP: nonInterest,
                             operatingExpensesBP: expenses, creditLossesBP: steps.1, otherLossesAndTaxesBP: steps.2,
                             deductionsBP: steps.4, distributionsBP: steps.3, rwaGrowthBP: rwaGrowth, endBP: end,
                             minimumBP: grid(minimumRatio * 10_000), minPeriod: minPeriod)
    }
}

/// The CCAR stress capital buffer (12 CFR 225.8(f); METHODOLOGY §3):
///
///   SCB = max(2.5%, CET1 ratio_start − CET1 ratio_min + Σ planned dividends of quarters 4–7 / RWA_d)
///
/// The decline start − min is measured on the projection without capital distributions,
/// as the Federal Reserve's supervisory projection since the 2020 SCB rule (85 FR 15576:
/// the assumption that a firm makes all planned capital actions under stress is removed;
/// four quarters of planned dividends enter through the add-on instead). Planned
/// dividends are the balance sheet's `distributions`. RWA_d is RWA_start (METHODOLOGY §3)
/// or, with `CapitalOptions.dividendAddOnRWA = .minimumQuarter`, the projected RWA of the
/// quarter of the minimum, as 12 CFR 225.8(f)(2)(i)(B) words it; the two coincide when
/// RWA is held at jump-off.
public struct StressCapitalBuffer: Sendable, Equatable, Codable {
    public var value: Double
    public var floor: Double
    public var startCET1Ratio: Double
    /// Minimum of the projection without distributions.
    public var minCET1Ratio: Double
    public var minPeriod: String
    public var decline: Double
    public var plannedDividends: Double
    public var dividendRWA: Double
    public var dividendAddOn: Double

    enum CodingKeys: String, CodingKey {
        case value, floor, startCET1Ratio = "start_cet1_ratio", minCET1Ratio = "min_cet1_ratio"
        case minPeriod = "min_period", decline, plannedDividends = "planned_dividends_q4_q7"
        case dividendRWA = "dividend_rwa", dividendAddOn = "dividend_add_on"
    }

    public static let minimum = 0.025

    public static func make(startRatio: Double, minRatio: Double, minPeriod: String, plannedDividends: Double,
                            dividendRWA: Double) -> StressCapitalBuffer {
        let decline = startRatio - minRatio
        let addOn = dividendRWA >= CET1Waterfall.smallestDenominator ? plannedDividends / dividendRWA : 0
        return StressCapitalBuffer(value: max(minimum, decline + addOn), floor: minimum, startCET1Ratio: startRatio,
                                   minCET1Ratio: minRatio, minPeriod: minPeriod, decline: decline,
                                   plannedDividends: plannedDividends, dividendRWA: dividendRWA, dividendAddOn: addOn)
    }
}
