import CapitalEngine
import Foundation
import Inputs
import ProvisionsEngine
import RegulatoryTemplates
import RiskMath
import StressCore
import StressRun
import TestSupport
import XCTest

/// StressPack's filled templates (EU CR6, COREP C 08.01, C 07.00) against
/// creditriskengine 0.31.0's reporting functions on the golden portfolios
/// (Tests/Golden/templates, scripts/golden/regulatory_templates.py), and the places where
/// we follow the regulation instead of the library (Tests/Golden/README.md, "Regulatory
/// templates").
///
/// The facts are StressPack's own: the portfolio file read by `PortfolioCSV`, IRB risk
/// weights from `PortfolioRWA` with the library's PD floors (`PDFloors.creditRiskEngine`,
/// the convention under which the capital engine reproduces `irb_risk_weight`), the
/// standardised weights of tables/standardised-risk-weights.yaml, aggregated by
/// `RegulatoryFactsBuilder` and filled by `TemplateFiller` from templates/regulatory.
final class GoldenReportingTests: XCTestCase {
    static let tolerance = 1e-9

    // MARK: - Shared cells: EU CR6

    /// EU CR6, every block (the whole book and each IRB exposure class), every leaf row of
    /// the PD scale and TOTAL, columns e, f, g, h, j, k, l, against
    /// `pillar3.generate_cr6_irb_overview` (the leaf rows are its echoed input rows, TOTAL
    /// its computed totals).
    func testCR6AgreesWithTheLibrary() throws {
        let stats = Comparison()
        for (key, book) in try Self.books() {
            let cr6 = try Self.fill("eu-cr6", book.tree)
            let golden = try XCTUnwrap(book.golden.object("cr6"))
            XCTAssertEqual(Set(cr6.blocks.map(\.label)), Set(golden.keys), "\(key): CR6 blocks")
            for (label, value) in golden {
                let block = try XCTUnwrap(value as? [String: Any])
                let where_ = "\(key) CR6 [\(label)]"
                for row in try XCTUnwrap(block["leaf_rows"] as? [[String: Any]]) {
                    let code = try XCTUnwrap(row["row_code"] as? String)
                    for (column, field) in [("e", "ead"), ("f", "avg_pd"), ("g", "n_obligors"), ("h", "avg_lgd"),
                                            ("j", "rwa"), ("k", "avg_rw"), ("l", "el")] {
                        stats.check(try cr6.value(label, code, column), row.double(field)!,
                                    "\(where_) row \(code) (\(row["pd_range"]!)) column \(column)")
                    }
                }
                let totals = try XCTUnwrap(block.object("totals"))
                for (column, field) in [("e", "ead"), ("f", "weighted_avg_pd"), ("g", "n_obligors"),
                                        ("h", "weighted_avg_lgd"), ("j", "rwa"), ("k", "avg_risk_weight"),
                                        ("l", "el")] {
                    stats.check(try cr6.value(label, "TOTAL", column), totals.double(field)!,
                                "\(where_) TOTAL column \(column)")
                }
            }
            XCTAssertEqual(cr6.failedChecks, [], "\(key): CR6 checks")
            XCTAssertEqual(cr6.unavailableCells.count, 0, "\(key): CR6 unavailable cells")
        }
        // 3 books: (1 + classes) blocks × (13 leaves + TOTAL) × 7 columns.
        XCTAssertEqual(stats.count, (9 + 5 + 6) * 14 * 7)
        stats.report("EU CR6")
    }

    // MARK: - Shared cells: COREP C 08.01

