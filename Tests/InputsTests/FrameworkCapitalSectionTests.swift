import Inputs
import StressCore
import TestSupport
import XCTest

/// The `capital:` block of the framework files, the new keys of the risk-weight tables and
/// the published-outcomes file: the bundled files load with the rules the README states,
/// and each bad value is an error naming its key.
final class FrameworkCapitalSectionTests: XCTestCase {
    static func path(_ relative: String) -> String { TestSupport.repositoryRoot.appendingPathComponent(relative).path }

    func testBundledFrameworksStateTheirRWARules() throws {
        let eba = try XCTUnwrap(try FrameworkFile.load(path: Self.path("frameworks/eba.yaml")).capital)
        XCTAssertEqual(eba.approach, .irb)
        XCTAssertEqual(eba.ratingPhilosophy, 0.3)
        XCTAssertTrue(eba.floorAtStart)
        XCTAssertEqual(eba.outputFloorFactor(year: 2024), nil)
        XCTAssertEqual(eba.outputFloorFactor(year: 2025), 0.5)
        XCTAssertEqual(eba.outputFloorFactor(year: 2027), 0.6)
        XCTAssertEqual(eba.outputFloorFactor(year: 2035), 0.725)
        let boe = try XCTUnwrap(try FrameworkFile.load(path: Self.path("frameworks/boe.yaml")).capital)
        XCTAssertEqual(boe.ratingPhilosophyByAssetClass[.residentialMortgage], 0.1)
        XCTAssertNil(boe.outputFloorFactor(year: 2026), "Basel 3.1 starts in the UK on 1 January 2027")
        XCTAssertEqual(boe.outputFloorFactor(year: 2027), 0.6)
        let ccar = try XCTUnwrap(try FrameworkFile.load(path: Self.path("frameworks/ccar.yaml")).capital)
        XCTAssertEqual(ccar.approach, .standardised)
        XCTAssertEqual(ccar.standardisedTable, "us-standardised-risk-weights")
        XCTAssertEqual(ccar.defaultedExposures, .chargedOff)
        let rbi = try XCTUnwrap(try FrameworkFile.load(path: Self.path("frameworks/rbi.yaml")).capital)
        XCTAssertEqual(rbi.approach, .standardised)
        XCTAssertEqual(rbi.defaultedExposures, .retained)
        for rules in [eba, boe, ccar, rbi] {
            for key in ["approach", "floor_at_start"] { XCTAssertNotNil(rules.sources[key], "every rule cites its source") }
            if let table = rules.standardisedTable {
                XCTAssertNoThrow(try StandardisedTableFile.load(path: Self.path("tables/\(table).yaml")))
            }
        }
    }

    func testAFrameworkFileWithoutACapitalBlockKeepsThePointInTimeRules() throws {
        let s = try FrameworkFile.parse(text: "framework: eba\nname: old\n", file: "f.yaml")
        XCTAssertNil(s.capital)
    }

    /// `satellite fit` rewrites the file from its settings: the capital block survives as written.
    func testRewritingAFrameworkFileKeepsItsCapitalBlock() throws {
        let text = try String(contentsOfFile: Self.path("frameworks/boe.yaml"), encoding: .utf8)
        let settings = try FrameworkFile.parse(text: text, file: "boe.yaml")
        let rewritten = FrameworkYAML.render(settings)
        XCTAssertEqual(try FrameworkFile.parse(text: rewritten, file: "boe.yaml").capital, settings.capital)
        XCTAssertTrue(rewritten.contains(settings.capitalBlock!))
    }

    func testBadCapitalBlocksNameTheirKey() {
        let cases: [(String, String)] = [
            ("capital: {approach: advanced}", "f.yaml:3:21: capital.approach: unknown RWA approach 'advanced'; expected one of irb, standardised"),
            ("capital: {rating_philosophy: 1.5}", "f.yaml:3:30: capital.rating_philosophy: expected a fraction in [0, 1], found 1.5"),
            ("capital: {approach: standardised}", "f.yaml:3:10: capital.standardised_table: required key is missing: the standardised approach needs a risk-weight table (tables/<name>.yaml)"),
            ("capital: {output_floor: {2025: 0.5}}", "f.yaml:3:10: capital.standardised_table: required key is missing: an output floor needs a standardised risk-weight table (tables/<name>.yaml)"),
            ("capital: {output_floor: {soon: 0.5}, standardised_table: t}", "f.yaml:3:26: capital.output_floor.soon: expected a calendar year such as 2025 as the key of an output-floor factor, found 'soon'"),
            ("capital: {floor_at_start: yes}", "f.yaml:3:27: capital.floor_at_start: expected true or false, found 'yes'"),
            ("capital: {standardised_table: ../etc/passwd}", "f.yaml:3:31: capital.standardised_table: expected the name of a table under tables/ (letters, digits, '-' and '_'), found '../etc/passwd'"),
            ("capital: {rating_philosophy_by_asset_class: {mortgages: 0.1}}", "f.yaml:3:46: capital.rating_philosophy_by_asset_class.mortgages: unknown asset class 'mortgages'; expected one of corporate, sovereign, bank, sme, residential_mortgage, qrre, other_retail, cre"),
            ("capital: {sources: {alpha: x}}", "f.yaml:3:21: capital.sources.alpha: a source for an unknown rule; rules: approach, defaulted_exposures, floor_at_start, output_floor, rating_philosophy, rating_philosophy_by_asset_class, standardised_table"),
        ]
        for (block, expected) in cases {
            XCTAssertThrowsError(try FrameworkFile.parse(text: "framework: eba\nname: x\n\(block)\n", file: "f.yaml"), block) {
                XCTAssertEqual(String(describing: $0), expected, block)
            }
        }
    }

