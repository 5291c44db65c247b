import CapitalEngine
import CreditEngine
import StressCore

/// The capital part of a scenario (METHODOLOGY §3): the credit engine's losses and,
/// when the run has an RWA model, its credit RWA paths through the framework's RWA rules
/// (`FrameworkRWA`), then the capital engine.
enum CapitalStage {
    static func project(scenario s: Scenario, projection: CreditProjection, balanceSheet: BalanceSheet,
                        rules: CapitalRules) -> CapitalResult {
        let years = PeriodCalendar.years(labels: projection.periods, frequency: s.frequency, asOf: balanceSheet.asOf)
        let framework = FrameworkRWA.project(.init(
            rules: rules, irbStart: projection.startRWA, irbPeriods: projection.periodRWA,
            standardisedStart: projection.standardisedStartRWA, standardisedPeriods: projection.standardisedPeriodRWA,
            otherRWA: balanceSheet.capital.otherRWA, startYear: years.start, periodYears: years.periods))
        var result = CapitalProjection.project(.init(
            framework: s.framework, frequency: s.frequency, periods: projection.periods,
            creditLosses: projection.periodEL, creditRWA: framework?.0, ppnr: s.ppnr, balanceSheet: balanceSheet))
        result.rwaProjection = framework?.1
        return result
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
