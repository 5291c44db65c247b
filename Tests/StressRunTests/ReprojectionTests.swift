import CapitalEngine
import CreditEngine
import ProvisionsEngine
import StressCore
@testable import StressRun
import XCTest

/// The lean re-projection of the attribution and the reverse stress (no breakdowns, shared
/// per-exposure terms) against the full projection it replaces: cumulative EL and the
/// minimum CET1 ratio must be the same bits, for coalitions and severity factors, under
/// IRB with a rating philosophy, an output floor, the standardised approach and the RBI's
/// severity table, with provisions and exposures in default at jump-off.
final class ReprojectionTests: XCTestCase {
    /// More than one chunk of the credit (16,384) and provisions (8,192) passes, so the
    /// chunk-order reduction is exercised.
    static func portfolio(_ n: Int = 20_000) -> Portfolio {
        var p = FrameworkCapitalTests.portfolio(n)
        p.pd = (0..<n).map { (i: Int) -> Double in i % 97 == 0 ? 1 : 0.0002 + 0.08 * Double(i % 23) / 23 }
        p.maturity = (0..<n).map { (i: Int) -> Double in i % 7 == 0 ? Double.nan : 1 + Double(i % 5) }
        p.stage = (0..<n).map { (i: Int) -> UInt8 in i % 97 == 0 ? 3 : (i % 13 == 0 ? 2 : 1) }
        p.segment = CategoricalColumn((0..<n).map { $0 % 3 == 0 ? "retail" : "corporate" })
        return p
    }

    struct Case {
        var scenario: Scenario
        var credit: CreditStage.Output
        var balanceSheet: BalanceSheet
        var portfolio: Portfolio

        init(_ s: Scenario, rules: CapitalRules, satellite: SatelliteSpec?) throws {
            let p = ReprojectionTests.portfolio()
            let irb = try PortfolioRWA(portfolio: p, options: RWAOptions())
            let sa = try StandardisedExposureWeights(portfolio: p, table: FrameworkCapitalTests.usWeights)
            let settings = FrameworkSettings(framework: s.framework, name: "t", pdFloor: 0.0003, satellite: satellite,
                                             capital: rules)
            let provisioning = ProvisioningRules.defaults(for: s.framework)
            let setup = ProvisionSetup(book: ProvisionBook(portfolio: p, rules: provisioning, pdFloor: 0.0003,
                                                           asOf: "2025-12-31"),
                                       rules: provisioning, portfolio: p)
            scenario = s
            portfolio = p
            balanceSheet = FrameworkCapitalTests.balanceSheet
            balanceSheet.income.ppnr = Array(repeating: 20_000, count: s.periods.count)
            credit = try CreditStage.run(scenario: s, scenarioFile: "s.yaml", portfolio: p, settings: settings,
                                         frameworkFile: nil,
                                         rwa: FrameworkRWAColumns.make(rules: rules, irb: irb, standardised: sa),
                                         capitalRules: rules, provisions: setup, threads: 2)
        }

        /// The full path: every breakdown, every term computed on the way.
        func full(_ plan: StressPlan, threads: Int) -> (el: Double, cet1: Double) {
            let options = credit.options(scenario, threads: threads)
            let projection = CreditProjector.project(portfolio: portfolio, plan: plan,
                                                     periodLabels: Array(scenario.periods.prefix(plan.periods)),
                                                     options: options)
            let capital = CapitalStage.project(scenario: scenario, plan: plan, projection: projection,
                                               balanceSheet: balanceSheet, rules: credit.capitalRules, options: options,
                                               provisions: credit.provisions, income: credit.income).0
            return (projection.cumulativeEL, capital.minCET1Ratio)
        }

