import Foundation
import Inputs
import RegulatoryTemplates
import StressCore
import XCTest

/// The template language and filler on small hand-built results: each rule of
/// docs/INTERFACES.md "Regulatory templates" shown on a case whose answer is worked by hand.
final class TemplateLanguageTests: XCTestCase {
    /// A results tree: two scenarios, fact rows of two classes and three grades.
    static let tree: ResultValue = try! ResultValue.decode(Data("""
        {"scenarios": [
           {"id": "s1", "framework": "eba", "severity": "adverse", "periods": ["2025", "2026"],
            "capital": {"periods": ["2025", "2026"], "cet1": [90, 80], "rwa": [1000, 1000], "start": 100,
                        "by_class": {"a": {"loss": [1, 2]}, "b": {"loss": [10, 20]}}}},
           {"id": "s2", "framework": "boe", "severity": "adverse", "periods": ["2025"],
            "capital": {"periods": ["2025"], "cet1": [70], "rwa": [900], "start": 100, "by_class": {"a": {"loss": [5]}}}}],
         "facts": [
           {"class": "A", "grade": "BB", "defaulted": false, "ead": 100, "ead_pd": 2, "rwa": 80},
           {"class": "A", "grade": "AA", "defaulted": false, "ead": 300, "ead_pd": 0.3, "rwa": 60},
           {"class": "B", "grade": "BB", "defaulted": false, "ead": 50, "ead_pd": 1, "rwa": 40},
           {"class": "B", "grade": "D", "defaulted": true, "ead": 10, "ead_pd": 10, "rwa": 0}]}
        """.utf8))

    func value(_ text: String, bindings: [String: [String]] = [:]) throws -> Double {
        let t = TemplateDefinition(id: "t", code: "T", title: "t", regulator: "r", source: "s", version: "v", sheet: "T",
                                   rows: [.init(code: "R", label: "r", params: bindings, value: text)],
                                   columns: [.init(code: "C", label: "c")])
        let cell = TemplateFiller.fill(t, results: Self.tree).blocks[0].cells[0][0]
        guard let x = cell.number else { throw ExpressionError(message: "\(cell.content)") }
        return x
    }

    func testArithmeticAndFunctions() throws {
        XCTAssertEqual(try value("1 + 2 * 3"), 7)
        XCTAssertEqual(try value("(1 + 2) * 3 - -1"), 10)
        XCTAssertEqual(try value("sum(/scenarios[id=s1]/capital/cet1)"), 170)
        XCTAssertEqual(try value("at(/scenarios[0]/capital/cet1, 1)"), 80)
        XCTAssertEqual(try value("last(/scenarios[id=s1]/capital/cet1) / first(/scenarios[id=s1]/capital/rwa)"), 0.08)
        XCTAssertEqual(try value("mean(take(/scenarios[id=s1]/capital/cet1, 1))"), 90)
        XCTAssertEqual(try value("sum(rest(/scenarios[id=s1]/capital/cet1))"), 80)
        XCTAssertEqual(try value("min(/scenarios[id=s1]/capital/cet1 / /scenarios[id=s1]/capital/rwa)"), 0.08)
        XCTAssertEqual(try value("ratio(1, 0)"), 0, "ratio is 0 over 0")
        XCTAssertEqual(try value("abs(-2.5)"), 2.5)
    }

    func testListPlaceholdersSumAndAbsentMembersCountNothing() throws {
        XCTAssertEqual(try value("sum(/scenarios[id=s1]/capital/by_class/{c}/loss)", bindings: ["c": ["a", "b"]]), 33)
        // A class the scenario does not hold (b in s2) counts nothing…
        XCTAssertEqual(try value("sum(/scenarios[id=s2]/capital/by_class/{c}/loss)", bindings: ["c": ["a", "b"]]), 5)
        XCTAssertEqual(try value("sum(/scenarios[id=s2]/capital/by_class/{c}/loss)", bindings: ["c": ["b"]]), 0)
        // …but a misspelt path above the placeholder is an error, not a zero.
        XCTAssertThrowsError(try value("sum(/scenarios[id=s2]/capital/by_clas/{c}/loss)", bindings: ["c": ["a"]]))
        XCTAssertThrowsError(try value("/scenarios[id=s3]/capital/start"))
        XCTAssertThrowsError(try value("/scenarios[id=s1]/capital/cet1"), "a series is not one number")
    }

    func testParseErrorsNameTheProblem() {
        for (text, expected) in [("sum(1", "expected ')'"), ("foo(1)", "unknown function 'foo'"), ("\"/a b", "unterminated quote"),
                                 ("1 +", "ends too early"), ("at(1)", "at takes 2 argument(s), given 1"), ("1 $ 2", "unexpected character")] {
            XCTAssertThrowsError(try ExpressionParser.parse(text), text) { e in
                XCTAssertTrue("\(e)".contains(expected), "\(text): \(e)")
            }
        }
        XCTAssertThrowsError(try ExpressionParser.parseCheck("row(1) row(2)")) { e in
            XCTAssertTrue("\(e)".contains("=, <= or >="), "\(e)")
        }
    }

