import Foundation
import Reports
import StressCore
import StressRun
import TestSupport
import XCTest

/// A text dump of each pack's layout (sheets, blocks, tables and their columns,
/// every formula with its cell and the results.json figure it reproduces,
/// charts, defined names) against `Snapshots/<pack>.txt`. Figures are left out,
/// so the snapshot changes with the layout, not with the engines' numbers.
///
/// After an intended layout change, re-record with `RECORD_SNAPSHOTS=1 swift test
/// --filter WorkbookSnapshotTests`; the recording run still fails, so a person
/// reads the diff before committing it.
final class WorkbookSnapshotTests: WorkbookTestCase {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/ReportsTests/Snapshots")

    func testPackLayouts() throws {
        let (results, _) = try ReportModelTests.fixture()
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for pack in Packs.ids {
            let template = try Packs.template(pack)
            let document = ReportBuilder.document(results: results, portfolio: Fixtures.portfolio(),
                                                  scenarios: Fixtures.scenarios, template: template)
            let rendered = try XlsxRenderer.render(document, to: directory.appendingPathComponent("\(pack).xlsx").path)
            let dump = Self.outline(document, rendered)
            let file = Self.folder.appendingPathComponent("\(pack).txt")
            if record {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try dump.write(to: file, atomically: true, encoding: .utf8)
                XCTFail("recorded \(file.path); review the diff, then run again without RECORD_SNAPSHOTS")
                continue
            }
            guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
                XCTFail("no snapshot \(file.path); record it with RECORD_SNAPSHOTS=1"); continue
            }
            if dump != expected {
                let a = dump.split(separator: "\n", omittingEmptySubsequences: false)
                let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail("""
                    \(pack): layout differs from \(file.lastPathComponent) at line \(line + 1):
                      now:      \(line < a.count ? String(a[line]) : "<end>")
                      snapshot: \(line < b.count ? String(b[line]) : "<end>")
                    """)
            }
        }
    }

    static func outline(_ document: ReportDocument, _ rendered: RenderedWorkbook) -> String {
        var out = "workbook \"\(document.title)\"\n"
        var formulas: [String: [RenderedCell]] = [:]
        for cell in rendered.cells where cell.formula != nil { formulas[cell.sheet, default: []].append(cell) }
        for sheet in document.sheets {
            out += "\nsheet \"\(sheet.name)\": \(sheet.title)\n"
            for block in sheet.blocks {
                switch block {
                case let .heading(text): out += "  heading: \(text)\n"
                case let .note(text): out += "  note: \(text.prefix(60))\n"
                case let .fields(fields):
                    out += "  fields: " + fields.map { f in
                        f.label + (f.definedName.map { " [\($0)]" } ?? "") + (f.source.map { " ← \($0)" } ?? "")
                    }.joined(separator: "; ") + "\n"
                case let .links(links): out += "  links: \(links.map(\.sheet).joined(separator: ", "))\n"
                case let .table(t):
                    out += "  table \(t.id)\(t.caption.map { " \"\($0)\"" } ?? ""): \(t.rowCount) rows"
                        + (t.filter ? ", filter" : "") + (t.freezeHeader ? ", frozen header" : "")
                        + (t.summaryAbove ? ", totals above" : "") + "\n"
                    out += "    columns: " + t.columns.map { "\($0.header) [\(kind($0.kind))]" }.joined(separator: " | ") + "\n"
                }
            }
            for cell in formulas[sheet.name] ?? [] {
                out += "  \(cell.address) \(cell.formula!)" + (cell.source.map { " ← \($0)" } ?? "") + "\n"
            }
            for chart in sheet.charts {
                out += "  chart \(chart.kind) \"\(chart.title)\" on \(chart.table): \(chart.series.count) series"
                    + (chart.series.contains { $0.isThreshold } ? " (threshold dashed)" : "") + "\n"
            }
            for name in sheet.definedNames {
                out += "  name \(name.name) → \(rendered.definedNames[name.name] ?? "(not defined)")\n"
            }
        }
        out += "\ndefined names: \(rendered.definedNames.keys.sorted().joined(separator: ", "))\n"
        return out
    }

    static func kind(_ k: ValueKind) -> String {
        switch k {
        case .text: return "text"
        case .amount: return "amount"
        case let .percent(d): return "percent \(d)"
        case .basisPoints: return "bp"
        case .count: return "count"
        case .date: return "date"
        case let .number(d): return "number \(d)"
        case .multiple: return "×"
        case .scientific: return "scientific"
        }
    }
}