        func assertLeanEqualsFull(factors: [Double], coalitions: Bool, file: StaticString = #filePath,
                                  line: UInt = #line) {
            let lean = Reprojection(scenario: scenario, portfolio: portfolio, balanceSheet: balanceSheet, credit: credit,
                                    threads: 1)
            var plans = factors.map {
                SeverityScaling.scaled(credit.plan, scenario: scenario, configuration: credit.configuration,
                                       portfolio: portfolio, factor: $0)
            }
            if coalitions {
                // Every coalition of the variables on their paths, the others neutral (attribution).
                let neutral = SeverityScaling.neutralValues(credit.configuration)
                let players = scenario.variables.map(\.name).filter { neutral[$0] != nil }
                for mask in 0..<(1 << players.count) {
                    var coalition = scenario
                    coalition.variables = scenario.variables.map { v in
                        guard let k = players.firstIndex(of: v.name), mask & (1 << k) == 0 else { return v }
                        return ScenarioVariable(name: v.name, values: Array(repeating: neutral[v.name]!, count: v.values.count))
                    }
                    plans.append(StressPlan.build(configuration: credit.configuration, scenario: coalition,
                                                  portfolio: portfolio, periods: credit.plan.periods, sourceFile: "").0)
                }
            }
            var cet1s: Set<UInt64> = []
            for (k, plan) in plans.enumerated() {
                let expected = full(plan, threads: 2), got = lean.figures(plan)
                XCTAssertEqual(got.el.bitPattern, expected.el.bitPattern, "EL, plan \(k): \(got.el) vs \(expected.el)",
                               file: file, line: line)
                XCTAssertEqual(got.cet1.bitPattern, expected.cet1.bitPattern,
                               "min CET1, plan \(k): \(got.cet1) vs \(expected.cet1)", file: file, line: line)
                cet1s.insert(expected.cet1.bitPattern)
            }
            XCTAssertGreaterThan(cet1s.count, 2, "the plans move the ratio", file: file, line: line)
            // All plans in one pass, each exposure evaluated once per distinct path: the same bits.
            let shared = lean.figures(plans)
            for (k, plan) in plans.enumerated() {
                let own = lean.figuresAlone(plan)
                XCTAssertEqual(shared[k].el.bitPattern, own.el.bitPattern, "shared pass, EL, plan \(k)",
                               file: file, line: line)
                XCTAssertEqual(shared[k].cet1.bitPattern, own.cet1.bitPattern, "shared pass, min CET1, plan \(k)",
                               file: file, line: line)
            }
        }
    }

    static let vasicek = SatelliteSpec(
        pd: .init(model: "vasicek", parameters: ["beta_gdp_growth": 0.34, "mean_gdp_growth": 0.03, "sd_gdp_growth": 0.02,
                                                 "beta_unemployment": -0.6, "mean_unemployment": 0.06,
                                                 "sd_unemployment": 0.014]),
        lgd: .init(model: "collateral", parameters: ["haircut": 0.3, "hpi_sensitivity": 0.6]),
        // A second group: the kernel's per-group plan rows.
        overrides: ["retail": SatelliteSpec(pd: .init(model: "vasicek", parameters: [
            "beta_unemployment": -0.9, "mean_unemployment": 0.06, "sd_unemployment": 0.014]))])

    static func annual(_ framework: Framework) -> Scenario {
        Scenario(id: "a", framework: framework, name: "a", severity: .adverse, frequency: .annual,
                 periods: ["2026", "2027", "2028", "2029", "2030"], source: "t", variables: [
                    .init(name: "gdp_growth", values: [-0.04, -0.02, 0, 0.01, 0.02]),
                    .init(name: "unemployment", values: [0.07, 0.09, 0.095, 0.08, 0.07]),
                    .init(name: "house_price_index", values: [-0.15, -0.1, -0.03, 0, 0.02])])
    }

    /// IRB with a rating philosophy of 0.3 (α = 0 for mortgages) and the output floor.
    func testIRBWithRatingPhilosophyAndOutputFloor() throws {
        let rules = CapitalRules(approach: .irb, ratingPhilosophy: 0.3, ratingPhilosophyByAssetClass: [.residentialMortgage: 0],
                                 outputFloor: [2026: 0.5, 2027: 0.55, 2028: 0.6], standardisedTable: "us")
        try Case(Self.annual(.eba), rules: rules, satellite: Self.vasicek)
            .assertLeanEqualsFull(factors: [0, 0.5, 1, 2.75], coalitions: true)
    }

    /// The linear satellite: mild plans leave PDs at jump-off, where the kernel reuses the
    /// jump-off weight.
    func testLinearSatelliteWithPointInTimeIRB() throws {
        var s = Self.annual(.boe)
        s.balanceSheetMode = .static
        try Case(s, rules: .pointInTime, satellite: nil).assertLeanEqualsFull(factors: [0, 0.25, 1, 3], coalitions: true)
    }

