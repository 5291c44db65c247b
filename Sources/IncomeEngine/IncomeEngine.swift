import StressCore

// # IncomeEngine: net interest income, PPNR and interest rate risk in the banking book
//
// A pure engine (value types in, value types out, no I/O) for issue #17; METHODOLOGY §8 is
// its specification. It reads the balance sheet's `banking_book:` (`BankingBook`) and
// `non_interest:` (`NonInterestLines`) and a scenario; it never reads the credit or capital
// engines, which the run combines with it.
//
// ## Entry points
//
// 1. `IncomeProjection.project(_ inputs: IncomeProjection.Inputs) -> IncomeResult`, once per
//    scenario:
//
//        IncomeProjection.Inputs(
//            bankingBook: BankingBook,            // balanceSheet.bankingBook
//            nonInterest: NonInterestLines?,      // balanceSheet.nonInterest
//            scenario: Scenario,                  // framework, severity, frequency, periods, variables
//            periodCount: Int? = nil,             // projected periods (CCAR 9); all when nil
//            currency: String,                    // balanceSheet.currency
//            rules: IncomeRules? = nil,           // IncomeRules.of(scenario.framework) when nil
//            scenarioJumpOff: [String: Double] = [:],   // the scenario variables' own jump-off levels:
//                                                 // Inputs' ScenarioRateJumpOffs.bundled[scenario.id]
//            nonAccrual: [String: [Double]]? = nil,     // product (or position name) → stage-3 share
//                                                 // of the balance per period, from the credit engine
//            scenarioFile: String, balanceSheetFile: String)   // names used in findings
//
//    `IncomeResult` (Codable, snake_case keys, for results.json `income`) gives per period:
//    `interestIncome`, `interestExpense`, `netInterestIncomeBeforeCap`, `netInterestIncome`
//    (after the EBA cap; `niiCap.applied[t]` flags where it bound), `feeIncome`,
//    `tradingIncome`, `otherIncome`, `nonInterestIncome`, `operatingExpenses`,
//    `operationalRiskLosses` (NOT in PPNR: pass them as other losses), `ppnr`,
//    `costIncomeRatio`; per product (`byProduct`) and position (`positions`) the interest;
//    `ratePaths` (each reference rate's path and whether it came from the scenario or is
//    a stated default, `RatePath.isDefault`); and `findings` (data-quality findings, not
//    encoded: append them to the run's `data_quality`). Amounts are for the period's length
//    (a quarter's in CCAR), in the balance sheet's currency.
//
// 2. `IRRBB.measure(_ inputs: IRRBB.Inputs) -> IRRBBResult`, once per run (it does not
//    depend on the scenario):
//
//        IRRBB.Inputs(bankingBook: BankingBook, currency: String, tier1: Double,
//                     shockSizes: ShockSizes? = nil,      // d368 Table 1 for the currency when nil
//                     baseCurve: YieldCurve? = nil,       // the book's jump-off risk-free rates when nil
//                     options: IRRBB.Options = .init(), balanceSheetFile: String)
//
//    `IRRBBResult` (Codable, for results.json `irrbb`): ΔEVE and ΔNII under the six BCBS
//    shocks (`shocks`), the EVE and NII outlier tests (`eveOutlier`: worst ΔEVE loss > 15% of
//    Tier 1; `niiOutlier`), and the RBI duration gap (`durationGap`, years), which replaces
//    `rbi.duration_gap` in the RBI interest-rate sensitivity when the book is given.
//
// ## How StressRun would call it, per scenario
//
//        guard let book = sheet.bankingBook else { /* keep income.ppnr, as today */ }
//        let income = IncomeProjection.project(.init(
//            bankingBook: book, nonInterest: sheet.nonInterest, scenario: scenario,
//            periodCount: projectedPeriods, currency: sheet.currency,
//            scenarioJumpOff: ScenarioRateJumpOffs.bundled[scenario.id] ?? [:],
//            nonAccrual: ["mortgages": stage3ShareOfMortgages, ...],    // optional
//            scenarioFile: scenarioPath, balanceSheetFile: balanceSheetPath))
//        // Capital: income.ppnr in place of the balance sheet's list (CapitalProjection.Inputs(ppnr:)),
//        // income.operationalRiskLosses added to other losses; the waterfall can split PPNR into
//        // income.netInterestIncome, income.nonInterestIncome and −income.operatingExpenses.
//        findings += income.findings
//
//        let irrbb = IRRBB.measure(.init(bankingBook: book, currency: sheet.currency,
//                                        tier1: sheet.capital.tier1, balanceSheetFile: balanceSheetPath))
//        // RBI: RBIStress.interestRate(shock:, durationGap: irrbb.durationGap, ...)
//
// When the balance sheet has both `income.ppnr` and a banking book, the banking book takes
// precedence; a run that uses the fixed list should report it as a data-quality finding.

/// The engine's version, reported with its results.
public enum IncomeEngine {
    public static let version = "0.1.0"
}