    static let yaml = """
        id: grades
        code: "G"
        title: "Grades"
        regulator: "test"
        source: "test"
        version: "1"
        sheet: "G"
        facts: /facts
        blocks: {each: class, total: "All"}
        rows:
          - {code: "{value}", label: "Grade {value}", each: grade, order: first_column, group: grades, filter: {defaulted: "false"}}
          - {code: "DEF", label: "Default", filter: {defaulted: "true"}}
          - {code: "TOTAL", label: "Total"}
          - {code: "NP", label: "Not produced", not_produced: "not modelled"}
        columns:
          - {code: "PD", label: "PD", kind: percent, value: "ratio(fact(ead_pd), fact(ead))"}
          - {code: "EAD", label: "EAD", value: "fact(ead)"}
          - {code: "RWA", label: "RWA", value: "fact(rwa)"}
          - {code: "RW", label: "RW", kind: percent, value: "ratio(col(RWA), col(EAD))"}
        checks:
          - {id: adds-up, description: "grades and default add up", check: "sum_group(grades) + row(DEF) = row(TOTAL)", columns: [all]}
          - {id: wrong, description: "a rule that fails", check: "cell(TOTAL, EAD) <= 100", blocks: total}
        """

    func testFillerBlocksGroupsFormulasAndChecks() throws {
        let t = try RegulatoryTemplateFile.parse(text: Self.yaml, file: "grades.yaml")
        let f = TemplateFiller.fill(t, results: Self.tree)
        XCTAssertEqual(f.blocks.map(\.label), ["All", "A", "B"])
        let all = f.blocks[0]
        // Performing grades by PD ascending (AA: 0.1%, BB: 2%), then default, total, not produced.
        XCTAssertEqual(all.rows.map(\.code), ["AA", "BB", "DEF", "TOTAL", "NP"])
        func cell(_ b: FilledTemplate.Block, _ r: String, _ c: String) -> FilledTemplate.Cell {
            b.cells[b.rows.firstIndex { $0.code == r }!][b.columns.firstIndex { $0.code == c }!]
        }
        XCTAssertEqual(cell(all, "BB", "EAD").number, 150)
        XCTAssertEqual(cell(all, "BB", "PD").number, 0.02)
        XCTAssertEqual(cell(all, "TOTAL", "EAD").number, 460)
        XCTAssertEqual(cell(f.blocks[2], "TOTAL", "RWA").number, 40, "block B: its own fact rows")
        guard case .formula = cell(all, "TOTAL", "RW").content else { return XCTFail("RW is a formula over the row's cells") }
        XCTAssertEqual(cell(all, "TOTAL", "RW").number!, 180.0 / 460, accuracy: 1e-15)
        guard case .notProduced("not modelled") = cell(all, "NP", "EAD").content else { return XCTFail("not produced") }
        // `all` runs in the amount columns only (not PD, RW): 2 columns × 3 blocks.
        XCTAssertEqual(f.checks.filter { $0.id == "adds-up" }.count, 6)
        XCTAssertTrue(f.checks.filter { $0.id == "adds-up" }.allSatisfy(\.passed))
        let wrong = try XCTUnwrap(f.checks.first { $0.id == "wrong" })
        XCTAssertFalse(wrong.passed)
        XCTAssertEqual(wrong.block, "All")
        XCTAssertEqual(wrong.lhs, 460)
        XCTAssertEqual(f.failedChecks.count, 1, "the total-only rule runs once")
    }

    func testPerPeriodColumnsAndScenarioBlocks() throws {
        let t = try RegulatoryTemplateFile.parse(text: """
            id: cap
            code: "C"
            title: "Capital"
            regulator: "test"
            source: "test"
            version: "1"
            sheet: "C"
            blocks: {each: scenario, frameworks: [eba]}
            rows:
              - {code: "CET1", label: "CET1", value: "at(/scenarios[id={scenario}]/capital/cet1, {index})"}
              - {code: "RATIO", label: "Ratio", kind: percent, value: "row(CET1) / at(/scenarios[id={scenario}]/capital/rwa, {index})"}
            columns:
              - {code: "{period}", label: "{period}", each: period}
            checks:
              - {id: ratio, description: "ratio", check: "row(RATIO) * 1000 = at(/scenarios[id={scenario}]/capital/cet1, {index})", columns: ["{period}"]}
            """, file: "cap.yaml")
        let f = TemplateFiller.fill(t, results: Self.tree)
        XCTAssertEqual(f.blocks.map(\.label), ["s1"], "only the EBA scenario")
        XCTAssertEqual(f.blocks[0].columns.map(\.code), ["2025", "2026"])
        XCTAssertEqual(f.blocks[0].cells[1][1].number, 0.08)
        XCTAssertEqual(f.checks.count, 2)
        XCTAssertTrue(f.checks.allSatisfy(\.passed), "\(f.checks)")
        XCTAssertEqual(f.blocks[0].rows[1].kind(in: f.blocks[0].columns[0]), .percent, "a row's kind overrides its columns'")
    }