    /// CCAR: quarterly, standardised RWA, a constant balance sheet.
    func testQuarterlyStandardised() throws {
        let s = FrameworkCapitalTests.ccar("c", unemployment: [0.07, 0.08, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08, 0.08])
        var satellite = Self.vasicek
        satellite.lgd = nil
        try Case(s, rules: FrameworkCapitalTests.usRules, satellite: satellite)
            .assertLeanEqualsFull(factors: [0, 1, 4], coalitions: true)
    }

    /// Coalitions that differ only in a variable an exposure's paths do not read share its
    /// evaluation: here only the retail group's PD reads unemployment.
    func testSharedPassEvaluatesEachDistinctPathOnce() throws {
        let satellite = SatelliteSpec(
            pd: .init(model: "vasicek", parameters: ["beta_gdp_growth": 0.34, "mean_gdp_growth": 0.03,
                                                     "sd_gdp_growth": 0.02]),
            lgd: .init(model: "collateral", parameters: ["haircut": 0.3, "hpi_sensitivity": 0.6]),
            overrides: ["retail": SatelliteSpec(pd: .init(model: "vasicek", parameters: [
                "beta_unemployment": -0.9, "mean_unemployment": 0.06, "sd_unemployment": 0.014]))])
        let c = try Case(Self.annual(.eba), rules: .pointInTime, satellite: satellite)
        c.assertLeanEqualsFull(factors: [1], coalitions: true)
        let neutral = SeverityScaling.neutralValues(c.credit.configuration)
        let players = c.scenario.variables.map(\.name).filter { neutral[$0] != nil }
        XCTAssertEqual(players.count, 3)
        let plans = (0..<(1 << players.count)).map { mask -> PreparedPlan in
            var coalition = c.scenario
            coalition.variables = c.scenario.variables.map { v in
                guard let k = players.firstIndex(of: v.name), mask & (1 << k) == 0 else { return v }
                return ScenarioVariable(name: v.name, values: Array(repeating: neutral[v.name]!, count: v.values.count))
            }
            return PreparedPlan(StressPlan.build(configuration: c.credit.configuration, scenario: coalition,
                                                 portfolio: c.portfolio, periods: c.credit.plan.periods,
                                                 sourceFile: "").0)
        }
        let sharing = try XCTUnwrap(PathSharing(portfolio: c.portfolio, plans: plans))
        let retail = c.portfolio.segment.codes.filter { c.portfolio.segment.levels[Int($0)] == "retail" }.count
        // Retail rows: all 8 coalitions distinct; the others 4 (GDP × house prices).
        XCTAssertGreaterThan(retail, 0)
        XCTAssertEqual(sharing.evaluations, retail * 8 + (c.portfolio.count - retail) * 4)

        // More plans than one pass takes (32): passes of 32 and 8, repeats sharing every path.
        let lean = Reprojection(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: c.balanceSheet,
                                credit: c.credit, threads: 2)
        let once = lean.figures(plans.map(\.plan))
        let many = lean.figures(Array(repeating: plans.map(\.plan), count: 5).flatMap { $0 })
        XCTAssertEqual(many.count, 40)
        XCTAssertGreaterThan(many.count, Reprojection.sharedPlans)
        for (k, figures) in many.enumerated() {
            XCTAssertEqual(figures.el.bitPattern, once[k % 8].el.bitPattern, "EL, plan \(k)")
            XCTAssertEqual(figures.cet1.bitPattern, once[k % 8].cet1.bitPattern, "min CET1, plan \(k)")
        }
    }