    /// C 08.01 row 0010 of every exposure class block against `corep.generate_c0801_irb`'s
    /// row of that class (original exposure 0020, exposure value 0110, RWEA 0260, expected
    /// loss 0280, provisions 0290; `risk_weight_pct` to its 4 dp rounding), and the Total
    /// block against the library's totals.
    func testC0801AgreesWithTheLibrary() throws {
        let stats = Comparison()
        for (key, book) in try Self.books() {
            let c0801 = try Self.fill("corep-c08-01", book.tree)
            let expected = try XCTUnwrap(book.golden.object("c0801")?.object("expected"))
            let rows = try XCTUnwrap(expected["rows"] as? [[String: Any]])
            let names = try Self.irbClassNames(book.golden)
            XCTAssertEqual(rows.count, names.count, "\(key): one library row per IRB class")
            XCTAssertEqual(Set(c0801.blocks.map(\.label)), Set(names.values).union(["Total"]), "\(key): C 08.01 blocks")
            for row in rows {
                let library = try XCTUnwrap(row["exposure_class"] as? String)
                let ours = try XCTUnwrap(names.first { $0.key == library }?.value, "\(key): class \(library)")
                let where_ = "\(key) C 08.01 [\(ours)] row 0010"
                for (column, field) in [("0020", "original_exposure"), ("0110", "ead_post_crm"), ("0260", "rwa"),
                                        ("0280", "expected_loss"), ("0290", "provisions")] {
                    stats.check(try c0801.value(ours, "0010", column), row.double(field)!, "\(where_) column \(column)")
                }
                // The library rounds rwa / ead × 100 to 4 decimals.
                let density = try c0801.value(ours, "0010", "0260") / c0801.value(ours, "0010", "0110") * 100
                let rounded = row.double("risk_weight_pct")!
                XCTAssertLessThanOrEqual(abs(density - rounded), 0.5e-4 * (1 + 1e-9),
                                         "\(where_): RWEA / exposure value \(density)% vs the library's \(rounded)%")
                stats.counted += 1
            }
            let totals = try XCTUnwrap(expected.object("metadata"))
            for (column, field) in [("0020", "total_original_exposure"), ("0260", "total_rwa"),
                                    ("0280", "total_expected_loss")] {
                stats.check(try c0801.value("Total", "0010", column), totals.double(field)!,
                            "\(key) C 08.01 [Total] row 0010 column \(column)")
            }
            XCTAssertEqual(c0801.failedChecks, [], "\(key): C 08.01 checks")
            XCTAssertEqual(c0801.unavailableCells.count, 0, "\(key): C 08.01 unavailable cells")
        }
        XCTAssertEqual(stats.count, (8 + 4 + 5) * 5 + 3 * 3)
        XCTAssertEqual(stats.counted, 8 + 4 + 5)
        stats.report("C 08.01")
    }

    // MARK: - Shared cells: COREP C 07.00

    /// C 07.00 by exposure class and risk weight against `corep.generate_c0700_sa`, called
    /// once per distinct weight with the exposure value of every class at that weight
    /// (rows 0140-0280, columns 0200 exposure value, 0215 and 0220 RWEA, 0030 provisions,
    /// 0010 the script's original exposure), the class totals (row 0010) and the Total
    /// block; rows with no exposure at their weight are 0.
    func testC0700AgreesWithTheLibrary() throws {
        let stats = Comparison()
        for (key, book) in try Self.books() {
            let c0700 = try Self.fill("corep-c07-00", book.tree)
            let expected = try Self.c0700Cells(book.golden, pick: "c0700")
            XCTAssertEqual(Set(c0700.blocks.map(\.label)), Set(expected.keys.map(\.block)),
                           "\(key): C 07.00 blocks")
            for block in Set(expected.keys.map(\.block)) {
                for row in Self.bandRows + ["0010"] {
                    let e = expected[.init(block: block, row: row)] ?? .zero
                    let where_ = "\(key) C 07.00 [\(block)] row \(row)"
                    stats.check(try c0700.value(block, row, "0200"), e.exposureValue, "\(where_) column 0200")
                    stats.check(try c0700.value(block, row, "0215"), e.rwa, "\(where_) column 0215")
                    stats.check(try c0700.value(block, row, "0220"), e.rwa, "\(where_) column 0220")
                    stats.check(try c0700.value(block, row, "0030"), e.provisions, "\(where_) column 0030")
                    stats.check(try c0700.value(block, row, "0010"), e.original, "\(where_) column 0010")
                }
            }
            XCTAssertEqual(c0700.failedChecks, [], "\(key): C 07.00 checks")
            XCTAssertEqual(c0700.unavailableCells.count, 0, "\(key): C 07.00 unavailable cells")
        }
        // Blocks: Total + the SA classes present (mixed 6, retail 4, wholesale 5); 16 rows × 5 columns.
        XCTAssertEqual(stats.count, (7 + 5 + 6) * 16 * 5)
        stats.report("C 07.00")
    }

