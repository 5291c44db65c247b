import ArgumentParser
import Foundation
import Inputs
import RegulatoryTemplates
import StressCore
import StressPipeline

/// `stresspack templates list|show`: the supervisory templates StressPack fills
/// (`templates/regulatory/`), and for one of them every cell with where it comes from
/// (a results.json path, a formula over the template's cells, or why it is not produced);
/// given a run, its values and the outcome of each validation rule.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the regulators' templates StressPack fills, or show one with the source of every cell.",
        subcommands: [List.self, Show.self])

    struct Folder: ParsableArguments {
        @Option(name: .customLong("dir"), help: "Folder of template definitions (default: templates/regulatory).")
        var directory: String?

        var path: String { directory ?? ProjectPaths.home.appendingPathComponent("templates/regulatory").path }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the templates: id, code, regulator and version.")
        @OptionGroup var folder: Folder

        func run() throws {
            for t in try RegulatoryTemplateFile.loadAll(directory: folder.path) {
                print("\(t.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(t.code.padding(toLength: 14, withPad: " ", startingAt: 0)) \(t.title)")
                print("\(String(repeating: " ", count: 38))\(t.regulator); \(t.version)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a template's cells and where each comes from; with a run, their values and checks.",
            discussion: """
                Without --run or --results: every row and column with the expression that fills it. With a \
                stored run (--run) or a results.json (--results): the filled cells of each block with their \
                values and sources, then the validation rules and their outcomes.
                Example: stresspack templates show corep-c07-00 --run run-20251231-0a450c7bb6
                """)
        @Argument(help: "Template id (see `stresspack templates list`).") var id: String
        @Option(name: .customLong("run"), help: "A run in the store: its results.json is read from its output folder.")
        var runID: String?
        @Option(help: "A results.json file.") var results: String?
        @Option(help: "Only this block (an exposure class, a scenario id, Total).") var block: String?
        @OptionGroup var folder: Folder
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if runID != nil && results != nil { throw ValidationError("--run and --results are alternatives") }
        }

        func run() throws {
            let path = folder.path + "/\(id).yaml"
            guard FileManager.default.fileExists(atPath: path) else {
                let known = (try? RegulatoryTemplateFile.loadAll(directory: folder.path).map(\.id)) ?? []
                throw UsageError(message: "no template '\(id)' in \(folder.path); known: \(known.joined(separator: ", "))")
            }
            let t = try RegulatoryTemplateFile.load(path: path)
            print("\(t.code): \(t.title)")
            print("regulator: \(t.regulator)\nlayout: \(t.source)\nversion: \(t.version)\nsheet: \(t.sheet)")
            for n in t.notes { print("note: \(n)") }
            guard let resultsPath = try resultsFile() else {
                printDefinition(t)
                return
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: resultsPath))
            } catch {
                throw UsageError(message: "cannot read \(resultsPath): \(error.localizedDescription)")
            }
            let tree: ResultValue
            do {
                tree = try ResultValue.decode(data)
            } catch {
                throw InputError(file: resultsPath, message: "not a results.json document: \(error)")
            }
            let filled = TemplateFiller.fill(t, results: tree)
            print("filled from \(resultsPath)")
            for b in filled.blocks where block == nil || b.label == block {
                print("\n[\(b.label)]")
                for (r, row) in b.rows.enumerated() {
                    for (c, column) in b.columns.enumerated() {
                        let cell = b.cells[r][c]
                        let value = cell.number.map(TemplateCSV.number) ?? ""
                        let source: String
                        switch cell.content {
                        case let .notProduced(reason): source = "not produced: \(reason)"
                        case let .unavailable(reason): source = "UNAVAILABLE: \(reason)"
                        case .formula: source = "formula \(cell.source)"
                        case .value: source = cell.source
                        }
                        print("  r\(row.code) c\(column.code)  \(value.padding(toLength: 22, withPad: " ", startingAt: 0)) \(source)")
                    }
                }
            }
            print("\nvalidation rules: \(filled.checks.count) run, \(filled.failedChecks.count) failed")
            for c in filled.checks where block == nil || c.block == block {
                let where_ = c.block + (c.column.map { " c\($0)" } ?? "")
                let outcome = c.passed ? "pass" : "FAIL"
                let detail = c.error ?? "\(TemplateCSV.number(c.lhs)) vs \(TemplateCSV.number(c.rhs))"
                print("  \(outcome) \(c.id) [\(where_)]: \(detail)")
            }
            if !filled.failedChecks.isEmpty { throw ExitCode(1) }
        }

        func resultsFile() throws -> String? {
            if let results { return results }
            guard let run = runID else { return nil }
            let store = try storeOptions.open()
            guard let r = try store.run(run) else { throw UsageError(message: "no run '\(run)' in \(storeOptions.store)") }
            guard let directory = r.outputDirectory else {
                throw UsageError(message: "run \(run) has no output folder (status \(r.status))")
            }
            return directory + "/results.json"
        }

        func printDefinition(_ t: TemplateDefinition) {
            switch t.blocks {
            case .single: print("blocks: one")
            case let .factValues(field, total):
                print("blocks: one per value of \(field) in \(t.facts ?? "-")\(total.map { ", first \($0)" } ?? "")")
            case let .scenarios(frameworks, severities, ids):
                print("blocks: one per scenario" + (frameworks.isEmpty ? "" : " of \(frameworks.joined(separator: ", "))")
                      + (severities.isEmpty ? "" : ", severities \(severities.joined(separator: ", "))")
                      + (ids.isEmpty ? "" : ", ids \(ids.joined(separator: ", "))")
                      + (t.split.map { ", split by the members of \($0.path)" } ?? ""))
            }
            if let facts = t.facts { print("fact rows: \(facts)") }
            print("\nrows:")
            for r in t.rows {
                var what = r.notProduced.map { "not produced: \($0)" } ?? r.value ?? ""
                if !r.filters.isEmpty {
                    what = "facts where " + r.filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                        .joined(separator: ", ") + (what.isEmpty ? "" : "; \(what)")
                }
                if let each = r.eachFactValue { what = "one row per \(each)" + (what.isEmpty ? "" : "; \(what)") }
                print("  r\(r.code) \(r.label)\(what.isEmpty ? "" : "  ← \(what)")")
            }
            print("\ncolumns:")
            for c in t.columns {
                let what = c.notProduced.map { "not produced: \($0)" } ?? c.value ?? ""
                print("  c\(c.code)\(c.eachPeriod ? " (per period)" : "") \(c.label)  ← \(what)")
            }
            if !t.cells.isEmpty { print("\ncells:") }
            for o in t.cells {
                print("  r\(o.row) c\(o.column) ← \(o.notProduced.map { "not produced: \($0)" } ?? o.value ?? "")")
            }
            print("\nvalidation rules:")
            for c in t.checks {
                print("  \(c.id): \(c.check)\(c.columns.isEmpty ? "" : " in columns \(c.columns.joined(separator: ", "))")")
                print("    \(c.description)")
            }
        }
    }
}
