import CreditEngine
import StressCore

/// A scenario's re-projection under another stress plan, down to the two figures the
/// attribution and the reverse stress read: cumulative EL and the minimum CET1 ratio.
/// It runs the same credit, provisions and capital passes as the scenario itself, but
/// without the breakdowns nobody reads there, and with the scenario-independent terms of
/// each exposure (`ExposureConstants`) computed once for all its coalitions and steps.
/// The totals are summed in the same chunks and order, so the figures are the full
/// projection's bits (`ReprojectionTests`).
public struct Reprojection: Sendable {
    let scenario: Scenario
    let portfolio: Portfolio
    let balanceSheet: BalanceSheet
    let credit: CreditStage.Output
    let options: ProjectionOptions
    let constants: ExposureConstants
    let labels: [String]

    public init(scenario s: Scenario, portfolio: Portfolio, balanceSheet: BalanceSheet, credit: CreditStage.Output,
                threads: Int) {
        scenario = s
        self.portfolio = portfolio
        self.balanceSheet = balanceSheet
        self.credit = credit
        var options = credit.options(s, threads: threads)
        options.breakdowns = false
        self.options = options
        constants = ExposureConstants(portfolio: portfolio, pdFloor: options.pdFloor, rwa: options.rwa, threads: threads)
        labels = Array(s.periods.prefix(credit.plan.periods))
    }

    /// Cumulative EL and minimum CET1 ratio under `plan`.
    public func figures(_ plan: StressPlan) -> (el: Double, cet1: Double) {
        let projection = CreditProjector.project(portfolio: portfolio, plan: plan, periodLabels: labels, options: options,
                                                 constants: constants)
        let capital = CapitalStage.project(scenario: scenario, plan: plan, projection: projection,
                                           balanceSheet: balanceSheet, rules: credit.capitalRules, options: options,
                                           provisions: credit.provisions, income: credit.income,
                                           constants: constants).0
        return (projection.cumulativeEL, capital.minCET1Ratio)
    }
}
