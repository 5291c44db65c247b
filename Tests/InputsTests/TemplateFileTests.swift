import Foundation
import StressCore
import TestSupport
import XCTest
@testable import Inputs

/// Report pack templates (`templates/*.yaml`): the shipped packs load, and
/// every mistake is reported at its line and column with what is accepted.
final class TemplateFileTests: XCTestCase {
    func path(_ id: String) -> String {
        TestSupport.repositoryRoot.appendingPathComponent("templates/\(id).yaml").path
    }

    func testShippedPacksLoad() throws {
        let quarterly = try ReportTemplateFile.load(path: path("quarterly-submission"))
        XCTAssertEqual(quarterly.id, "quarterly-submission")
        XCTAssertEqual(quarterly.sheets.first?.section, .cover)
        let sections = Set(quarterly.sheets.map(\.section))
        for s in [ReportTemplate.Section.summary, .scenarioPaths, .creditLosses, .capital, .liquidity, .reverseStress,
                  .valueAtRisk, .factorRisk, .dataQuality, .exposures] {
            XCTAssertTrue(sections.contains(s), "quarterly-submission lacks \(s)")
        }
        let capital = try XCTUnwrap(quarterly.sheets.first { $0.section == .capital })
        XCTAssertEqual(capital.split, .framework)
        XCTAssertEqual(capital.charts, [.cet1VersusHurdle])

        let board = try ReportTemplateFile.load(path: path("board"))
        XCTAssertEqual(board.sheets.map(\.section), [.cover, .summary, .capital, .reverseStress])
        XCTAssertEqual(board.sheets[2].split, .run)

        let audit = try ReportTemplateFile.load(path: path("audit"))
        XCTAssertEqual(audit.sheets.last?.section, .selfCheck)
        let auditSections = Set(audit.sheets.map(\.section))
        XCTAssertTrue(sections.isSubset(of: auditSections), "audit has everything in the submission")
        for s in [ReportTemplate.Section.inputs, .parameters, .dataQuality, .manifest] {
            XCTAssertTrue(auditSections.contains(s), "audit lacks \(s)")
        }
    }

