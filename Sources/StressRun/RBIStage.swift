import CreditEngine
import StressCore

/// RBI single-factor sensitivities and the severity-table credit-quality
/// stress (METHODOLOGY §2.4). CAR and NPA figures are in percent, as the RBI
/// reports them.
public struct RBIResult: Sendable, Equatable, Codable {
    public var creditQuality: RBIStress.CreditQualityResult
    public var interestRate: [RBIStress.InterestRateResult]
    public var creditQualitySensitivity: [RBIStress.CreditQualitySensitivityResult]

    enum CodingKeys: String, CodingKey {
        case creditQuality = "credit_quality", interestRate = "interest_rate"
        case creditQualitySensitivity = "credit_quality_sensitivity"
    }
}

enum RBIStage {
    static func run(scenario s: Scenario, portfolio: Portfolio, balanceSheet b: BalanceSheet, pdFloor: Double,
                    scenarioFile: String, balanceSheetFile: String) -> (RBIResult, [DataQualityFinding]) {
        let pd = portfolio.pd.map { max($0, pdFloor) }
        let quality = RBIStress.creditQuality(pd: pd, lgd: portfolio.lgd, ead: portfolio.ead,
                                              severity: RBIStress.severity(s.severity))
        var result = RBIResult(creditQuality: quality, interestRate: [], creditQualitySensitivity: [])
        guard let shocks = s.sensitivities else { return (result, []) }
        guard let r = b.rbi else {
            return (result, [DataQualityFinding(severity: .warning, file: balanceSheetFile, field: "rbi",
                                                message: "scenario \(s.id) lists RBI sensitivities but the balance sheet has no rbi block: they are not run")])
        }
        result.interestRate = shocks.interestRateShocks.map {
            RBIStress.interestRate(shock: $0, durationGap: r.durationGap, totalAssets: r.totalAssets,
                                   totalAdvances: r.totalAdvances, netInterestIncome: r.netInterestIncome,
                                   baselineCAR: r.car * 100)
        }
        result.creditQualitySensitivity = shocks.npaIncreases.map {
            RBIStress.creditQualitySensitivity(npaIncreasePP: $0, baselineNPARatio: r.npaRatio * 100,
                                               baselineCAR: r.car * 100, totalAdvances: r.totalAdvances)
        }
        return (result, [])
    }
}
