import XCTest
import StressCore
@testable import Inputs

/// The YAML writer, the `source_file` / `source_sha256` keys and the Fed and Bank of
/// England conversions on small inline tables (no corpus, no repository files).
final class ScenarioImportUnitTests: XCTestCase {
    // MARK: - Numbers

    func testNumbersAreRoundedToTenSignificantDigitsInPlainNotation() {
        XCTAssertEqual(4.1 / 100, 0.040999999999999995)
        XCTAssertEqual(ScenarioYAML.number(4.1 / 100), "0.041")
        XCTAssertEqual(ScenarioYAML.number(303 / 323.4 - 1), "-0.06307977737")
        XCTAssertEqual(ScenarioYAML.number(0.123456789012345), "0.123456789")
        XCTAssertEqual(ScenarioYAML.number(0), "0.0")
        XCTAssertEqual(ScenarioYAML.number(-0.0), "0.0")
        XCTAssertEqual(ScenarioYAML.number(2), "2.0")
        XCTAssertEqual(ScenarioYAML.number(-25), "-25.0")
        XCTAssertEqual(ScenarioYAML.number(1e-5), "0.00001")
        XCTAssertEqual(ScenarioYAML.number(-1.25e-7), "-0.000000125")
        XCTAssertEqual(ScenarioYAML.number(1_200_000_000), "1200000000.0")
        XCTAssertEqual(ScenarioYAML.number(1e16), "10000000000000000.0")
        XCTAssertEqual(ScenarioYAML.number(1.5e17), "150000000000000000.0")
        XCTAssertEqual(ScenarioYAML.number(123456789012345678), "123456789000000000.0")
        XCTAssertEqual(ScenarioYAML.number(0.1 + 0.2), "0.3")
        for value in [0.041, -0.06307977737, 1e-5, 1.5e17, 0.18835, -0.483, 1e-300] {
            let text = ScenarioYAML.number(value)
            XCTAssertFalse(text.contains("e"), text)
            XCTAssertEqual(NumberParsing.parseYAML(text), .value(ScenarioYAML.rounded(value)), text)
        }
    }

    // MARK: - Writer

    static let full = Scenario(
        id: "round-trip", framework: .rbi, name: "Quote \" and backslash \\ and tab\there",
        severity: .moderate, frequency: .annual, periods: ["FY2026", "2027"],
        source: "Test: a source with: colons, # hashes and 'quotes'",
        variables: [ScenarioVariable(name: "unemployment", values: [0.07, 0.085]),
                    ScenarioVariable(name: "gdp_growth", values: [-0.03, 1e-5]),
                    ScenarioVariable(name: "null", values: [1, 2])],
        satellite: SatelliteSpec(
            pd: SatelliteModelSpec(model: "linear", parameters: ["gdp_sensitivity": 2.5, "gdp_baseline": 0.015]),
            lgd: SatelliteModelSpec(model: "hpi_addon", parameters: ["hpi_sensitivity": 0.6]),
            overrides: ["qrre": SatelliteSpec(lgd: SatelliteModelSpec(model: "constant")),
                        "cre": SatelliteSpec(pd: SatelliteModelSpec(model: "vasicek", parameters: ["beta_gdp": -1.25]))]),
        pdFloor: 0.0005, balanceSheetMode: .static, ppnr: [1_200_000_000, -150_000_000],
        sensitivities: RBISensitivities(interestRateShocks: [0.01, -0.02], npaIncreases: [2], depositRunoffs: []),
        sourceFile: "data/x.csv", sourceSHA256: String(repeating: "ab", count: 32))

    func testRenderedScenarioLoadsBackUnchanged() throws {
        let text = ScenarioYAML.render(ScenarioDocument(
            scenario: Self.full, jumpOff: "2025Q4", notes: ["First line: with a colon.", "", "- not a list item"],
            units: ["gdp_growth": "percent / 100", "extra": "documented, not a variable"], comment: ["Header", ""]))
        let loaded = try ScenarioFile.parse(text: text, file: "round-trip.yaml")
        XCTAssertEqual(loaded.scenario, Self.full)
        XCTAssertEqual(ScenarioYAML.render(loaded.scenario), ScenarioYAML.render(Self.full))
    }