    func testEveryFileIsNamedByItsId() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(files), ["quarterly-submission.yaml", "board.yaml", "audit.yaml"])
        for file in files {
            XCTAssertEqual(try ReportTemplateFile.load(path: folder.appendingPathComponent(file).path).id + ".yaml", file)
        }
    }

    func testDefaultsAndOptions() throws {
        let t = try ReportTemplateFile.parse(text: """
            id: custom
            title: Custom pack
            sheets:
              - section: exposures
              - section: capital
              - section: liquidity
                per: scenario
                frameworks: [boe, ccar]
                title: LCR
                charts: [lcr_path]
            """, file: "custom.yaml")
        XCTAssertNil(t.description)
        XCTAssertEqual(t.sheets[0], .init(section: .exposures, split: .run))
        XCTAssertNil(t.sheets[0].maxRows, "the default limit")
        for (rows, limit) in [("all", Int.max), ("250_000", 250_000), ("1", 1)] {
            let limited = try ReportTemplateFile.parse(text: "id: x\ntitle: X\nsheets:\n  - section: exposures\n    rows: \(rows)\n",
                                                       file: "x.yaml")
            XCTAssertEqual(limited.sheets[0].maxRows, limit)
        }
        XCTAssertEqual(t.sheets[1], .init(section: .capital, split: .framework))
        XCTAssertEqual(t.sheets[2], .init(section: .liquidity, title: "LCR", split: .scenario, frameworks: [.boe, .ccar],
                                          charts: [.lcrPath]))
        XCTAssertEqual(t.pages, [], "no pages: no PDF")
    }

    /// The board pack's pages in order; a per-framework page may be limited and repeated.
    func testPages() throws {
        let board = try ReportTemplateFile.load(path: path("board"))
        XCTAssertEqual(board.pages.first?.kind, .cover)
        XCTAssertEqual(board.pages.last?.kind, .manifest)
        XCTAssertEqual(Set(board.pages.map(\.kind)), Set(ReportTemplate.PageKind.allCases), "the board pack has every page")
        let t = try ReportTemplateFile.parse(text: """
            id: custom
            title: Custom pack
            sheets:
              - section: cover
            pages:
              - page: executive_summary
              - page: capital_liquidity
                frameworks: [ccar]
              - page: capital_liquidity
                frameworks: [eba, boe]
            """, file: "custom.yaml")
        XCTAssertEqual(t.pages, [.init(.executiveSummary), .init(.capitalLiquidity, frameworks: [.ccar]),
                                 .init(.capitalLiquidity, frameworks: [.eba, .boe])])
    }

    func testErrorsNameLineColumnAndWhatIsAccepted() {
        let cases: [(String, String)] = [
            ("id: x\ntitle: X\nsheets:\n  - section: balance\n",
             "t.yaml:4:14: sheets[0].section: unknown section 'balance'; expected one of cover, summary"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\n    per: framework\n",
             "t.yaml:5:10: sheets[0].per: section cover is one sheet for the run; 'per: framework' applies to scenario sections only"),
            ("id: x\ntitle: X\nsheets:\n  - section: capital\n    charts: [lcr_path]\n",
             "t.yaml:5:14: sheets[0].charts[0]: section capital does not draw lcr_path; it offers cet1_vs_hurdle"),
            ("id: x\ntitle: X\nsheets:\n  - section: exposures\n    charts: [lcr_path]\n",
             "t.yaml:5:14: sheets[0].charts[0]: section exposures does not draw lcr_path; it offers no charts"),
            ("id: x\ntitle: X\nsheets:\n  - section: capital\n    charts: [cet1_vs_hurdle, cet1_vs_hurdle]\n",
             "t.yaml:5:30: sheets[0].charts[1]: chart cet1_vs_hurdle is listed twice"),
            ("id: x\ntitle: X\nsheets:\n  - section: capital\n    title: \"A/B\"\n",
             "t.yaml:5:12: sheets[0].title: a sheet name cannot contain '/'"),
            ("id: x\ntitle: X\nsheets:\n  - section: summary\n    frameworks: [eba]\n",
             "t.yaml:5:17: sheets[0].frameworks: section summary is not about scenarios; 'frameworks' applies to scenario sections only"),
            ("id: x\ntitle: X\nsheets:\n  - section: capital\n    frameworks: [pra]\n",
             "t.yaml:5:18: sheets[0].frameworks[0]: unknown framework 'pra'; expected one of eba, boe, ccar, rbi"),
            ("id: x\ntitle: X\nsheets: []\n", "t.yaml:3:9: sheets: expected at least one sheet"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\n    colour: red\n",
             "t.yaml:5:5: sheets[0].colour: unknown key; accepted keys: section, per, frameworks, title, charts, rows"),
            ("id: x\ntitle: X\nsheets:\n  - section: capital\n    rows: 10\n",
             "t.yaml:5:11: sheets[0].rows: 'rows' limits the exposure list; section capital has no rows to limit"),
            ("id: x\ntitle: X\nsheets:\n  - section: exposures\n    rows: 0\n",
             "t.yaml:5:11: sheets[0].rows: expected a row count (a whole number from 1) or 'all', found 0"),
            ("id: x\ntitle: X\nsheets:\n  - section: exposures\n    rows: 2.5\n",
             "t.yaml:5:11: sheets[0].rows: expected a row count (a whole number from 1) or 'all', found 2.5"),
            ("id: x\ntitle: X\nsheets:\n  - section: exposures\n    rows: some\n",
             "t.yaml:5:11: sheets[0].rows: expected a number (a row count (a whole number from 1) or 'all'), found 'some'"),
            ("id: a b\ntitle: X\nsheets:\n  - section: cover\n",
             "t.yaml:1:5: id: expected an id of letters, digits, '-' and '_', found 'a b'"),
            ("title: X\nsheets:\n  - section: cover\n", "t.yaml:1:1: id: required key is missing"),
            ("", "t.yaml: empty file: expected a report template with keys id, title, sheets"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\npages:\n  - page: gauges\n",
             "t.yaml:6:11: pages[0].page: unknown page 'gauges'; expected one of cover, executive_summary"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\npages:\n  - page: cover\n  - page: cover\n",
             "t.yaml:7:5: pages[1]: page cover is listed twice"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\npages:\n  - page: manifest\n    frameworks: [eba]\n",
             "t.yaml:7:17: pages[0].frameworks: page manifest is one page for the run; 'frameworks' applies to capital_liquidity and credit_losses only"),
            ("id: x\ntitle: X\nsheets:\n  - section: cover\npages:\n  - page: cover\n    size: A3\n",
             "t.yaml:7:5: pages[0].size: unknown key; accepted keys: page, frameworks"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ReportTemplateFile.parse(text: text, file: "t.yaml"), message) { error in
                let description = String(describing: error)
                XCTAssertTrue(description.hasPrefix(message), "\(description)\n  expected: \(message)")
            }
        }
    }
}