    /// Scenario blocks chosen by id pattern and split by the members of an object (per country).
    func testScenarioIdsAndSplitBlocks() throws {
        let tree = try ResultValue.decode(Data("""
            {"scenarios": [
               {"id": "eba-2025-adverse", "framework": "eba", "severity": "adverse", "periods": ["2025"],
                "provisions": {"loss": [30], "by_country": {"DE": {"loss": [10]}, "FR": {"loss": [20]}}}},
               {"id": "library-stress", "framework": "eba", "severity": "adverse", "periods": ["2025"],
                "provisions": {"loss": [99], "by_country": {}}}]}
            """.utf8))
        let t = try RegulatoryTemplateFile.parse(text: """
            id: geo
            code: "G"
            title: "Geo"
            regulator: "test"
            source: "test"
            version: "1"
            sheet: "G"
            blocks: {each: scenario, frameworks: [eba], scenarios: ["eba-*"]}
            split: {path: "/scenarios[id={scenario}]/provisions/by_country", total: "/scenarios[id={scenario}]/provisions"}
            rows:
              - {code: "L", label: "Loss", value: "at({scope}/loss, {index})"}
            columns:
              - {code: "{period}", label: "{period}", each: period}
            """, file: "geo.yaml")
        let f = TemplateFiller.fill(t, results: tree)
        XCTAssertEqual(f.blocks.map(\.label), ["eba-2025-adverse", "eba-2025-adverse · DE", "eba-2025-adverse · FR"],
                       "the exercise's scenario only, the whole book then each country")
        XCTAssertEqual(f.blocks.map { $0.cells[0][0].number }, [30, 10, 20])
        XCTAssertEqual(f.blocks[1].bindings["geography"], ["DE"])
        XCTAssertThrowsError(try RegulatoryTemplateFile.parse(text: """
            id: geo
            code: "G"
            title: "Geo"
            regulator: "test"
            source: "test"
            version: "1"
            sheet: "G"
            split: {path: "/x", total: "/y"}
            rows: [{code: "L", label: "Loss", value: "1"}]
            columns: [{code: "C", label: "c"}]
            """, file: "geo.yaml")) { e in XCTAssertTrue("\(e)".contains("'split' applies to blocks over scenarios"), "\(e)") }
    }

    func testLoaderErrorsNameTheLineAndKey() {
        for (replace, with, expected) in [
            ("sheet: \"G\"", "sheet: \"G/1\"", "a sheet name cannot contain '/'"),
            ("value: \"fact(ead)\"", "value: \"fakt(ead)\"", "unknown function 'fakt'"),
            ("check: \"cell(TOTAL, EAD) <= 100\"", "check: \"cell(TOTAL, EAD) 100\"", "=, <= or >="),
            ("kind: percent, value: \"ratio(col(RWA)", "kind: percentage, value: \"ratio(col(RWA)", "percentage"),
            ("order: first_column", "order: last", "expected 'first_column'"),
            ("{code: \"DEF\"", "{code: \"TOTAL\"", "row code 'TOTAL' is used twice"),
            ("facts: /facts", "facts: facts", "starting with '/'"),
            ("regulator: \"test\"", "regulater: \"test\"", "regulater"),
        ] {
            let text = Self.yaml.replacingOccurrences(of: replace, with: with)
            XCTAssertNotEqual(text, Self.yaml, replace)
            XCTAssertThrowsError(try RegulatoryTemplateFile.parse(text: text, file: "grades.yaml"), with) { e in
                let message = "\(e)"
                XCTAssertTrue(message.contains(expected), "\(with): \(message)")
                XCTAssertTrue(message.hasPrefix("grades.yaml"), "names the file: \(message)")
            }
        }
    }

    /// Every bundled template loads, and its checks are the rules its file states.
    func testBundledTemplatesLoad() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/regulatory").path
        let all = try RegulatoryTemplateFile.loadAll(directory: directory)
        XCTAssertEqual(all.count, 14)
        XCTAssertEqual(Set(all.map(\.sheet)).count, 14, "one sheet each")
        XCTAssertTrue(all.allSatisfy { !$0.checks.isEmpty }, "every template has validation rules")
    }
}