    func testRenderLayoutIsFixed() {
        let scenario = Scenario(
            id: "eba-test", framework: .eba, name: "Name", severity: .adverse, frequency: .annual,
            periods: ["2025", "2026", "2027"], source: "Source",
            variables: [ScenarioVariable(name: "unemployment", values: [0.06, 0.065, 0.06]),
                        ScenarioVariable(name: "gdp_growth", values: [-0.023, -0.042, 0])],
            sourceFile: "data/regulators/x.csv", sourceSHA256: String(repeating: "0f", count: 32))
        let text = ScenarioYAML.render(ScenarioDocument(
            scenario: scenario, jumpOff: "2024", notes: ["One.", "Two."],
            units: ["unemployment": "percent / 100", "gdp_growth": "percent / 100"], comment: ["Generated."]))
        XCTAssertEqual(text, """
            # Generated.
            id: eba-test
            framework: eba
            name: "Name"
            severity: adverse
            frequency: annual
            periods: ["2025", "2026", "2027"]
            source: "Source"
            source_file: "data/regulators/x.csv"
            source_sha256: "\(String(repeating: "0f", count: 32))"
            jump_off: "2024"
            notes: |
              One.
              Two.
            units:
              gdp_growth: "percent / 100"
              unemployment: "percent / 100"
            variables:
              gdp_growth: [-0.023, -0.042, 0.0]
              unemployment: [0.06, 0.065, 0.06]

            """)
    }

    func testNotesThatALiteralBlockWouldChangeAreWrittenAsAList() throws {
        let scenario = Scenario(id: "x", framework: .rbi, name: "x", severity: .mild, frequency: .annual,
                                periods: ["1"], source: "x", variables: [])
        let text = ScenarioYAML.render(ScenarioDocument(scenario: scenario, notes: ["  indented", "trailing "]))
        XCTAssertTrue(text.contains("notes:\n  - \"  indented\"\n  - \"trailing \"\n"), text)
        XCTAssertTrue(text.contains("variables: {}\n"), text)
        XCTAssertNoThrow(try ScenarioFile.parse(text: text, file: "x.yaml"))
    }

    // MARK: - source_file and source_sha256

    private func scenarioText(_ extra: String) -> String {
        """
        id: lineage
        framework: eba
        name: Lineage
        severity: adverse
        frequency: annual
        periods: ["2025", "2026", "2027"]
        source: test
        \(extra)
        variables: {gdp_growth: [0, 0, 0], unemployment: [0.05, 0.05, 0.05]}
        """
    }

    func testLineageKeysAreKeptAndTheDigestLowercased() throws {
        let digest = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"
        let loaded = try ScenarioFile.parse(text: scenarioText("source_file: data/regulators/x.csv\nsource_sha256: \(digest)"),
                                            file: "l.yaml")
        XCTAssertEqual(loaded.scenario.sourceFile, "data/regulators/x.csv")
        XCTAssertEqual(loaded.scenario.sourceSHA256, digest.lowercased())
        XCTAssertEqual(loaded.findings, [])

        let withoutDigest = try ScenarioFile.parse(text: scenarioText("source_file: notes.txt"), file: "l.yaml")
        XCTAssertEqual(withoutDigest.scenario.sourceFile, "notes.txt")
        XCTAssertNil(withoutDigest.scenario.sourceSHA256)

        let neither = try ScenarioFile.parse(text: scenarioText(""), file: "l.yaml")
        XCTAssertNil(neither.scenario.sourceFile)
        XCTAssertNil(neither.scenario.sourceSHA256)
    }

    func testBadDigestsAreErrorsAtTheirPosition() {
        XCTAssertThrowsError(try ScenarioFile.parse(
            text: scenarioText("source_file: x.csv\nsource_sha256: abc123"), file: "l.yaml")) { error in
            XCTAssertEqual(String(describing: error),
                           "l.yaml:9:16: source_sha256: expected a SHA-256 digest of 64 hexadecimal digits, found 'abc123'")
        }
        let notHex = String(repeating: "g", count: 64)
        XCTAssertThrowsError(try ScenarioFile.parse(
            text: scenarioText("source_file: x.csv\nsource_sha256: \(notHex)"), file: "l.yaml")) { error in
            XCTAssertEqual(String(describing: error),
                           "l.yaml:9:16: source_sha256: expected a SHA-256 digest of 64 hexadecimal digits, found '\(notHex)'")
        }
        let digest = String(repeating: "a", count: 64)
        XCTAssertThrowsError(try ScenarioFile.parse(text: scenarioText("source_sha256: \(digest)"), file: "l.yaml")) { error in
            XCTAssertEqual(String(describing: error),
                           "l.yaml:8:16: source_sha256: source_sha256 needs source_file: name the file the digest is of")
        }
        XCTAssertThrowsError(try ScenarioFile.parse(text: scenarioText("source_file:"), file: "l.yaml")) { error in
            XCTAssertEqual(String(describing: error), "l.yaml:8:13: source_file: expected a text value, found nothing")
        }
    }

    // MARK: - Fed conversion