    // MARK: - Where we follow the regulation

    /// EU CR6's scale is hierarchical (Annex XXII): rows 0010, 0070, 0100 and 0130 add up
    /// their leaves. The library's totals add every row it is given, so on the full 17-row
    /// scale they count those exposures twice; our TOTAL adds the leaves only.
    func testCR6TotalsAddTheLeavesOnlyUnlikeTheLibrary() throws {
        for (key, book) in try Self.books() {
            let cr6 = try Self.fill("eu-cr6", book.tree)
            let full = try XCTUnwrap(book.golden.object("cr6_all_17_rows"))
            let libraryAll = try XCTUnwrap(full.object("totals")), libraryLeaves = try XCTUnwrap(full.object("leaf_totals"))
            let scale = try XCTUnwrap(full["rows"] as? [[String: Any]]).map { $0["row_code"] as! String }
            XCTAssertEqual(scale.count, 17)
            for (column, field) in [("e", "ead"), ("g", "n_obligors"), ("j", "rwa"), ("l", "el")] {
                let total = try cr6.value("Total", "TOTAL", column)
                let everyRow = try scale.reduce(0.0) { $0 + (try cr6.value("Total", $1, column)) }
                // The library's figure over 17 rows is our rows added up, parents included ...
                Golden.assertClose(everyRow, libraryAll.double(field)!, relative: Self.tolerance,
                                   "\(key): Σ of our 17 rows, column \(column), vs the library's 17-row total")
                // ... which is not the total: ours is its leaf-only figure.
                Golden.assertClose(total, libraryLeaves.double(field)!, relative: Self.tolerance,
                                   "\(key): TOTAL column \(column) vs the library's leaf-only total")
                // The excess is exactly the four sub-range rows, and it is not small.
                let parents = try ["0010", "0070", "0100", "0130"].reduce(0.0) { $0 + (try cr6.value("Total", $1, column)) }
                Golden.assertClose(libraryAll.double(field)! - total, parents, relative: 1e-9,
                                   "\(key): the 17-row total counts rows 0010, 0070, 0100, 0130 twice (column \(column))")
                XCTAssertGreaterThan(parents, 0.1 * total, "\(key): column \(column)")
            }
            // Our own check that the leaves make the total passes, and the parent rows are their leaves.
            XCTAssertTrue(cr6.checks.contains { $0.id == "leaves-are-total" && $0.passed }, "\(key)")
            Golden.assertClose(try cr6.value("Total", "0010", "e"),
                               try cr6.value("Total", "0020", "e") + cr6.value("Total", "0030", "e"),
                               relative: 1e-12, "\(key): row 0010 = 0020 + 0030")
        }
    }