    /// The severity search's surrogate: the re-projection of a subsample, each row standing
    /// for the rows it represents. On every exposure it is the full figure summed in other
    /// blocks; on a subsample, near it. The factor found with it is the one found without.
    func testSampledReprojectionAimsTheSeveritySearch() throws {
        let rules = CapitalRules(approach: .irb, ratingPhilosophy: 0.3, standardisedTable: "us")
        var c = try Case(Self.annual(.eba), rules: rules, satellite: Self.vasicek)
        let lean = Reprojection(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: c.balanceSheet,
                                credit: c.credit, threads: 2)
        let everyRow = SampleDesign(portfolio: c.portfolio, rows: 2 * c.portfolio.count)
        XCTAssertEqual(everyRow.certain.count, c.portfolio.count)
        let design = SampleDesign(portfolio: c.portfolio, rows: 2_000)
        XCTAssertEqual(Double(design.certain.count + design.sampled.count), 2_000, accuracy: 20)
        XCTAssertEqual(Double(design.certain.count + design.every * design.sampled.count), Double(c.portfolio.count),
                       accuracy: Double(design.every))
        let smallest = design.certain.map { c.portfolio.ead[Int($0)] }.min()!
        XCTAssertTrue(design.sampled.allSatisfy { c.portfolio.ead[Int($0)] < smallest }, "the largest EADs are all in")
        for factor in [0, 1, 2.5] {
            let plan = SeverityScaling.scaled(c.credit.plan, scenario: c.scenario, configuration: c.credit.configuration,
                                              portfolio: c.portfolio, factor: factor)
            let full = lean.figures(plan).cet1
            XCTAssertEqual(try XCTUnwrap(lean.sampledCET1(plan, design: everyRow)), full, accuracy: 1e-12,
                           "k = \(factor)")
            let sampled = try XCTUnwrap(lean.sampledCET1(plan, design: design))
            XCTAssertNotEqual(sampled, full, "k = \(factor): a subsample is an estimate")
            XCTAssertEqual(sampled, full, accuracy: 0.02 * abs(full), "k = \(factor)")
        }
        // A hurdle the scenario breaches between k = 1 and 5.
        let plain = ReverseStage.run(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: c.balanceSheet,
                                     credit: c.credit, rwaModel: nil, threads: 2)
        // The test bank's capital is small for its book: raise CET1 until the scenario leaves
        // 3 points above the hurdle (the ratio is linear in CET1 while the same period is lowest).
        let floor = plain.cet1Floor
        func ratioAtOne(_ cet1: Double) -> Double {
            var b = c.balanceSheet
            b.capital.cet1 = cet1
            return Reprojection(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: b, credit: c.credit,
                                threads: 2).figures(c.credit.plan).cet1
        }
        for _ in 0..<3 {
            let cet1 = c.balanceSheet.capital.cet1, step = max(cet1, 1e6)
            let (r0, r1) = (ratioAtOne(cet1), ratioAtOne(cet1 + step))
            c.balanceSheet.capital.cet1 = cet1 + (floor + 0.03 - r0) * step / (r1 - r0)
        }
        XCTAssertEqual(ratioAtOne(c.balanceSheet.capital.cet1), floor + 0.03, accuracy: 1e-6)
        let search = Reprojection(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: c.balanceSheet,
                                  credit: c.credit, threads: 2)
        let neutral = search.figures(SeverityScaling.scaled(c.credit.plan, scenario: c.scenario,
                                                            configuration: c.credit.configuration,
                                                            portfolio: c.portfolio, factor: 0)).cet1
        let scenario = search.figures(c.credit.plan).cet1
        func run(_ rows: Int?) -> ReverseStressResult {
            ReverseStage.run(scenario: c.scenario, portfolio: c.portfolio, balanceSheet: c.balanceSheet, credit: c.credit,
                             rwaModel: nil, neutralCET1: neutral, scenarioCET1: scenario, threads: 2,
                             reprojection: search, sampleRows: rows)
        }
        let expected = run(nil)
        let k = try XCTUnwrap(expected.severityScalingFactor)
        XCTAssertGreaterThan(k, 1)
        for rows in [c.portfolio.count * 2, 5_000, 800] { XCTAssertEqual(run(rows), expected, "\(rows) rows sampled") }
    }

    /// The RBI's severity table (no satellite): standardised RWA with defaults retained.
    func testRBISeverityTable() throws {
        let s = Scenario(id: "r", framework: .rbi, name: "r", severity: .severe, frequency: .annual,
                         periods: ["2026", "2027"], source: "t", variables: [])
        let rules = CapitalRules(approach: .standardised, standardisedTable: "us", defaultedExposures: .retained)
        try Case(s, rules: rules, satellite: nil).assertLeanEqualsFull(factors: [0, 0.5, 1, 1.7, 5], coalitions: false)
    }
}