    static let fedHeader = "Scenario Name,Date,Real GDP growth,Nominal GDP growth,Real disposable income growth,"
        + "Nominal disposable income growth,Unemployment rate,CPI inflation rate,3-month Treasury rate,"
        + "5-year Treasury yield,10-year Treasury yield,BBB corporate yield,Mortgage rate,Prime rate,"
        + "Dow Jones Total Stock Market Index (Level),House Price Index (Level),"
        + "Commercial Real Estate Price Index (Level),Market Volatility Index (Level)"

    func testFedConversion() throws {
        let scenario = try RegulatorTable.parse(text: """
            \(Self.fedHeader)
            Test,2026 Q1,-5.4,-3.1,-0.9,1.4,5.9,2.5,2.5,2.4,3.1,7.5,6,5.5,50,90,80,59.7
            Test,2026 Q2,-4.9,-3.3,-1.1,0.5,7.2,1.8,0.1,1.8,2.7,8.2,5.9,3.1,25,81,100,72
            """, file: "s.csv")
        let history = try RegulatorTable.parse(text: """
            \(Self.fedHeader)
            Actual,2025 Q3,4.3,8.2,0,2.8,4.3,3.1,4.1,3.8,4.3,5.3,6.6,7.5,90,95,95,20.4
            Actual,2025 Q4,1,4,1.1,3.9,4.5,2.8,3.7,3.7,4.1,5.1,6.2,7,100,100,100,26.4
            """, file: "h.csv")
        let document = try FedScenarioImport.convert(scenario: scenario, history: history, sha256: "d",
                                                     id: "t", name: "T", severity: .severelyAdverse, source: "S")
        let s = document.scenario
        XCTAssertEqual(s.periods, ["2026Q1", "2026Q2"])
        XCTAssertEqual(document.jumpOff, "2025Q4")
        XCTAssertEqual(s.sourceFile, "s.csv")
        XCTAssertEqual(s.sourceSHA256, "d")
        XCTAssertEqual(s.path("gdp_growth"), [-0.054, -0.049])
        XCTAssertEqual(s.path("unemployment"), [0.059, 0.072])
        XCTAssertEqual(s.path("treasury_3m"), [0.025, 0.001])
        XCTAssertEqual(s.path("bbb_spread"), [0.044, 0.055])
        XCTAssertEqual(s.path("equity_index"), [-0.5, -0.5])
        XCTAssertEqual(s.path("house_price_index"), [-0.1, -0.1])
        XCTAssertEqual(s.path("commercial_property_index"), [-0.2, 0.25])
        XCTAssertEqual(s.path("vix"), [0.597, 0.72])
        XCTAssertEqual(Set(document.units.keys), Set(s.variables.map(\.name)))
    }

    func testFedConversionRejectsAGapAndAJumpOffThatDoesNotPrecede() throws {
        let row = "-5.4,-3.1,-0.9,1.4,5.9,2.5,2.5,2.4,3.1,7.5,6,5.5,50,90,80,59.7"
        let history = try RegulatorTable.parse(text: "\(Self.fedHeader)\nActual,2025 Q3,\(row)\n", file: "h.csv")
        let gap = try RegulatorTable.parse(text: "\(Self.fedHeader)\nT,2025 Q4,\(row)\nT,2026 Q2,\(row)\n", file: "s.csv")
        XCTAssertThrowsError(try FedScenarioImport.convert(scenario: gap, history: history, sha256: "", id: "t", name: "T",
                                                           severity: .baseline, source: "S")) { error in
            XCTAssertEqual(String(describing: error), "s.csv:3: Date: expected 2026Q1 after 2025Q4, found 2026Q2")
        }
        let late = try RegulatorTable.parse(text: "\(Self.fedHeader)\nT,2026 Q1,\(row)\n", file: "s.csv")
        XCTAssertThrowsError(try FedScenarioImport.convert(scenario: late, history: history, sha256: "", id: "t", name: "T",
                                                           severity: .baseline, source: "S")) { error in
            XCTAssertEqual(String(describing: error),
                           "h.csv:2: Date: the jump-off 2025Q3 does not precede the scenario's first quarter 2026Q1")
        }
        let blank = try RegulatorTable.parse(text: "\(Self.fedHeader)\nT,2025 Q4,\(row.replacingOccurrences(of: "59.7", with: ""))\n",
                                             file: "s.csv")
        XCTAssertThrowsError(try FedScenarioImport.convert(scenario: blank, history: history, sha256: "", id: "t", name: "T",
                                                           severity: .baseline, source: "S")) { error in
            XCTAssertEqual(String(describing: error),
                           "s.csv:2: Market Volatility Index (Level): expected a number, found an empty cell")
        }
        let noColumn = try RegulatorTable.parse(text: "Scenario Name,Date\nT,2025 Q4\n", file: "s.csv")
        XCTAssertThrowsError(try FedScenarioImport.convert(scenario: noColumn, history: history, sha256: "", id: "t", name: "T",
                                                           severity: .baseline, source: "S")) { error in
            XCTAssertEqual(String(describing: error), "s.csv:1: Real GDP growth: column missing from the header")
        }
    }