    /// C 08.02 is the breakdown of each IRB class by obligor grade (Reg. 2021/451 Annex I/II,
    /// CR IRB 2). The library's `generate_c0802_airb` returns C 08.01's rows again, one per
    /// class, only relabelled "IRB (Advanced)"; ours has a row per grade and a defaulted row
    /// in each class, adding up to the class.
    func testC0802IsAGradeBreakdownNotTheLibrarysClassRows() throws {
        for (key, book) in try Self.books() {
            let c0801 = try XCTUnwrap(book.golden.object("c0801")?.object("expected"))
            let c0802 = try XCTUnwrap(book.golden.object("c0802")?.object("expected"))
            XCTAssertEqual(c0802["template_id"] as? String, "C 08.02")
            let rows01 = try XCTUnwrap(c0801["rows"] as? [[String: Any]])
            let rows02 = try XCTUnwrap(c0802["rows"] as? [[String: Any]])
            // The library: the same class rows, field for field.
            XCTAssertEqual(rows02.count, rows01.count, "\(key)")
            for (a, b) in zip(rows01, rows02) {
                XCTAssertEqual(NSDictionary(dictionary: a), NSDictionary(dictionary: b), "\(key): library C 08.02 row")
            }
            let classes = Set(rows01.map { $0["exposure_class"] as! String })

            // Ours: grade rows (the rating column's grades), then DEFAULT, then TOTAL.
            let ours = try Self.fill("corep-c08-02", book.tree)
            XCTAssertEqual(ours.failedChecks, [], "\(key): C 08.02 checks")
            let names = try Self.irbClassNames(book.golden)
            for (_, label) in names {
                let block = try XCTUnwrap(ours.blocks.first { $0.label == label })
                let grades = block.rows.map(\.code).filter { $0 != "DEFAULT" && $0 != "TOTAL" }
                XCTAssertGreaterThan(grades.count, 3, "\(key) [\(label)]: grade rows \(grades)")
                XCTAssertTrue(classes.isDisjoint(with: grades), "\(key) [\(label)]: rows are grades, not classes")
                var sum = try ours.value(label, "DEFAULT", "0110")
                for g in grades { sum += try ours.value(label, g, "0110") }
                Golden.assertClose(sum, try ours.value(label, "TOTAL", "0110"), relative: 1e-12,
                                   "\(key) [\(label)]: grades + default = class")
                // The grades are ordered by PD, best first (column 0010).
                let pds = try grades.map { try ours.value(label, $0, "0010") }
                XCTAssertEqual(pds, pds.sorted(), "\(key) [\(label)]: grades by PD")
                // The class's library C 08.02 row is its total, not any grade's figure.
                let library = try XCTUnwrap(rows02.first { names[$0["exposure_class"] as! String] == label })
                Golden.assertClose(try ours.value(label, "TOTAL", "0110"), library.double("ead_post_crm")!,
                                   relative: Self.tolerance, "\(key) [\(label)]: TOTAL vs the library's C 08.02 row")
                for g in grades {
                    XCTAssertLessThan(try ours.value(label, g, "0110"), library.double("ead_post_crm")! * (1 - 1e-6),
                                      "\(key) [\(label)] grade \(g)")
                }
            }
        }
    }

    /// C 07.00's exposure value (0200) is after conversion factors (CRR Art. 111) and, for
    /// exposures in default, net of specific provisions (Art. 127). The library's
    /// `generate_c0700_sa` takes exposure value = original exposure − CRM: fed the original
    /// exposure pre conversion factors (our 0010), its exposure value and RWEA are 0010 and
    /// 0010 × weight, above ours wherever there are undrawn commitments or defaults.
    func testC0700LibraryAppliesNoConversionFactor() throws {
        var overstated = 0, equal = 0
        for (key, book) in try Self.books() {
            let c0700 = try Self.fill("corep-c07-00", book.tree)
            let preCCF = try Self.c0700Cells(book.golden, pick: "c0700_pre_ccf")
            for (cell, library) in preCCF where Self.bandRows.contains(cell.row) {
                let where_ = "\(key) C 07.00 [\(cell.block)] row \(cell.row)"
                // The library's "exposure value" is our original exposure pre conversion factors ...
                Golden.assertClose(library.exposureValue, try c0700.value(cell.block, cell.row, "0010"),
                                   relative: Self.tolerance, "\(where_): library exposure value vs our 0010")
                let ours = try c0700.value(cell.block, cell.row, "0220"), original = try c0700.value(cell.block, cell.row, "0010")
                let ev = try c0700.value(cell.block, cell.row, "0200")
                if ev < original * (1 - 1e-9) {
                    // ... so where a CCF below 100% or a provision applies its RWEA is higher than ours,
                    XCTAssertGreaterThan(library.rwa, ours * (1 + 1e-6), "\(where_): library RWEA without CCF")
                    overstated += 1
                } else {
                    // and where none applies (no undrawn amount, performing) the two agree.
                    Golden.assertClose(ours, library.rwa, relative: Self.tolerance, "\(where_): no CCF to apply")
                    equal += 1
                }
            }
            let libraryTotal = preCCF[.init(block: "Total", row: "0010")]!.rwa
            XCTAssertGreaterThan(libraryTotal, try c0700.value("Total", "0010", "0220") * 1.01,
                                 "\(key): the library's pre-CCF RWEA overstates the total")
        }
        print("C 07.00 without CCF: \(overstated) cells overstated by the library, \(equal) equal (no undrawn amount, performing)")
        XCTAssertGreaterThan(overstated, 20)
        XCTAssertGreaterThan(equal, 10)
    }

