import FactorModel
import Foundation
import RiskMath
import StressCore
import ProvisionsEngine
import StressRun
import VaREngine

/// A small bank run through the real engines (StressRun.ScenarioRunner) with one
/// scenario per framework, so the workbooks show every section the results have.
enum Fixtures {
    static let asOf = "2025-12-31"

    /// `count` exposures in four segments, deterministic (no random numbers).
    static func portfolio(count: Int = 2_000) -> Portfolio {
        var p = Portfolio()
        p.reserveCapacity(count)
        let segments: [(String, AssetClass, Double, Double, Double)] = [
            ("Retail mortgages", .residentialMortgage, 0.008, 0.15, 180_000),
            ("Large corporates", .corporate, 0.004, 0.42, 2_500_000),
            ("SME lending", .sme, 0.012, 0.38, 400_000),
            ("Credit cards", .qrre, 0.030, 0.80, 4_000),
        ]
        let sectors = ["Households", "Manufacturing", "Construction", "Real estate"]
        let countries = ["DE", "FR", "IT", "NL", "GB"]
        var maturity: [Double] = [], collateral: [Double] = [], drawn: [Double] = []
        for i in 0..<count {
            let (segment, assetClass, pd, lgd, ead) = segments[i % segments.count]
            let wobble = Double((i * 7_919) % 1_000) / 1_000 // 0 ..< 1
            p.ids.append(String(format: "EXP%07d", i + 1))
            p.pd.append(pd * (0.5 + wobble))
            p.lgd.append(min(0.95, lgd * (0.8 + 0.4 * wobble)))
            let exposure = (ead * (0.5 + wobble)).rounded()
            p.ead.append(exposure)
            p.assetClass.append(assetClass)
            p.segment.append(segment)
            p.sector.append(assetClass == .residentialMortgage || assetClass == .qrre ? "Households" : sectors[1 + i % 3])
            p.country.append(countries[i % countries.count])
            p.currency.append("EUR")
            maturity.append(1 + Double(i % 5))
            collateral.append(assetClass == .residentialMortgage ? (exposure / (0.5 + 0.4 * wobble)).rounded() : .nan)
            drawn.append(exposure)
        }
        p.maturity = maturity
        p.collateralValue = collateral
        p.drawn = drawn
        return p
    }

    static func balanceSheet(totalEAD: Double) -> BalanceSheet {
        let rwa = (0.45 * totalEAD).rounded()
        let le = (1.3 * totalEAD).rounded()
        func share(_ x: Double) -> Double { (x * le).rounded() }
        return BalanceSheet(
            asOf: asOf, currency: "EUR",
            capital: .init(cet1: (0.142 * rwa).rounded(), at1: (0.015 * rwa).rounded(), tier2: (0.022 * rwa).rounded(),
                           rwa: rwa, otherRWA: (0.15 * rwa).rounded(), leverageExposure: le, systemicReferencePoint: 0.01),
            income: .init(ppnr: [0.010, 0.0097, 0.0095, 0.0096, 0.0098].map(share), taxRate: 0.3,
                          distributions: [0.0025, 0.0024, 0.0024, 0.0024, 0.0025].map(share), otherLosses: [0, 0, 0, 0, 0]),
            liquidity: .init(
                hqla: ["level1": share(0.09), "level2a": share(0.022), "level2b": share(0.008)],
                outflows: ["retail_stable": share(0.33), "retail_less_stable": share(0.12), "operational": share(0.08),
                           "corporate_non_operational": share(0.07), "financial": share(0.035),
                           "committed_facilities_corporate": share(0.02)],
                inflows: ["non_financial": share(0.04), "financial": share(0.02)],
                nsfrAvailable: ["regulatory_capital": (0.179 * rwa).rounded(), "retail_stable_deposits": share(0.33),
                                "retail_less_stable_deposits": share(0.12), "long_term_wholesale": share(0.2)],
                nsfrRequired: ["level1": share(0.09), "residential_mortgages": share(0.3), "corporate_loans": share(0.4),
                               "other_assets": share(0.12)]),
            rbi: .init(npaRatio: 0.028, car: 0.179, netInterestIncome: share(0.018), totalAdvances: share(0.7),
                       totalAssets: le, durationGap: 1.2, deposits: share(0.6)), bank: "Fixture Bank AG")
    }

