import ArgumentParser
import Foundation
import Inputs
import RunStore
import StressCore
import StressPipeline

/// `stresspack runs list | show | verify | diff`: the run store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show, verify and compare stored runs.",
        subcommands: [List.self, Show.self, Verify.self, Diff.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the runs in the store.")
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let runs = try storeOptions.open().runs()
            if runs.isEmpty { print("no runs in \(storeOptions.store)"); return }
            for r in runs {
                let duration = r.durationMilliseconds.map { String(format: "%.1f s", Double($0) / 1000) } ?? "-"
                print("\(r.label.padding(toLength: 32, withPad: " ", startingAt: 0)) \(r.status.padding(toLength: 10, withPad: " ", startingAt: 0)) "
                      + "\(r.startedAt)  \(duration.leftPadded(8))  \(r.pack)  as of \(r.asOf ?? "-")")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one run's parameters, inputs, outputs and key figures.")
        @Argument(help: "Run id (run-…), or run-…#N for one of several records.") var runID: String
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let store = try storeOptions.open()
            guard let r = try store.run(runID) else { throw UsageError(message: "no run '\(runID)' in \(storeOptions.store)") }
            print("run \(r.label): \(r.status)\(r.error.map { " (\($0))" } ?? "")")
            print("engine \(r.engineVersion), pack \(r.pack), as of \(r.asOf ?? "-"), seed \(r.seed)")
            print("started \(r.startedAt), finished \(r.finishedAt ?? "-"), output \(r.outputDirectory ?? "-")")
            print("parameters: \(r.parameters.replacingOccurrences(of: "\n", with: " "))")
            print("inputs:")
            for i in try store.inputs(of: r.key) { print("  \(i.role.padding(toLength: 16, withPad: " ", startingAt: 0)) \(i.sha256)  \(i.path)") }
            print("outputs:")
            for o in try store.outputs(of: r.key) { print("  \(o.sha256)  \(o.path) (\(o.bytes) bytes)") }
            let stages = try store.stages(of: r.key)
            if !stages.isEmpty {
                // A scenario's own stages are indented, listed before its total ("<id>: all stages").
                func inner(_ s: RunStage) -> Bool { s.name.contains(": ") && !s.name.hasSuffix(": all stages") }
                let total = stages.filter { !inner($0) }.reduce(0) { $0 + $1.seconds }
                // Peak memory so far at each stage's end: where it rises is where the memory goes.
                let peaks = stages.compactMap(\.peakBytes)
                func megabytes(_ bytes: Int) -> String { String(format: "%6.0f MB", Double(bytes) / 1_048_576) }
                let peak = peaks.max().map { ", peak memory \(megabytes($0).trimmingCharacters(in: .whitespaces))" } ?? ""
                print("where the time went (\(String(format: "%.1f", total)) s\(peak)), with the peak memory so far:")
                for s in stages {
                    let share = total > 0 && !inner(s) ? String(format: "%5.1f%%", 100 * s.seconds / total) : "      "
                    let memory = s.peakBytes.map(megabytes) ?? String(repeating: " ", count: 9)
                    let indent = inner(s) ? "    " : ""
                    print("  \(indent)\(String(format: "%8.3f s", s.seconds)) \(share)  \(peaks.isEmpty ? "" : memory + "  ")\(s.name)")
                }
                // What a user can switch off, and what it would save (`run --skip`).
                for analysis in SkippedAnalysis.allCases {
                    let stage = analysis.stage
                    let seconds = stages.filter { inner($0) && $0.name.hasSuffix(": \(stage)") }.reduce(0) { $0 + $1.seconds }
                    guard total > 0, seconds > 0 else { continue }
                    print("  \(stage), all scenarios: \(String(format: "%.1f", seconds)) s "
                          + "(\(String(format: "%.0f", 100 * seconds / total))% of the run); "
                          + "run --skip \(analysis.rawValue) leaves it out")
                }
            }
            let figures = try store.figures(of: r.key).filter { $0.period.isEmpty }
            if !figures.isEmpty { print("key figures:") }
            for f in figures { print("  \(f.scenario.padding(toLength: 30, withPad: " ", startingAt: 0)) \(f.metric.padding(toLength: 16, withPad: " ", startingAt: 0)) \(f.value)") }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-execute a run from its stored inputs; exit 0 only if every output hash matches (3 otherwise).")
        @Argument(help: "Run id (run-…), or run-…#N.") var runID: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var compute: ComputeOptions
        func run() throws {
            let store = try storeOptions.open()
            guard let record = try store.run(runID) else { throw UsageError(message: "no run '\(runID)' in \(storeOptions.store)") }
            guard record.status == "succeeded" else {
                throw UsageError(message: "run \(record.label) is \(record.status): only a succeeded run has outputs to verify")
            }
            let result = try RunVerifier(store: store, record: record, threads: compute.threads)
                .verify(progress: ProgressReporter(quiet: compute.quiet))
            for line in result.report { print(line) }
            if !result.mismatches.isEmpty {
                throw VerifyMismatch(message: "run \(record.label) does not reproduce: "
                                     + result.mismatches.joined(separator: "; "))
            }
            print("verified: run \(record.label) reproduces every output byte for byte")
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compare two runs figure by figure.")
        @Argument(help: "First run.") var runA: String
        @Argument(help: "Second run.") var runB: String
        @Flag(help: "Only figures that differ.") var changedOnly = false
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let store = try storeOptions.open()
            guard let a = try store.run(runA) else { throw UsageError(message: "no run '\(runA)'") }
            guard let b = try store.run(runB) else { throw UsageError(message: "no run '\(runB)'") }
            let rows = RunDiff.rows(try store.figures(of: a.key), try store.figures(of: b.key))
            print(["scenario", "period", "metric", "A", "B", "change"].joined(separator: "\t"))
            for row in rows where !changedOnly || row.changed {
                print(row.columns.joined(separator: "\t"))
            }
        }
    }
}