    /// FR Y-14A / DFAST portfolio loss rates are nine-quarter losses over the average loan
    /// balance of the nine quarters (2025 Federal Reserve Stress Test Results, Appendix A,
    /// footnote 1). The library's `generate_loss_schedule` divides the cumulative net
    /// charge-offs by the current quarter's beginning balance. Both figures come from the
    /// golden file; the Fed's is evaluated here with StressPack's template language over a
    /// results tree holding the quarterly path, the library's is re-derived from its rows.
    func testFRY14LossRateFollowsTheFedNotTheLibrary() throws {
        let golden = try XCTUnwrap(try Golden.json("templates/regulatory_templates.json").object("fr_y14"))
        let rows = try XCTUnwrap(golden.object("expected")?["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 9)
        let nco = rows.map { $0.double("net_charge_offs")! }, beginning = rows.map { $0.double("beginning_balance")! }
        let ending = rows.map { $0.double("ending_balance")! }
        let library = golden.double("library_cumulative_loss_rate")!, fed = golden.double("fed_loss_rate")!

        // The library's rate: cumulative NCO over the last quarter's beginning balance.
        XCTAssertEqual(rows.last!.double("cumulative_loss_rate")!, library)
        Golden.assertClose(nco.reduce(0, +) / beginning[8], library, relative: 1e-12, "library definition")
        for q in 0..<9 {
            XCTAssertEqual(ending[q], beginning[q] - nco[q], "quarter \(q + 1): the balance runs off by the NCO only")
        }

        // The Fed's: Σ NCO / mean over the quarters of (beginning + ending) / 2, as a template cell.
        let tree = try ResultValue.decode(JSONSerialization.data(withJSONObject: [
            "scenarios": [["id": "golden_9q", "framework": "ccar",
                           "credit": ["period_el": nco, "period_ead": beginning, "period_end_ead": ending]]],
        ]))
        let definition = try RegulatoryTemplateFile.parse(text: """
            id: fed-loss-rate
            code: "DFAST loan losses"
            title: "Portfolio loss rate"
            regulator: "Federal Reserve"
            source: "2025 Federal Reserve Stress Test Results, Appendix A, footnote 1"
            version: "2025"
            sheet: "Loss rate"
            rows:
              - {code: "loans", label: "Loan losses"}
            columns:
              - {code: "losses", label: "Nine-quarter losses", value: "sum(/scenarios[id=golden_9q]/credit/period_el)"}
              - {code: "balance", label: "Average balance over nine quarters", value: "(mean(/scenarios[id=golden_9q]/credit/period_ead) + mean(/scenarios[id=golden_9q]/credit/period_end_ead)) / 2"}
              - {code: "rate", label: "Portfolio loss rate", kind: percent, value: "ratio(col(losses), col(balance))"}
            """, file: "fed-loss-rate.yaml")
        let filled = TemplateFiller.fill(definition, results: tree)
        let rate = try filled.value(filled.blocks[0].label, "loans", "rate")
        Golden.assertClose(rate, fed, relative: 1e-12, "Fed loss rate")
        Golden.assertClose(try filled.value(filled.blocks[0].label, "loans", "balance"), golden.double("fed_average_balance")!,
                           relative: 1e-12, "Fed average balance")
        Golden.assertClose(try filled.value(filled.blocks[0].label, "loans", "losses"),
                           golden.double("total_net_charge_offs")!, relative: 1e-12, "nine-quarter losses")

        // They differ (the library's denominator is the smallest balance of the horizon), and
        // both differ from losses over the initial balance.
        XCTAssertGreaterThan(library, fed * 1.01, "library \(library) vs Fed \(fed)")
        XCTAssertGreaterThan(fed, golden.double("loss_over_initial_balance")! * 1.001)
        XCTAssertNotEqual(library, fed)
    }

    // MARK: - Books

    struct Book {
        var golden: [String: Any]
        var facts: RegulatoryFacts
        var tree: ResultValue
    }

    static let bandRows = ["0140", "0150", "0160", "0170", "0180", "0190", "0200", "0210", "0220", "0230", "0240",
                           "0250", "0260", "0270", "0280"]

    static var root: String { TestSupport.repositoryRoot.path }

    /// Each golden portfolio, its facts and a results tree whose `start_rwa` and
    /// `standardised_start_rwa` are the library's totals (so the templates' own
    /// capital-engine checks compare with the library too).
    static func books() throws -> [(String, Book)] {
        let golden = try Golden.json("templates/regulatory_templates.json")
        let portfolios = try XCTUnwrap(golden.object("portfolios"))
        let table = StandardisedRiskWeights(try StandardisedTableFile.load(path: root + "/tables/standardised-risk-weights.yaml"))
        var out: [(String, Book)] = []
        for key in portfolios.keys.sorted() {
            let g = try XCTUnwrap(portfolios.object(key))
            let file = Golden.directory.appendingPathComponent(g["file"] as! String).path
            let p = try PortfolioCSV.load(path: file).portfolio
            XCTAssertEqual(p.count, g["n"] as? Int, key)
            let rwa = try PortfolioRWA(portfolio: p, options: RWAOptions(pdFloors: .creditRiskEngine))
            let sa = try StandardisedExposureWeights(portfolio: p, table: table)
            let rules = CapitalRules(approach: .irb, standardisedTable: "standardised-risk-weights")
            let provisioning = ProvisioningRules.defaults(for: .eba)
            let book = ProvisionBook(portfolio: p, rules: provisioning, pdFloor: 0.0003, asOf: "2025-12-31")
            let facts = RegulatoryFactsBuilder.build(.init(
                framework: .eba, rules: rules, portfolio: p, irb: rwa, standardised: sa,
                provisions: ProvisionSetup(book: book, rules: provisioning, portfolio: p), frequency: .annual,
                pdFloor: try XCTUnwrap(golden.object("conventions")?.double("framework_pd_floor")), threads: 1))
            let irbTotal = try XCTUnwrap(g.object("cr6")?.object("Total")?.object("totals")?.double("rwa"))
            let saTotal = try c0700Cells(g, pick: "c0700")[.init(block: "Total", row: "0010")]!.rwa
            let data = try JSONEncoder().encode(ResultsTree(
                regulatoryFacts: facts,
                scenarios: [.init(id: "golden", framework: "eba", credit: .init(startRWA: irbTotal, standardisedStartRWA: saTotal))]))
            out.append((key, Book(golden: g, facts: facts, tree: try ResultValue.decode(data))))
        }
        XCTAssertEqual(out.map(\.0), ["mixed", "retail", "wholesale"])
        return out
    }

    static func fill(_ id: String, _ tree: ResultValue) throws -> FilledTemplate {
        let definition = try RegulatoryTemplateFile.load(path: root + "/templates/regulatory/\(id).yaml")
        return TemplateFiller.fill(definition, results: tree)
    }

    /// Library class name → StressPack's block label.
    static func irbClassNames(_ g: [String: Any]) throws -> [String: String] {
        let list = try XCTUnwrap(g["irb_classes"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["library"] as! String, $0["stresspack"] as! String) })
    }

    struct CellKey: Hashable {
        var block: String
        var row: String
    }

    struct SACell {
        var exposureValue = 0.0, rwa = 0.0, provisions = 0.0, original = 0.0
        static let zero = SACell()
    }

    /// The library's C 07.00 rows (one call per risk weight) added up by (class, band row),
    /// class total (row 0010), and over all classes (block "Total").
    static func c0700Cells(_ g: [String: Any], pick: String) throws -> [CellKey: SACell] {
        var out: [CellKey: SACell] = [:]
        for call in try XCTUnwrap(g[pick] as? [[String: Any]]) {
            let row = try XCTUnwrap(call["row_code"] as? String)
            let original = call.object("our_original_exposure")
            for r in try XCTUnwrap(call.object("expected")?["rows"] as? [[String: Any]]) {
                let block = r["exposure_class"] as! String
                for key in [CellKey(block: block, row: row), CellKey(block: block, row: "0010"),
                            CellKey(block: "Total", row: row), CellKey(block: "Total", row: "0010")] {
                    var c = out[key] ?? SACell()
                    c.exposureValue += r.double("ead_post_crm")!
                    c.rwa += r.double("rwa")!
                    c.provisions += r.double("provisions")!
                    c.original += original?.double(block) ?? .nan
                    out[key] = c
                }
            }
        }
        return out
    }

    struct ResultsTree: Encodable {
        struct Scenario: Encodable {
            var id: String
            var framework: String
            var credit: Credit
        }

        struct Credit: Encodable {
            var startRWA: Double
            var standardisedStartRWA: Double
            enum CodingKeys: String, CodingKey { case startRWA = "start_rwa", standardisedStartRWA = "standardised_start_rwa" }
        }

        var regulatoryFacts: RegulatoryFacts
        var scenarios: [Scenario]
        enum CodingKeys: String, CodingKey { case regulatoryFacts = "regulatory_facts", scenarios }
    }
}

/// Relative comparisons at 1e-9, counted, with the largest difference seen.
final class Comparison {
    var count = 0
    /// Figures compared otherwise (the rounded risk weight).
    var counted = 0
    var maxRelative = 0.0
    var worst = ""

