import CapitalEngine
import CreditEngine
import StressCore
@testable import StressRun
import XCTest

/// Each framework's RWA rules through a scenario run: CCAR's standardised RWA is the same
/// for scenarios that differ only in their PD paths, the IRB rating philosophy's ends, the
/// calibration rows and the period calendar of the output floor.
final class FrameworkCapitalTests: XCTestCase {
    static func portfolio(_ n: Int = 600) -> Portfolio {
        var p = Portfolio()
        p.ids = (0..<n).map { "E\($0)" }
        p.pd = (0..<n).map { 0.002 + 0.05 * Double($0 % 17) / 17 }
        p.lgd = (0..<n).map { 0.2 + 0.6 * Double($0 % 5) / 5 }
        p.ead = (0..<n).map { 1_000 + 100 * Double($0 % 11) }
        p.assetClass = (0..<n).map { [.residentialMortgage, .corporate, .qrre, .sme][$0 % 4] }
        p.collateralValue = (0..<n).map { $0 % 4 == 0 ? 1_600 : .nan }
        for column in [\Portfolio.segment, \Portfolio.sector, \Portfolio.rating, \Portfolio.currency] {
            p[keyPath: column] = CategoricalColumn(Array(repeating: "x", count: n))
        }
        p.country = CategoricalColumn(Array(repeating: "US", count: n))
        return p
    }

    static let balanceSheet = BalanceSheet(asOf: "2025-12-31", currency: "USD",
                                           capital: .init(cet1: 80_000, rwa: 600_000, otherRWA: 90_000,
                                                          leverageExposure: 1_200_000),
                                           income: .init(ppnr: [20_000, 20_000, 20_000], taxRate: 0.21))

    static func ccar(_ id: String, unemployment: [Double]) -> Scenario {
        Scenario(id: id, framework: .ccar, name: id, severity: .severelyAdverse, frequency: .quarterly,
                 periods: (0..<9).map { "\(2026 + $0 / 4)Q\(($0 % 4) + 1)" }, source: "t",
                 variables: [.init(name: "gdp_growth", values: Array(repeating: -0.02, count: 9)),
                             .init(name: "unemployment", values: unemployment)])
    }

    static let usWeights = StandardisedRiskWeights(name: "us", classes: [
        .residentialMortgage: .init(base: 0.5, defaulted: 1.0), .corporate: .init(base: 1, defaulted: 1.5),
        .qrre: .init(base: 1, defaulted: 1.5), .sme: .init(base: 1, defaulted: 1.5),
        .sovereign: .init(base: 0, defaulted: 1.5), .bank: .init(base: 0.2, defaulted: 1.5),
        .otherRetail: .init(base: 1, defaulted: 1.5), .cre: .init(base: 1, defaulted: 1.5),
    ], defaultedNetOfProvisions: false)

    static func run(_ s: Scenario, rules: CapitalRules) throws -> ScenarioResult {
        let p = portfolio()
        let irb = try PortfolioRWA(portfolio: p, options: RWAOptions())
        let sa = try StandardisedExposureWeights(portfolio: p, table: usWeights)
        let settings = FrameworkSettings(framework: s.framework, name: "t", pdFloor: 0.0003, satellite: SatelliteSpec(
            pd: .init(model: "vasicek", parameters: ["beta_unemployment": -0.6, "mean_unemployment": 0.06,
                                                     "sd_unemployment": 0.014]),
            lgd: .init(model: "collateral", parameters: ["haircut": 0.3, "hpi_sensitivity": 0.6])), capital: rules)
        return try ScenarioRunner.run(.init(
            scenario: s, scenarioFile: "\(s.id).yaml", portfolio: p, balanceSheet: balanceSheet,
            balanceSheetFile: "b.yaml", settings: settings, frameworkFile: nil, rwaModel: irb,
            rwaColumns: FrameworkRWAColumns.make(rules: rules, irb: irb, standardised: sa), capitalRules: rules,
            threads: 2)).0
    }

    static let usRules = CapitalRules(approach: .standardised, floorAtStart: false, standardisedTable: "us",
                                      defaultedExposures: .chargedOff)

