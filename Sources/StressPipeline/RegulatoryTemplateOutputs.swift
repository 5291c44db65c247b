import Foundation
import Inputs
import RegulatoryTemplates
import RiskMath
import Reports
import StressCore
import StressRun

/// The pack's supervisory templates filled from a run's results: the definitions the pack
/// lists, each filled from results.json (so `templates show` on a stored run gives the same
/// cells), the findings they raise and their summaries for results.json.
public struct RegulatoryTemplateOutputs {
    public var filled: [FilledTemplate]
    public var files: [String]

    /// The definitions, read before any work is done: a broken template stops the run at once.
    public static func load(_ definitions: [(id: String, path: String)],
                     display: (String) -> String) throws -> [(definition: TemplateDefinition, file: String)] {
        try definitions.map { d in
            do throws(InputError) {
                return (try RegulatoryTemplateFile.load(path: d.path), display(d.path))
            } catch {
                throw InputError(file: display(error.file), line: error.line, column: error.column, key: error.key,
                                 message: error.message)
            }
        }
    }

    public static func fill(results: RunResults, definitions: [(definition: TemplateDefinition, file: String)],
                            threads: Int = 1) throws -> RegulatoryTemplateOutputs {
        guard !definitions.isEmpty else { return RegulatoryTemplateOutputs(filled: [], files: []) }
        let tree = try ResultValue.decode(JSONDocument.encode(results))
        // Each template is filled from the tree alone, one per worker, back in the pack's order.
        let templates = definitions.map(\.definition)
        let filled = parallelMap(blocks: BlockPartition(count: templates.count, blockSize: 1), threads: threads) { _, k in
            TemplateFiller.fill(templates[k], results: tree)
        }
        return RegulatoryTemplateOutputs(filled: filled, files: definitions.map(\.file))
    }

    public static func csvName(_ t: FilledTemplate) -> String { "templates/\(t.definition.id).csv" }

    public var summaries: [RegulatoryTemplateSummary] {
        zip(filled, files).map { t, file in
            var cells = 0, notProduced = 0, unavailable = 0
            for b in t.blocks {
                for row in b.cells {
                    for cell in row {
                        cells += 1
                        switch cell.content {
                        case .notProduced: notProduced += 1
                        case .unavailable: unavailable += 1
                        case .value, .formula: break
                        }
                    }
                }
            }
            return RegulatoryTemplateSummary(
                id: t.definition.id, code: t.definition.code, version: t.definition.version, definition: file,
                csv: Self.csvName(t), sheet: t.definition.sheet, blocks: t.blocks.count, cells: cells,
                notProduced: notProduced, unavailable: unavailable, checksRun: t.checks.count,
                checksFailed: t.failedChecks.count)
        }
    }

    /// A failed validation rule is an error naming the cell; a cell the run should fill and
    /// cannot is a warning; what StressPack does not produce is listed once per reason.
    public var findings: [DataQualityFinding] {
        var out: [DataQualityFinding] = []
        for (t, file) in zip(filled, files) {
            let code = t.definition.code
            for c in t.failedChecks {
                let where_ = "block \(c.block)" + (c.column.map { ", column \($0)" } ?? "")
                let detail = c.error ?? "\(TemplateCSV.number(c.lhs)) against \(TemplateCSV.number(c.rhs))"
                out.append(DataQualityFinding(
                    severity: .error, file: file, field: "checks.\(c.id)",
                    message: "\(code) \(where_): validation rule '\(c.id)' fails (\(c.description)): \(detail)"))
            }
            let missing = t.unavailableCells
            for m in missing.prefix(20) {
                out.append(DataQualityFinding(
                    severity: .warning, file: file, field: "cells",
                    message: "\(code) block \(m.block), row \(m.row), column \(m.column) is left unfilled: \(m.reason)"))
            }
            if missing.count > 20 {
                out.append(DataQualityFinding(severity: .warning, file: file, field: "cells",
                                              message: "\(code): \(missing.count - 20) more cells left unfilled"))
            }
            for item in t.notProduced {
                out.append(DataQualityFinding(severity: .info, file: file, field: "not_produced",
                                              message: "\(code) \(item.cells): not produced (\(item.reason))"))
            }
        }
        return out
    }
}
