import CapitalEngine
import StressCore
import XCTest

/// The framework's credit RWA from the credit engine's paths (METHODOLOGY §3.1): the IRB
/// path with the output floor of CRR Art. 92(3) on totals, the standardised path as it
/// is, and the start floor of the capital projection.
final class FrameworkRWATests: XCTestCase {
    static func project(_ rules: CapitalRules, irb: [Double]? = nil, sa: [Double]? = nil, other: Double = 20,
                        years: [Int] = [2026, 2027, 2028]) -> (CreditRWAPath, RWAProjectionReport)? {
        FrameworkRWA.project(.init(rules: rules, irbStart: irb?.first, irbPeriods: irb.map { Array($0.dropFirst()) },
                                   standardisedStart: sa?.first, standardisedPeriods: sa.map { Array($0.dropFirst()) },
                                   otherRWA: other, startYear: years[0] - 1, periodYears: years))
    }

    /// By hand, other RWA 20: the floor is x·(SA + 20) − 20.
    ///   2025 x = 0.50: 0.5·220 − 20 = 90 < 100, not binding
    ///   2026 x = 0.55: 0.55·230 − 20 = 106.5 > 105, binding
    ///   2027 x = 0.60: 0.6·240 − 20 = 124 > 110, binding
    ///   2028 x = 0.60 (last factor carries on): 0.6·200 − 20 = 100 < 120, not binding
    func testOutputFloorOnTotals() throws {
        let rules = CapitalRules(approach: .irb, ratingPhilosophy: 0.3, outputFloor: [2025: 0.5, 2026: 0.55, 2027: 0.6],
                                 standardisedTable: "t")
        let (path, report) = try XCTUnwrap(Self.project(rules, irb: [100, 105, 110, 120], sa: [200, 210, 220, 180]))
        XCTAssertEqual(path.jumpOff, 100)
        for (actual, expected) in zip(path.periods!, [106.5, 124, 120]) { XCTAssertEqual(actual, expected, accuracy: 1e-12) }
        XCTAssertEqual(report.outputFloorFactors, [0.5, 0.55, 0.6, 0.6])
        XCTAssertEqual(report.outputFloorBinding, [false, true, true, false])
        XCTAssertEqual(report.ratingPhilosophy, 0.3)
        XCTAssertTrue(path.floorAtStart)
    }

    func testStandardisedApproachTakesTheStandardisedPath() throws {
        let rules = CapitalRules(approach: .standardised, floorAtStart: false, standardisedTable: "us",
                                 defaultedExposures: .chargedOff)
        let (path, report) = try XCTUnwrap(Self.project(rules, irb: [100, 150, 180, 120], sa: [200, 200, 190, 180]))
        XCTAssertEqual(path.jumpOff, 200)
        XCTAssertEqual(path.periods, [200, 190, 180])
        XCTAssertFalse(path.floorAtStart)
        XCTAssertNil(report.ratingPhilosophy)
        XCTAssertNil(report.outputFloorFactors)
        XCTAssertNil(Self.project(rules, irb: [100, 150, 180, 120]), "no standardised path, no model")
    }

    /// Without the start floor a falling credit RWA lowers reported RWA; with it, it does not.
    func testStartFloorOfTheCapitalProjection() {
        let b = Fixtures.balanceSheet(ppnr: [0, 0, 0], taxRate: 0, distributions: [0, 0, 0], otherLosses: [0, 0, 0])
        func project(_ floor: Bool) -> [Double] {
            CapitalProjection.project(.init(
                framework: .rbi, frequency: .annual, periods: ["2026", "2027", "2028"], creditLosses: [0, 0, 0],
                creditRWA: CreditRWAPath(jumpOff: 80_000, periods: [80_000, 72_000, 88_000], floorAtStart: floor),
                balanceSheet: b)).rwa
        }
        for (floor, expected) in [(false, [100_000.0, 90_000, 110_000]), (true, [100_000.0, 100_000, 110_000])] {
            for (actual, e) in zip(project(floor), expected) { XCTAssertEqual(actual, e, accuracy: 1e-9, "floor \(floor)") }
        }
    }
}