    static let scenarios: [Scenario] = [
        Scenario(id: "eba-test-adverse", framework: .eba, name: "EBA test adverse", severity: .adverse,
                 frequency: .annual, periods: ["2026", "2027", "2028"], source: "test fixture",
                 variables: [ScenarioVariable(name: "gdp_growth", values: [-0.021, -0.011, 0.004]),
                             ScenarioVariable(name: "unemployment", values: [0.071, 0.080, 0.082]),
                             ScenarioVariable(name: "house_price_index", values: [-0.087, -0.05, -0.02])]),
        Scenario(id: "boe-test", framework: .boe, name: "BoE test", severity: .adverse, frequency: .annual,
                 periods: ["2026", "2027", "2028", "2029", "2030"], source: "test fixture",
                 variables: [ScenarioVariable(name: "gdp_growth", values: [-0.03, -0.02, 0.0, 0.01, 0.015]),
                             ScenarioVariable(name: "unemployment", values: [0.06, 0.085, 0.09, 0.08, 0.07]),
                             ScenarioVariable(name: "house_price_index", values: [-0.12, -0.08, 0, 0.02, 0.03])]),
        Scenario(id: "ccar-test", framework: .ccar, name: "CCAR test", severity: .severelyAdverse, frequency: .quarterly,
                 periods: (0..<9).map { "202\(6 + $0 / 4)Q\($0 % 4 + 1)" }, source: "test fixture",
                 variables: [ScenarioVariable(name: "gdp_growth", values: [-0.06, -0.05, -0.03, -0.01, 0, 0.01, 0.02, 0.02, 0.02]),
                             ScenarioVariable(name: "unemployment", values: [0.05, 0.065, 0.08, 0.095, 0.1, 0.098, 0.095, 0.09, 0.085])]),
        Scenario(id: "rbi-test-severe", framework: .rbi, name: "RBI test severe", severity: .severe, frequency: .annual,
                 periods: ["FY2027", "FY2028"], source: "test fixture", variables: [],
                 sensitivities: RBISensitivities(interestRateShocks: [0.01, 0.02], npaIncreases: [2, 5],
                                                 depositRunoffs: [10, 20])),
    ]

    /// Results of the fixture bank through every scenario.
    static func run(portfolio p: Portfolio = portfolio(), scenarios: [Scenario] = scenarios,
                    liquidity: Bool = true, balanceSheet sheet: BalanceSheet? = nil) throws -> RunResults {
        var b = sheet ?? balanceSheet(totalEAD: p.totalEAD)
        if !liquidity { b.liquidity = nil }
        var findings: [DataQualityFinding] = []
        var results: [ScenarioResult] = []
        for s in scenarios {
            // Each framework's default provisioning rules, so the provisions sheet and page render.
            let rules = ProvisioningRules.defaults(for: s.framework)
            let setup = ProvisionSetup(book: ProvisionBook(portfolio: p, rules: rules, pdFloor: 0.0003, asOf: asOf),
                                       rules: rules, portfolio: p)
            let (result, found) = try ScenarioRunner.run(.init(
                scenario: s, scenarioFile: "scenarios/\(s.id).yaml", portfolio: p, balanceSheet: b,
                balanceSheetFile: "bank.yaml", settings: nil, frameworkFile: nil, provisions: setup, threads: 2))
            results.append(result)
            findings += found
        }
        findings.append(DataQualityFinding(severity: .info, file: "bank.csv", line: 12, field: "rating",
                                           message: "unknown column kept and ignored"))
        let inputs = [InputFile(role: "portfolio", path: "bank.csv", sha256: String(repeating: "a", count: 64), bytes: 1_234),
                      InputFile(role: "balance_sheet", path: "bank.yaml", sha256: String(repeating: "b", count: 64), bytes: 567)]
        return RunResults(run: RunInfo(id: "run-20251231-fixture", asOf: asOf, seed: 42, pack: "test", inputs: inputs),
                          portfolio: PortfolioSummary(p), balanceSheet: BalanceSheetSummary(b), scenarios: results,
                          factorRisk: try factorRisk(p), creditVaR: try creditVaR(p),
                          dataQuality: DataQuality(findings: findings))
    }

    /// Factor risk with a 15% market volatility and the standard sector/country structure.
    static func factorRisk(_ p: Portfolio) throws -> FactorRiskReport {
        let model = try FactorRiskModel(factors: [.market], covariance: try Matrix([[0.15 * 0.15]]),
                                        provenance: .init(estimation: "test fixture", realData: [], assumptions: ["15% market"]),
                                        creditStructure: .standard)
        return try PortfolioFactorRisk.report(portfolio: p, model: model)
    }

    /// Credit VaR with importance sampling, as the CLI runs it (fewer paths).
    static func creditVaR(_ p: Portfolio) throws -> VaRResult {
        try CreditVaR.run(portfolio: p, configuration: VaRConfiguration(paths: 4_000, seed: 42, importanceSampling: .automatic),
                          threads: 2)
    }

    /// results.json as the CLI writes it (sorted keys, pretty-printed).
    static func resultsJSON(_ results: RunResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(results)
    }
}