    /// The Fed projects RWA under the standardised approach with a constant balance sheet:
    /// a milder and a harsher unemployment path give other losses but the same RWA.
    func testCCARRWAIsTheSameForScenariosThatDifferOnlyInPDPaths() throws {
        let mild = try Self.run(Self.ccar("mild", unemployment: Array(repeating: 0.06, count: 9)), rules: Self.usRules)
        let harsh = try Self.run(Self.ccar("harsh", unemployment: [0.07, 0.08, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08, 0.08]),
                                 rules: Self.usRules)
        XCTAssertGreaterThan(harsh.credit!.cumulativeEL, 1.5 * mild.credit!.cumulativeEL)
        XCTAssertEqual(mild.capital!.rwa, harsh.capital!.rwa)
        XCTAssertEqual(harsh.capital!.rwa, Array(repeating: 600_000, count: 9))
        XCTAssertEqual(harsh.capital!.rwaProjection?.approach, .standardised)
        XCTAssertEqual(harsh.capital!.waterfall.rwaGrowthBP, 0, accuracy: 1e-5, "the waterfall's residual grid only")
    }

    /// IRB at α = 0 keeps RWA at jump-off in a downturn; α = 1 is the point-in-time path of
    /// StressPack 0.2 (the `pointInTime` rules of a framework file without a capital block).
    func testRatingPhilosophyEndsThroughTheRun() throws {
        let s = Self.ccar("harsh", unemployment: [0.07, 0.08, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08, 0.08])
        let held = try Self.run(s, rules: CapitalRules(approach: .irb, ratingPhilosophy: 0))
        XCTAssertEqual(held.capital!.rwa, Array(repeating: 600_000, count: 9))
        let pit = try Self.run(s, rules: .pointInTime)
        let legacy = try Self.run(s, rules: CapitalRules(approach: .irb, ratingPhilosophy: 1))
        XCTAssertEqual(pit.capital!.rwa, legacy.capital!.rwa)
        XCTAssertGreaterThan(pit.capital!.rwa.max()!, 600_000)
        let hybrid = try Self.run(s, rules: CapitalRules(approach: .irb, ratingPhilosophy: 0.3))
        XCTAssertGreaterThan(hybrid.capital!.rwa.max()!, 600_000)
        XCTAssertLessThan(hybrid.capital!.rwa.max()!, pit.capital!.rwa.max()!)
    }

    func testCalibrationRowAgainstAPublishedOutcome() throws {
        let s = try Self.run(Self.ccar("harsh", unemployment: [0.07, 0.08, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08, 0.08]),
                             rules: CapitalRules(approach: .irb, ratingPhilosophy: 1))
        let c = s.capital!
        let published = PublishedOutcome(scenario: "harsh", framework: .ccar, exercise: "test", measure: .cet1Ratio,
                                         depletionBP: c.depletionBP * 3, source: "t", confidence: .primary)
        let rows = Calibration.rows(scenarios: [s], published: [published,
            PublishedOutcome(scenario: "absent", framework: .ccar, exercise: "x", measure: .cet1Ratio, depletionBP: 100,
                             source: "t", confidence: .primary)])
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(rows.count, 1, "outcomes of scenarios the run lacks are left out")
        XCTAssertEqual(row.depletionBP, c.depletionBP, accuracy: 1e-9)
        XCTAssertEqual(row.depletionRatio, 1.0 / 3, accuracy: 1e-12)
        XCTAssertFalse(row.withinFactorOfTwo)
        let w = row.decomposition
        XCTAssertEqual(row.rwaShare, -w.rwaGrowthBP / (w.startBP - w.minimumBP), accuracy: 1e-12)
        XCTAssertEqual(row.rwaShareWithinOneThird, row.rwaShare <= 1.0 / 3)
        XCTAssertEqual(row.peakRWAChange, c.rwa.max()! / c.startRWA - 1, accuracy: 1e-15)
    }

    func testPeriodCalendar() {
        let annual = PeriodCalendar.years(labels: ["2025", "2026", "2027"], frequency: .annual, asOf: "2024-12-31")
        XCTAssertEqual(annual.start, 2024)
        XCTAssertEqual(annual.periods, [2025, 2026, 2027])
        let quarterly = PeriodCalendar.years(labels: ["2026Q1", "2026Q2", "2027Q1"], frequency: .quarterly, asOf: "2025-12-31")
        XCTAssertEqual(quarterly.start, 2025)
        XCTAssertEqual(quarterly.periods, [2026, 2026, 2027])
        let fiscal = PeriodCalendar.years(labels: ["FY2026", "FY2027"], frequency: .annual, asOf: "2025-09-30")
        XCTAssertEqual(fiscal.periods, [2026, 2027])
        let unlabelled = PeriodCalendar.years(labels: ["Y1", "Y2", "Y3"], frequency: .annual, asOf: "2025-12-31")
        XCTAssertEqual(unlabelled.start, 2025)
        XCTAssertEqual(unlabelled.periods, [2026, 2027, 2028])
        XCTAssertNil(PeriodCalendar.year(in: "20251"), "a five-digit run is not a year")
    }
}
