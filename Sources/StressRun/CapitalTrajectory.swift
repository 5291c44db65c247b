import StressCore

/// The CET1 path of a scenario with RWA held at jump-off (METHODOLOGY §3: "or
/// held at RWA_0 when the portfolio has no IRB fields"); the capital engine
/// (issue #4) adds RWA re-estimated from stressed PDs, buffers and the
/// waterfall. Per period t:
///
///   pre-tax_t = PPNR_t − credit losses_t − other losses_t
///   CET1_t    = CET1_t−1 + pre-tax_t − max(pre-tax_t, 0)·tax rate − distributions_t
///
/// Taxes are charged on profits only (no credit for losses: deferred tax
/// assets on losses are deducted from CET1, CRR Art. 36(1)(c)).
/// Balance-sheet income lines are annual; a quarterly projection takes a
/// quarter of the year's figure in each of the year's quarters.
public struct CapitalTrajectory: Sendable, Equatable, Codable {
    public var cet1: [Double]
    public var cet1Ratio: [Double]
    public var leverageRatio: [Double]
    public var rwa: [Double]
    public var minCET1Ratio: Double
    /// Label of the period of the minimum.
    public var minPeriod: String
    public var startCET1Ratio: Double
    /// Depletion start − minimum, in basis points.
    public var depletionBP: Double
    /// The framework's CET1 hurdle (nil for the EBA: no pass mark).
    public var hurdle: Double?
    public var breach: Bool
    public var leverageHurdle: Double?
    public var leverageBreach: Bool

    enum CodingKeys: String, CodingKey {
        case cet1, cet1Ratio = "cet1_ratio", leverageRatio = "leverage_ratio", rwa
        case minCET1Ratio = "min_cet1_ratio", minPeriod = "min_period", startCET1Ratio = "start_cet1_ratio"
        case depletionBP = "depletion_bp", hurdle, breach, leverageHurdle = "leverage_hurdle"
        case leverageBreach = "leverage_breach"
    }

    /// CET1 hurdle by framework (METHODOLOGY §2.4 and §3).
    public static func hurdle(_ f: Framework, balanceSheet b: BalanceSheet) -> Double? {
        switch f {
        case .eba: return nil
        case .boe: return 0.045 + b.capital.systemicReferencePoint
        case .ccar: return 0.045
        case .rbi: return 0.055 + 0.025
        }
    }

    public static func leverageHurdle(_ f: Framework) -> Double? {
        switch f {
        case .boe: return 0.0325
        case .ccar: return 0.04
        case .eba, .rbi: return nil
        }
    }

    public static func project(framework: Framework, frequency: Frequency, periods: [String], creditLosses: [Double],
                               balanceSheet b: BalanceSheet, ppnrOverride: [Double]?,
                               creditRWA: Double? = nil) -> (CapitalTrajectory, [String]) {
        var missing: [String] = []
        let quarterly = frequency == .quarterly
        func annualLine(_ values: [Double], _ name: String, _ t: Int) -> Double {
            let year = quarterly ? t / 4 : t
            guard year < values.count else {
                if !values.isEmpty || name == "ppnr" { missing.append(name) }
                return 0
            }
            return quarterly ? values[year] / 4 : values[year]
        }
        let rwa0 = b.capital.rwa ?? ((creditRWA ?? 0) + b.capital.otherRWA)
        var cet1 = b.capital.cet1
        var path: [Double] = [], ratios: [Double] = [], leverage: [Double] = []
        for t in periods.indices {
            let ppnr = ppnrOverride.map { t < $0.count ? $0[t] : 0 } ?? annualLine(b.income.ppnr, "ppnr", t)
            let other = annualLine(b.income.otherLosses, "other_losses", t)
            let distributions = annualLine(b.income.distributions, "distributions", t)
            let preTax = ppnr - creditLosses[t] - other
            cet1 += preTax - max(preTax, 0) * b.income.taxRate - distributions
            path.append(cet1)
            ratios.append(rwa0 > 0 ? cet1 / rwa0 : 0)
            leverage.append((cet1 + b.capital.at1) / b.capital.leverageExposure)
        }
        let start = rwa0 > 0 ? b.capital.cet1 / rwa0 : 0
        let minIndex = ratios.indices.min { ratios[$0] < ratios[$1] } ?? 0
        let minRatio = ratios.isEmpty ? start : ratios[minIndex]
        let hurdle = hurdle(framework, balanceSheet: b)
        let leverageHurdle = leverageHurdle(framework)
        let trajectory = CapitalTrajectory(
            cet1: path, cet1Ratio: ratios, leverageRatio: leverage, rwa: Array(repeating: rwa0, count: periods.count),
            minCET1Ratio: minRatio, minPeriod: periods.isEmpty ? "" : periods[minIndex], startCET1Ratio: start,
            depletionBP: (start - minRatio) * 10_000, hurdle: hurdle, breach: hurdle.map { minRatio < $0 } ?? false,
            leverageHurdle: leverageHurdle,
            leverageBreach: leverageHurdle.map { h in leverage.contains { $0 < h } } ?? false)
        return (trajectory, Array(Set(missing)).sorted())
    }
}
