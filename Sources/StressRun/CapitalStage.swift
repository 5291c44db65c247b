import CapitalEngine
import CreditEngine
import IncomeEngine
import ProvisionsEngine
import StressCore

/// The capital part of a scenario (METHODOLOGY §3): credit losses are the provisions
/// engine's impairments when the run has a provision setup (else the credit engine's EL),
/// with the change in the IRB expected-loss shortfall deducted from CET1 and the change in
/// the provisions excess in Tier 2 (CRR Art. 36(1)(d), 62(d), 159) under IRB rules; credit
/// RWA through the framework's RWA rules (`FrameworkRWA`); PPNR and operational-risk
/// losses from the income engine when the run has a banking book; then the capital engine.
/// Re-projections (attribution, reverse stress) keep the scenario's income.
enum CapitalStage {
    static func project(scenario s: Scenario, plan: StressPlan, projection: CreditProjection, balanceSheet: BalanceSheet,
                        rules: CapitalRules, options: ProjectionOptions, provisions setup: ProvisionSetup?,
                        precomputed: ProvisionsResult? = nil, income: IncomeResult? = nil,
                        constants: ExposureConstants? = nil) -> (CapitalResult, ProvisionsResult?) {
        let years = PeriodCalendar.years(labels: projection.periods, frequency: s.frequency, asOf: balanceSheet.asOf)
        let framework = FrameworkRWA.project(.init(
            rules: rules, irbStart: projection.startRWA, irbPeriods: projection.periodRWA,
            standardisedStart: projection.standardisedStartRWA, standardisedPeriods: projection.standardisedPeriodRWA,
            otherRWA: balanceSheet.capital.otherRWA, startYear: years.start, periodYears: years.periods))
        let provisions = precomputed ?? setup.map {
            ProvisionStage.project(scenario: s, plan: plan, options: options, setup: $0, constants: constants)
        }
        var losses = projection.periodEL
        var deductions: [Double]? = nil, tier2: [Double]? = nil
        if let provisions {
            losses = provisions.impairment
            if rules.approach == .irb, let start = projection.startRWA, let path = projection.periodRWA {
                let el = provisions.expectedLoss
                deductions = (1...path.count).map { el.shortfall[$0] - el.shortfall[0] }
                // Excess provisions count as Tier 2 up to 0.6% of IRB credit RWA (CRR Art. 62(d)).
                let cap = [start] + path
                let counted = (0...path.count).map { min(el.excess[$0], 0.006 * cap[$0]) }
                tier2 = (1...path.count).map { counted[$0] - counted[0] }
            }
        }
        var result = CapitalProjection.project(.init(
            framework: s.framework, frequency: s.frequency, periods: projection.periods,
            creditLosses: losses, creditRWA: framework?.0, ppnr: income?.ppnr ?? s.ppnr, balanceSheet: balanceSheet,
            cet1Deductions: deductions, tier2Adjustments: tier2, projectedOtherLosses: income?.operationalRiskLosses,
            ppnrSplit: income.map { PPNRSplit(netInterestIncome: $0.netInterestIncome, nonInterestIncome: $0.nonInterestIncome,
                                              operatingExpenses: $0.operatingExpenses) }))
        result.rwaProjection = framework?.1
        return (result, provisions)
    }
}

/// Calendar years of a scenario's periods, for rules that change by year (the output
/// floor's phase-in): the first four-digit year in each label ("2026", "2026Q3",
/// "FY2027"); labels without one count years from the balance sheet's as-of date. The
/// jump-off is the year before the first annual period, or the year of the quarter
/// before the first quarterly one.
enum PeriodCalendar {
    static func years(labels: [String], frequency: Frequency, asOf: String) -> (start: Int, periods: [Int]) {
        let asOfYear = year(in: asOf) ?? 2000
        let parsed = labels.map(year(in:))
        let perYear = frequency == .quarterly ? 4 : 1
        let periods = parsed.enumerated().map { t, y in y ?? asOfYear + (t / perYear) + 1 }
        var start = asOfYear
        if let first = labels.first, let y = parsed.first ?? nil {
            start = frequency == .quarterly && !first.uppercased().hasSuffix("Q1") ? y : y - 1
        }
        return (start, periods)
    }

    static func year(in label: String) -> Int? {
        let digits = Array(label)
        var k = 0
        while k + 4 <= digits.count {
            let run = digits[k..<(k + 4)]
            let before = k > 0 ? digits[k - 1] : " ", after = k + 4 < digits.count ? digits[k + 4] : " "
            if run.allSatisfy(\.isASCIIDigit), !before.isASCIIDigit, !after.isASCIIDigit,
               let y = Int(String(run)), (1900...2200).contains(y) {
                return y
            }
            k += 1
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
