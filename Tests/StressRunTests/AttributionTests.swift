import CreditEngine
import StressCore
@testable import StressRun
import XCTest

final class AttributionTests: XCTestCase {
    /// An additive game: each player's Shapley value is its own increment.
    func testShapleyOfAnAdditiveGameIsEachPlayersIncrement() {
        let increments = [3.0, -1.5, 7.25]
        let value = (0..<8).map { mask in (0..<3).reduce(10.0) { $0 + (mask & (1 << $1) != 0 ? increments[$1] : 0) } }
        let phi = AttributionStage.shapley(count: 3, value: value)
        for (p, e) in zip(phi, increments) { XCTAssertEqual(p, e, accuracy: 1e-12) }
    }

    /// The glove game v(S) = 1 when S holds player 0 and one of 1, 2: φ = (2/3, 1/6, 1/6).
    func testShapleyOfTheGloveGame() {
        let value = (0..<8).map { mask -> Double in (mask & 1 != 0 && mask & 6 != 0) ? 1 : 0 }
        let phi = AttributionStage.shapley(count: 3, value: value)
        XCTAssertEqual(phi[0], 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(phi[1], 1.0 / 6, accuracy: 1e-15)
        XCTAssertEqual(phi[2], 1.0 / 6, accuracy: 1e-15)
    }

    private func portfolio() -> Portfolio {
        var p = Portfolio()
        let n = 400
        p.ids = (0..<n).map { "E\($0)" }
        p.pd = (0..<n).map { 0.002 + 0.05 * Double($0 % 17) / 17 }
        p.lgd = (0..<n).map { 0.2 + 0.6 * Double($0 % 5) / 5 }
        p.ead = (0..<n).map { 1_000 + 100 * Double($0 % 11) }
        p.assetClass = (0..<n).map { $0 % 3 == 0 ? .residentialMortgage : .corporate }
        p.collateralValue = (0..<n).map { $0 % 3 == 0 ? 1_600 : .nan }
        for column in [\Portfolio.segment, \Portfolio.sector, \Portfolio.country, \Portfolio.rating, \Portfolio.currency] {
            p[keyPath: column] = CategoricalColumn(Array(repeating: "x", count: n))
        }
        return p
    }

    func testAttributionAddsUpToTheChangeAndNeutralIsTheBaselinePath() throws {
        let (s, settings, b) = boeCase(extra: [.init(name: "inflation", values: [0.05, 0.04, 0.03, 0.02, 0.02])])
        let p = portfolio()
        let credit = try CreditStage.run(scenario: s, scenarioFile: "a.yaml", portfolio: p, settings: settings,
                                         frameworkFile: nil, threads: 2)
        let a = try XCTUnwrap(AttributionStage.run(scenario: s, portfolio: p, balanceSheet: b, credit: credit, threads: 2))
        XCTAssertEqual(Set(a.byVariable.keys), ["gdp_growth", "unemployment", "house_price_index"],
                       "inflation does not enter the satellites")
        XCTAssertEqual(a.stressedEL, credit.projection.cumulativeEL, accuracy: 1e-9 * a.stressedEL)
        XCTAssertEqual(a.byVariable.values.reduce(0, +), a.stressedEL - a.neutralEL,
                       accuracy: 1e-9 * a.stressedEL, "Shapley efficiency for EL")
        XCTAssertEqual(a.minCET1.byVariable.values.reduce(0, +), a.minCET1.stressed - a.minCET1.neutral,
                       accuracy: 1e-12, "Shapley efficiency for the minimum CET1 ratio")
        XCTAssertGreaterThan(a.byVariable["unemployment"]!, 0, "rising unemployment adds losses")
        XCTAssertGreaterThan(a.byVariable["house_price_index"]!, 0, "falling house prices add losses")
        XCTAssertLessThan(a.minCET1.byVariable["unemployment"]!, 0)
    }

    /// The run reuses figures it already has: the scenario's own EL and CET1 as the full
    /// coalition, the empty coalition as the reverse stress's k = 0, the scenario's margin
    /// to aim the search. Each must equal what recomputing gives, bit for bit.
    func testReusedFiguresEqualRecomputedOnes() throws {
        let (s, settings, b) = boeCase()
        let p = portfolio()
        let credit = try CreditStage.run(scenario: s, scenarioFile: "a.yaml", portfolio: p, settings: settings,
                                         frameworkFile: nil, threads: 2)
        let options = credit.options(s, threads: 2)
        let capital = CapitalStage.project(scenario: s, plan: credit.plan, projection: credit.projection, balanceSheet: b,
                                           rules: credit.capitalRules, options: options, provisions: nil).0
        let recomputed = try XCTUnwrap(AttributionStage.run(scenario: s, portfolio: p, balanceSheet: b, credit: credit,
                                                            threads: 2))
        let reused = try XCTUnwrap(AttributionStage.run(scenario: s, portfolio: p, balanceSheet: b, credit: credit,
                                                        stressed: (credit.projection.cumulativeEL, capital.minCET1Ratio),
                                                        threads: 1))
        XCTAssertEqual(reused, recomputed)

        // Hurdle just below the scenario's low point, so the search has a breach to find.
        var tight = b
        tight.capital.cet1 = b.capital.cet1 * 0.62
        let plain = ReverseStage.run(scenario: s, portfolio: p, balanceSheet: tight, credit: credit, rwaModel: nil,
                                     threads: 2)
        let tightCapital = CapitalStage.project(scenario: s, plan: credit.plan, projection: credit.projection,
                                                balanceSheet: tight, rules: credit.capitalRules, options: options,
                                                provisions: nil).0
        let neutral = try XCTUnwrap(AttributionStage.run(scenario: s, portfolio: p, balanceSheet: tight, credit: credit,
                                                         threads: 2)).minCET1.neutral
        let guided = ReverseStage.run(scenario: s, portfolio: p, balanceSheet: tight, credit: credit, rwaModel: nil,
                                      neutralCET1: neutral, scenarioCET1: tightCapital.minCET1Ratio, threads: 2)
        XCTAssertEqual(guided, plain)
        // A surrogate on a subsample (credit losses as EL here: no provision book) only aims.
        for rows in [p.count * 2, p.count / 3, 200] {
            let sampled = ReverseStage.run(scenario: s, portfolio: p, balanceSheet: tight, credit: credit, rwaModel: nil,
                                           neutralCET1: neutral, scenarioCET1: tightCapital.minCET1Ratio, threads: 2,
                                           sampleRows: rows)
            XCTAssertEqual(sampled, plain, "\(rows) rows sampled")
        }
        let k = try XCTUnwrap(plain.severityScalingFactor)
        XCTAssertGreaterThan(k, 0)
        XCTAssertLessThan(k, 5)

        // And the factor is bisection's: the first point of the 5/8192 grid that breaches.
        let floor = plain.cet1Floor
        func ratio(_ k: Double) -> Double {
            let plan = SeverityScaling.scaled(credit.plan, scenario: s, configuration: credit.configuration, portfolio: p,
                                              factor: k)
            let projection = CreditProjector.project(portfolio: p, plan: plan, periodLabels: s.periods, options: options)
            return CapitalStage.project(scenario: s, plan: plan, projection: projection, balanceSheet: tight,
                                        rules: credit.capitalRules, options: options, provisions: nil).0.minCET1Ratio
        }
        XCTAssertEqual(k, ReverseStress.severityScaling(tolerance: 1e-3) { ratio($0) < floor })
    }

    /// The capital-breach multiplier does not depend on the scenario: a run computes it once
    /// per framework set-up. Shared, it must equal each scenario's own, also across set-ups
    /// that differ (here the PD floor), which a key missing a term would mix up.
    func testSharedCapitalBreachEqualsEachScenariosOwn() throws {
        let (s, settings, b) = boeCase()
        var floored = settings
        floored.pdFloor = 0.02
        var milder = s
        milder.id = "b"
        milder.variables[1].values = milder.variables[1].values.map { $0 - 0.01 }
        let p = portfolio()
        let memo = CapitalBreachMemo()
        var multipliers: Set<Double> = []
        for (scenario, framework) in [(s, settings), (milder, settings), (s, floored), (milder, floored)] {
            let credit = try CreditStage.run(scenario: scenario, scenarioFile: "a.yaml", portfolio: p,
                                             settings: framework, frameworkFile: nil, threads: 2)
            let own = ReverseStage.run(scenario: scenario, portfolio: p, balanceSheet: b, credit: credit, rwaModel: nil,
                                       threads: 2)
            let shared = ReverseStage.run(scenario: scenario, portfolio: p, balanceSheet: b, credit: credit,
                                          rwaModel: nil, threads: 2, capitalBreaches: memo)
            XCTAssertEqual(shared, own, "\(scenario.id), PD floor \(framework.pdFloor)")
            multipliers.insert(try XCTUnwrap(own.capitalBreachMultiplier))
        }
        XCTAssertEqual(multipliers.count, 2, "the PD floor moves the multiplier; the scenario does not")
        XCTAssertEqual(memo.count, 2)
    }

    /// A BoE-style five-year scenario with a Vasicek PD satellite on GDP and unemployment and
    /// collateral LGDs on house prices; `extra` variables the satellites do not read.
    private func boeCase(extra: [ScenarioVariable] = []) -> (Scenario, FrameworkSettings, BalanceSheet) {
        let s = Scenario(id: "a", framework: .boe, name: "a", severity: .adverse, frequency: .annual,
                         periods: ["1", "2", "3", "4", "5"], source: "t", variables: [
                            .init(name: "gdp_growth", values: [-0.04, -0.02, 0, 0.01, 0.02]),
                            .init(name: "unemployment", values: [0.07, 0.09, 0.095, 0.08, 0.07]),
                            .init(name: "house_price_index", values: [-0.15, -0.1, -0.03, 0, 0.02])] + extra)
        let settings = FrameworkSettings(framework: .boe, name: "boe", pdFloor: 0.0003, satellite: SatelliteSpec(
            pd: .init(model: "vasicek", parameters: ["beta_gdp_growth": 0.34, "mean_gdp_growth": 0.03, "sd_gdp_growth": 0.02,
                                                     "beta_unemployment": -0.6, "mean_unemployment": 0.06, "sd_unemployment": 0.014]),
            lgd: .init(model: "collateral", parameters: ["haircut": 0.3, "hpi_sensitivity": 0.6])))
        let b = BalanceSheet(asOf: "2025-12-31", currency: "EUR",
                             capital: .init(cet1: 60_000, rwa: 400_000, leverageExposure: 900_000),
                             income: .init(ppnr: [5_000, 5_000, 5_000, 5_000, 5_000], taxRate: 0.25))
        return (s, settings, b)
    }
}
