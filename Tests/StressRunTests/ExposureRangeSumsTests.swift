import CapitalEngine
import CreditEngine
import Foundation
import ProvisionsEngine
import StressCore
@testable import StressRun
import XCTest

/// A book split into row ranges on the engines' chunk boundaries, each range projected on
/// its own slice (its own risk weights and provision book, as an exposure-range shard
/// builds them), gives chunk sums that finish to the whole book's scenario result bit for
/// bit: the credit projection, provisions, capital and income (docs/SCALE-OUT.md).
final class ExposureRangeSumsTests: XCTestCase {
    /// 40,000 exposures: three credit chunks (the last partial), five provision blocks. The
    /// first rows use two segments only, so a re-coded subset would not line up; stages 1–3,
    /// held provisions and collateral exercise the provisions engine.
    static func book(_ n: Int = 40_000) -> Portfolio {
        var p = FrameworkCapitalTests.portfolio(n)
        p.segment = CategoricalColumn((0..<n).map { $0 < 20_000 ? ["mortgages", "cards"][$0 % 2] : ["sme", "cards", "cre", "mortgages"][$0 % 4] })
        p.country = CategoricalColumn((0..<n).map { $0 < 30_000 ? "GB" : ["DE", "GB", "FR"][$0 % 3] })
        p.sector = CategoricalColumn((0..<n).map { ["retail", "real estate", "manufacturing"][$0 % 3] })
        p.stage = (0..<n).map { UInt8($0 % 23 == 0 ? 3 : $0 % 7 == 0 ? 2 : 1) }
        p.provision = (0..<n).map { $0 % 23 == 0 ? 400 : .nan }
        p.remainingTerm = (0..<n).map { 1 + Double($0 % 9) }
        return p
    }

    static let scenarios = [
        FrameworkCapitalTests.ccar("harsh", unemployment: [0.07, 0.08, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08, 0.08]),
        Scenario(id: "annual", framework: .eba, name: "annual", severity: .adverse, frequency: .annual,
                 periods: ["2026", "2027", "2028"], source: "t",
                 variables: [.init(name: "gdp_growth", values: [-0.03, -0.01, 0.01]),
                             .init(name: "unemployment", values: [0.08, 0.1, 0.09]),
                             .init(name: "house_price_index", values: [-0.1, -0.05, 0.0])]),
    ]

    static func inputs(_ s: Scenario, _ p: Portfolio, rules: CapitalRules) throws -> ScenarioRunner.Inputs {
        let irb = try PortfolioRWA(portfolio: p, options: RWAOptions())
        let sa = try StandardisedExposureWeights(portfolio: p, table: FrameworkCapitalTests.usWeights)
        let settings = FrameworkSettings(framework: s.framework, name: "t", pdFloor: 0.0003, satellite: SatelliteSpec(
            pd: .init(model: "vasicek", parameters: ["beta_unemployment": -0.6, "mean_unemployment": 0.06,
                                                     "sd_unemployment": 0.014]),
            lgd: .init(model: "collateral", parameters: ["haircut": 0.3, "hpi_sensitivity": 0.6])), capital: rules)
        let provisioning = ProvisioningRules.defaults(for: s.framework)
        let book = ProvisionBook(portfolio: p, rules: provisioning, pdFloor: 0.0003, asOf: "2025-12-31")
        return .init(scenario: s, scenarioFile: "\(s.id).yaml", portfolio: p, balanceSheet: FrameworkCapitalTests.balanceSheet,
                     balanceSheetFile: "b.yaml", settings: settings, frameworkFile: nil, rwaModel: irb,
                     rwaColumns: FrameworkRWAColumns.make(rules: rules, irb: irb, standardised: sa), capitalRules: rules,
                     provisions: ProvisionSetup(book: book, rules: provisioning, portfolio: p), threads: 2,
                     attribution: false, reverseStress: false)
    }

    static func json(_ r: ScenarioResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Bit patterns, not decimal text: -0 and the last digit count.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(r)
    }

    func testRangesOfTheBookFinishToTheWholeBooksBits() throws {
        let p = Self.book()
        let chunk = CreditProjector.exposureChunk
        XCTAssertEqual(chunk % ProvisionsProjection.blockSize, 0, "a range holds whole provision blocks")
        let ranges = [0..<chunk, chunk..<(2 * chunk), (2 * chunk)..<p.count]
        for (s, rules) in zip(Self.scenarios, [FrameworkCapitalTests.usRules, CapitalRules(approach: .irb, ratingPhilosophy: 0.5)]) {
            let whole = try Self.inputs(s, p, rules: rules)
            let (single, singleFindings) = try ScenarioRunner.run(whole)
            let parts = try ranges.map { try ScenarioRunner.chunkSums(Self.inputs(s, p.slice($0), rules: rules)) }
            XCTAssertEqual(parts.map(\.credit.count), [1, 1, 1])
            XCTAssertEqual(parts.map { $0.provisions?.count }, [2, 2, 1])
            var merged = whole
            merged.chunkSums = ScenarioChunkSums.joined(parts)
            let (finished, findings) = try ScenarioRunner.run(merged)
            XCTAssertEqual(try Self.json(finished), try Self.json(single), "\(s.id): the ranges finish to other figures")
            XCTAssertEqual(finished.credit!.cumulativeEL.bitPattern, single.credit!.cumulativeEL.bitPattern)
            XCTAssertEqual(finished.provisions!.cumulativeImpairment.bitPattern, single.provisions!.cumulativeImpairment.bitPattern)
            XCTAssertEqual(findings, singleFindings)
            XCTAssertGreaterThan(single.provisions!.ead.stage3[0], 0, "stage 3 exposures in the book")
            XCTAssertEqual(Set(single.credit!.bySegment.keys), ["mortgages", "cards", "sme", "cre"])

            // Ranges added in another order, or one left out, are not the book's figures.
            var swapped = whole
            swapped.chunkSums = ScenarioChunkSums.joined([parts[1], parts[0], parts[2]])
            XCTAssertNotEqual(try Self.json(ScenarioRunner.run(swapped).0), try Self.json(single))
            var missing = whole
            missing.chunkSums = ScenarioChunkSums.joined([parts[0], parts[2]])
            XCTAssertThrowsError(try ScenarioRunner.run(missing)) { error in
                XCTAssertTrue("\(error)".contains("2 chunks given where the book has 3"), "\(error)")
            }
        }
    }

    /// A slice keeps the book's levels in their order, so its codes are the book's.
    func testASliceKeepsTheBooksLevels() {
        let p = Self.book()
        let slice = p.slice(0..<100)
        XCTAssertEqual(slice.segment.levels, p.segment.levels)
        XCTAssertEqual(slice.country.levels, ["GB", "DE", "FR"])
        XCTAssertEqual(Array(slice.segment.codes), Array(p.segment.codes[0..<100]))
        XCTAssertEqual(slice.pd, Array(p.pd[0..<100]))
        XCTAssertEqual(slice.stage, Array(p.stage![0..<100]))
        XCTAssertEqual(slice.count, 100)
    }
}