    func check(_ actual: Double, _ expected: Double, _ what: String, tolerance: Double = GoldenReportingTests.tolerance,
               file: StaticString = #filePath, line: UInt = #line) {
        count += 1
        let difference = abs(actual - expected)
        let relative = expected == 0 ? (actual == 0 ? 0 : .infinity) : difference / abs(expected)
        if relative > maxRelative {
            maxRelative = relative
            worst = what
        }
        if !(relative <= tolerance) {
            XCTFail("\(what): \(actual) vs the library's \(expected) (relative \(relative))", file: file, line: line)
        }
    }

    func report(_ name: String) {
        print("\(name): \(count) figures compared, largest relative difference \(maxRelative) (\(worst))")
    }
}

extension FilledTemplate {
    /// The number in (block, row, column); fails when the cell is missing or holds no number.
    func value(_ block: String, _ row: String, _ column: String) throws -> Double {
        let b = try XCTUnwrap(blocks.first { $0.label == block }, "no block \(block) in \(definition.code)")
        let r = try XCTUnwrap(b.rows.firstIndex { $0.code == row }, "no row \(row) in \(definition.code) [\(block)]")
        let c = try XCTUnwrap(b.columns.firstIndex { $0.code == column }, "no column \(column) in \(definition.code)")
        return try XCTUnwrap(b.cells[r][c].number, "\(definition.code) [\(block)] (\(row), \(column)): \(b.cells[r][c].status)")
    }
}
