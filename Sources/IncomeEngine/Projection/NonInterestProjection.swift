import StressCore

/// The non-interest lines per period (METHODOLOGY §8.2). For a line with jump-off annual
/// amount A, period length Δ years and sensitivities s_k to variables x_k with neutral
/// values n_k:
///
///   level:      L_t = A·Δ·max(0, 1 + Σ_k s_k·(x_k,t − n_k))
///   cumulative: L_t = A·Δ·G_t,  G_t = G_t−1·max(0, 1 + Σ_k s_k·(x_k,t − n_k)·Δ),  G_0 = 1
///
/// Variables enter as the scenario gives them (fractions; the Fed's growth and inflation
/// rates annualised, index changes per period). A variable the scenario lacks stays at its
/// neutral value, reported as an info finding.
///
/// Framework constraints (`IncomeRules`): in a scenario other than the baseline, fee income
/// is capped at A·Δ; in every scenario, operating expenses are floored at A·Δ.
struct NonInterestProjection {
    var feeIncome: [Double]
    var tradingIncome: [Double]
    var otherIncome: [Double]
    var operatingExpenses: [Double]
    var operationalRiskLosses: [Double]
    var feeCapApplied: [Bool]
    var expenseFloorApplied: [Bool]
    var findings: [DataQualityFinding]

    init(lines: NonInterestLines?, scenario: Scenario, periodCount n: Int, periodLength: Double,
         rules: IncomeRules, stressed: Bool, scenarioFile: String) {
        var findings: [DataQualityFinding] = []
        var reported = Set<String>()
        func project(_ line: NonInterestLines.Line?, key: String) -> [Double] {
            guard let line else { return [Double](repeating: 0, count: n) }
            var growth = 1.0
            return (0..<n).map { t in
                var response = 0.0
                for s in line.sensitivities {
                    guard let values = scenario.path(s.variable) else {
                        if reported.insert(s.variable).inserted {
                            findings.append(DataQualityFinding(
                                severity: .info, file: scenarioFile, field: "variables.\(s.variable)",
                                message: "scenario \(scenario.id) has no \(s.variable) path: the non-interest lines take it at its neutral value"))
                        }
                        continue
                    }
                    let x = t < values.count ? values[t] : values.last ?? s.neutral
                    response += s.sensitivity * (x - s.neutral)
                }
                if line.cumulative {
                    growth *= max(0, 1 + response * periodLength)
                    return line.annual * periodLength * growth
                }
                return line.annual * periodLength * max(0, 1 + response)
            }
        }
        var fees = project(lines?.feeIncome, key: "fee_income")
        var expenses = project(lines?.operatingExpenses, key: "operating_expenses")
        feeCapApplied = [Bool](repeating: false, count: n)
        expenseFloorApplied = [Bool](repeating: false, count: n)
        if let fee = lines?.feeIncome, rules.capFeeIncomeAtJumpOff, stressed {
            let limit = fee.annual * periodLength
            for t in 0..<n where fees[t] > limit { fees[t] = limit; feeCapApplied[t] = true }
        }
        if let cost = lines?.operatingExpenses, rules.floorOperatingExpensesAtJumpOff {
            let floor = cost.annual * periodLength
            for t in 0..<n where expenses[t] < floor { expenses[t] = floor; expenseFloorApplied[t] = true }
        }
        feeIncome = fees
        tradingIncome = project(lines?.tradingIncome, key: "trading_income")
        otherIncome = project(lines?.otherIncome, key: "other_income")
        operatingExpenses = expenses
        operationalRiskLosses = project(lines?.operationalRiskLosses, key: "operational_risk_losses")
        self.findings = findings
    }
}