    func testRiskWeightTableKeys() throws {
        let us = try StandardisedTableFile.load(path: Self.path("tables/us-standardised-risk-weights.yaml"))
        XCTAssertFalse(us.defaultedNetOfProvisions)
        XCTAssertEqual(us.countryRiskClassification["US"], 0)
        XCTAssertEqual(us.classes[.bank]?.byCountryRiskClassification?.count, 8)
        XCTAssertEqual(us.classes[.qrre]?.undrawnCCF, 0)
        let rbi = try StandardisedTableFile.load(path: Self.path("tables/rbi-standardised-risk-weights.yaml"))
        XCTAssertEqual(rbi.classes[.corporate]?.byRating?["AA"], 0.3)
        XCTAssertEqual(rbi.classes[.corporate]?.defaultedCoverageWeights, [1.5, 1.0, 0.5])
        let base = String(try String(contentsOfFile: Self.path("tables/us-standardised-risk-weights.yaml"), encoding: .utf8))
        let broken = base.replacingOccurrences(of: "by_crc: [0.20, 0.20, 0.50, 1.00, 1.50, 1.50, 1.50, 1.50]",
                                               with: "by_crc: [0.20, 0.50]")
        XCTAssertThrowsError(try StandardisedTableFile.parse(text: broken, file: "us.yaml")) {
            XCTAssertTrue(String(describing: $0).contains("classes.bank.by_crc: expected eight weights"), "\($0)")
        }
        let noCRC = base.components(separatedBy: "\n").filter { !$0.hasPrefix("  ") || $0.hasPrefix("  sovereign")
            || $0.hasPrefix("    ") || $0.hasPrefix("  bank") || $0.hasPrefix("  corporate") || $0.hasPrefix("  sme")
            || $0.hasPrefix("  residential") || $0.hasPrefix("  cre") || $0.hasPrefix("  qrre") || $0.hasPrefix("  other") }
            .filter { !$0.hasPrefix("country_risk_classification") }.joined(separator: "\n")
        XCTAssertThrowsError(try StandardisedTableFile.parse(text: noCRC, file: "us.yaml")) {
            XCTAssertTrue(String(describing: $0).contains("country_risk_classification: required key is missing"), "\($0)")
        }
        let badCoverage = base.replacingOccurrences(of: "defaulted_exposure_value: gross", with: "defaulted_exposure_value: net")
        XCTAssertThrowsError(try StandardisedTableFile.parse(text: badCoverage, file: "us.yaml")) {
            XCTAssertTrue(String(describing: $0).contains("defaulted_exposure_value: expected net_of_provisions or gross"), "\($0)")
        }
    }

    func testPublishedOutcomesFile() throws {
        let outcomes = try PublishedOutcomesFile.load(path: Self.path("data/regulators/published-outcomes.yaml"))
        XCTAssertEqual(Set(outcomes.map(\.framework)), Set(Framework.allCases), "every framework has its exercise")
        for o in outcomes {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.path("scenarios/\(o.scenario).yaml")), o.scenario)
            XCTAssertFalse(o.source.isEmpty)
        }
        let fed2025 = try XCTUnwrap(outcomes.first { $0.exercise.contains("2025 stress test") })
        XCTAssertEqual(fed2025.depletionBP, 180)
        XCTAssertEqual(fed2025.rwaChange!, 10_288.0 / 10_364.9 - 1, accuracy: 1e-4)
        let inconsistent = """
            outcomes:
              - {scenario: s, framework: eba, exercise: e, measure: cet1_ratio, start: 0.15, minimum: 0.12,
                 depletion_bp: 100, source: x, confidence: primary}
            """
        XCTAssertThrowsError(try PublishedOutcomesFile.parse(text: inconsistent, file: "o.yaml")) {
            XCTAssertTrue(String(describing: $0).contains("depletion_bp 100.0 does not match start − minimum (300.0 bp)"), "\($0)")
        }
    }
}
