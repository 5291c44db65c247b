import XCTest
import StressCore
@testable import Inputs

final class ScenarioFileTests: XCTestCase {
    /// The valid corpus scenario uses every key; each value must arrive unchanged.
    func testValidScenarioLoadsEveryKey() throws {
        let path = Corpus.path("valid/corpus-eba-adverse.yaml")
        let loaded = try ScenarioFile.load(path: path)
        let expected = Scenario(
            id: "corpus-eba-adverse", framework: .eba,
            name: "Corpus EBA adverse scenario (test values, not the published scenario)",
            severity: .adverse, frequency: .annual, periods: ["2025", "2026", "2027"],
            source: "StressPack test corpus, made up for the loader tests",
            variables: [
                ScenarioVariable(name: "unemployment", values: [0.071, 0.080, 0.082]),
                ScenarioVariable(name: "gdp_growth", values: [-0.021, -0.011, 0.004]),
                ScenarioVariable(name: "house_price_index", values: [-0.087, -0.050, -0.020]),
                ScenarioVariable(name: "custom_index", values: [1, 2, 3]),
            ],
            satellite: SatelliteSpec(
                pd: SatelliteModelSpec(model: "linear", parameters: [
                    "gdp_sensitivity": 2.0, "gdp_baseline": 0.02,
                    "unemployment_sensitivity": 0.0, "unemployment_baseline": 0.04]),
                lgd: SatelliteModelSpec(model: "hpi_addon", parameters: ["hpi_sensitivity": 0.5]),
                overrides: [
                    "residential_mortgage": SatelliteSpec(pd: SatelliteModelSpec(model: "linear", parameters: ["gdp_sensitivity": 1.5])),
                    "qrre": SatelliteSpec(lgd: SatelliteModelSpec(model: "constant")),
                ]),
            pdFloor: 0.0003, balanceSheetMode: .static,
            ppnr: [1_200_000_000, -150_000_000, 1e9])
        XCTAssertEqual(loaded.scenario, expected)
        XCTAssertEqual(loaded.scenario.variables.map(\.name),
                       ["custom_index", "gdp_growth", "house_price_index", "unemployment"])
        XCTAssertEqual(loaded.findings, [
            DataQualityFinding(severity: .warning, file: path, line: 18, field: "variables.custom_index",
                               message: "unknown variable 'custom_index': kept, but no StressPack model reads it"),
        ])
    }

    func testParseFromTextSkipsTheFileNameRuleAndDefaults() throws {
        let loaded = try ScenarioFile.parse(text: """
            id: anything
            framework: boe
            name: Test
            severity: baseline
            frequency: annual
            periods: [2025, 2026, 2027, 2028, 2029]
            source: test
            variables:
              house_price_index: [0, 0, 0, 0, 0]
            """, file: "inline.yaml")
        XCTAssertEqual(loaded.scenario.periods, ["2025", "2026", "2027", "2028", "2029"])
        XCTAssertEqual(loaded.scenario.balanceSheetMode, .runoff)
        XCTAssertNil(loaded.scenario.satellite)
        XCTAssertNil(loaded.scenario.pdFloor)
        XCTAssertNil(loaded.scenario.ppnr)
        XCTAssertNil(loaded.scenario.sensitivities)
        XCTAssertEqual(loaded.findings.map(\.message), [
            "no gdp_growth path: treated as a path of zeros by the linear satellite",
            "no unemployment path: treated as a path of zeros by the linear satellite",
        ])
        XCTAssertEqual(loaded.findings.map(\.line), [9, 9])
    }

    func testRBISensitivitiesLoad() throws {
        let loaded = try ScenarioFile.parse(text: """
            id: rbi-sensitivity
            framework: rbi
            name: RBI single-factor shocks
            severity: severe
            frequency: annual
            periods: ["FY2026"]
            source: test
            variables: {gdp_growth: [-0.01], unemployment: [0.09]}
            sensitivities:
              interest_rate: [0.01, 0.02, 0.025]
              npa_increase_pp: [1, 2, 3]
              deposit_runoff_pct: [5, 10, 15]
            """, file: "rbi.yaml")
        XCTAssertEqual(loaded.scenario.sensitivities, RBISensitivities(
            interestRateShocks: [0.01, 0.02, 0.025], npaIncreases: [1, 2, 3], depositRunoffs: [5, 10, 15]))
        XCTAssertEqual(loaded.findings, [])
    }

    func testCCARAcceptsUpToThirteenQuarters() throws {
        func scenario(_ quarters: Int) -> String {
            let labels = (0..<quarters).map { "\"\(2025 + $0 / 4)Q\($0 % 4 + 1)\"" }.joined(separator: ", ")
            let zeros = Array(repeating: "0", count: quarters).joined(separator: ", ")
            return """
                id: ccar
                framework: ccar
                name: x
                severity: severely_adverse
                frequency: quarterly
                periods: [\(labels)]
                source: x
                variables: {gdp_growth: [\(zeros)], unemployment: [\(zeros)]}
                """
        }
        XCTAssertEqual(try ScenarioFile.parse(text: scenario(9), file: "c.yaml").scenario.periodCount, 9)
        XCTAssertEqual(try ScenarioFile.parse(text: scenario(13), file: "c.yaml").scenario.periodCount, 13)
        XCTAssertThrowsError(try ScenarioFile.parse(text: scenario(14), file: "c.yaml")) { error in
            XCTAssertEqual(String(describing: error),
                           "c.yaml:6:10: periods: found 14 periods; CCAR/DFAST scenarios need 9 quarterly periods (up to 13 as published)")
        }
    }

    func testMissingFileIsAnInputError() {
        XCTAssertThrowsError(try ScenarioFile.load(path: "/nonexistent/x.yaml")) { error in
            XCTAssertEqual(String(describing: error), "/nonexistent/x.yaml: cannot open the file: No such file or directory")
        }
    }
}