    // MARK: - Bank of England conversion

    func testBoEQuartersBecomeCalendarYears() throws {
        let header = "quarter,phase,uk_real_gdp,uk_nominal_gdp,uk_cpi,uk_unemployment_rate,"
            + "uk_residential_property_price_index,uk_commercial_real_estate_price_index,uk_equity_prices,bank_rate,"
            + "sterling_ig_corporate_bond_spread,sterling_hy_corporate_bond_spread,volatility_index,ecb_policy_rate"
        // gdp, ngdp, cpi, u, hpi, cre, equity, bank rate, ig, hy, vix, ecb rate
        let rows = [
            "2024Q1,history,100,200,97,4,98,,95,5,100,400,15,4",
            "2024Q2,history,100,200,98,4,99,,96,5,100,400,15,4",
            "2024Q3,history,100,200,99,4,99,,98,5,100,400,15,4",
            "2024Q4,history,100,200,100,4,100,100,100,5,100,400,15,4",
            "2025Q1,stress,98,196,102,5,98,95,80,6,300,1400,30,3",
            "2025Q2,stress,96,192,104,6,96,90,60,7,400,1800,40,3",
            "2025Q3,stress,94,188,106,7,94,85,50,8,500,2200,50,3",
            "2025Q4,stress,92,184,108,8,90,80,50,9,600,2600,40,3",
            "2026Q1,stress,92,184,109,8,89,80,55,8,500,2200,30,2",
            "2026Q2,stress,94,188,110,8,88,80,60,7,400,1800,20,2",
            "2026Q3,stress,96,192,111,8,87,80,65,6,300,1400,20,2",
            "2026Q4,stress,98,196,112,8,86,84,70,5,200,1000,10,2",
        ]
        let table = try RegulatorTable.parse(text: ([header] + rows).joined(separator: "\n") + "\n", file: "boe.csv")
        let document = try BoEScenarioImport.convert(table, sha256: "d", id: "b", name: "B", severity: .adverse, source: "S")
        let s = document.scenario
        XCTAssertEqual(s.periods, ["2025", "2026"])
        XCTAssertEqual(document.jumpOff, "2024Q4")
        XCTAssertEqual(s.path("gdp_growth"), [-0.05, 0.0])  // means 95 vs 100, 95 vs 95
        XCTAssertEqual(s.path("nominal_gdp_growth"), [-0.05, 0.0])
        XCTAssertEqual(s.path("unemployment"), [0.065, 0.08])
        XCTAssertEqual(s.path("inflation"), [0.08, ScenarioYAML.rounded(112.0 / 108 - 1)])
        XCTAssertEqual(s.path("house_price_index"), [-0.1, ScenarioYAML.rounded(86.0 / 90 - 1)])
        XCTAssertEqual(s.path("commercial_property_index"), [-0.2, 0.05])
        XCTAssertEqual(s.path("equity_index"), [-0.5, 0.4])
        XCTAssertEqual(s.path("bank_rate"), [0.075, 0.065])
        XCTAssertEqual(s.path("corporate_spread"), [0.045, 0.035])
        XCTAssertEqual(s.path("corporate_spread_hy"), [0.2, 0.16])
        XCTAssertEqual(s.path("vix"), [0.4, 0.2])
        XCTAssertEqual(s.path("eur_policy_rate"), [0.03, 0.02])
        XCTAssertEqual(document.rateJumpOff["eur_policy_rate"], 0.04)
        XCTAssertTrue(document.notes.contains { $0.contains("unemployment peaks at 8.0% (2025Q4, 2026Q1, 2026Q2, 2026Q3, 2026Q4)") },
                      "\(document.notes)")

        // A stress phase that ends mid-year cannot be made annual.
        let partial = try RegulatorTable.parse(text: ([header] + rows.dropLast()).joined(separator: "\n"), file: "boe.csv")
        XCTAssertThrowsError(try BoEScenarioImport.convert(partial, sha256: "", id: "b", name: "B", severity: .adverse,
                                                           source: "S")) { error in
            XCTAssertEqual(String(describing: error), "boe.csv: expected the stress phase to cover whole calendar years "
                           + "(found 7 quarters after the jump-off 2024Q4)")
        }
    }
}
