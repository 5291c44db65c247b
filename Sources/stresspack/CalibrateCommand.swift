import ArgumentParser
import Foundation
import Inputs
import StressCore
import StressPipeline
import StressRun

/// `stresspack calibrate`: the headline scenario of each framework — every scenario of
/// data/regulators/published-outcomes.yaml — run on a bank (the sample bank by default)
/// and set beside the published aggregates of the exercises (README, "Calibration").
/// The run is recorded like any other; its board pack carries the same table.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare each framework's headline CET1 depletion with the published outcome of its exercise.",
        discussion: """
            Runs the scenarios that data/regulators/published-outcomes.yaml lists (board pack) and prints, \
            per exercise, the published depletion beside this bank's with its decomposition (credit losses, \
            PPNR, RWA growth, payouts, taxes and other losses, in bp of RWA) and the two targets: within a \
            factor of two of the aggregate, RWA growth at most a third of the CET1 fall.
            Example: stresspack calibrate --markdown
            """)

    @Option(help: "Portfolio CSV (default: the sample bank).") var portfolio: String?
    @Option(name: .customLong("balance-sheet"), help: "Balance sheet YAML.") var balanceSheet: String?
    @Option(help: "Output folder (default reports/<run-id>/).") var out: String?
    @Flag(help: "Print the table as Markdown (the README's calibration table).") var markdown = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var compute: ComputeOptions

    func validate() throws {
        if (portfolio == nil) != (balanceSheet == nil) {
            throw ValidationError("--portfolio and --balance-sheet go together")
        }
    }

    func run() throws {
        let progress = ProgressReporter(quiet: compute.quiet)
        let outcomesPath = ProjectPaths.home.appendingPathComponent("data/regulators/published-outcomes.yaml").path
        let outcomes = try PublishedOutcomesFile.load(path: outcomesPath)
        var scenarios: [String] = []
        for id in outcomes.map(\.scenario) where !scenarios.contains(id) { scenarios.append(id) }
        let paths = scenarios.map { ProjectPaths.scenarios.appendingPathComponent("\($0).yaml").path }
        let bank: (portfolio: String, balanceSheet: String)
        if let portfolio, let balanceSheet {
            bank = (portfolio, balanceSheet)
        } else {
            bank = try SampleBankFiles.ensureDemoBank(exposures: 250_000, seed: 42, threads: compute.threads,
                                                      progress: progress)
        }
        let job = RunJob(portfolioPath: bank.portfolio, balanceSheetPath: bank.balanceSheet, scenarioPaths: paths,
                         pack: "board", asOf: nil, seed: 42, threads: compute.threads, outDirectory: out,
                         paths: 1_000, store: try storeOptions.open())
        let outcome = try job.execute(progress: progress)
        let rows = outcome.results.calibration ?? []
        print(markdown ? CalibrationTable.markdown(rows) : CalibrationTable.text(rows))
        print("run \(outcome.runID): \(outcome.directory.standardizedFileURL.path)")
    }
}

/// The calibration rows as a plain-text or Markdown table.
enum CalibrationTable {
    static let header = ["exercise", "measure", "published", "this run", "run / published", "credit losses",
                         "PPNR", "RWA", "payouts", "taxes, other", "RWA share", "peak RWA"]

    static func cells(_ r: CalibrationRow) -> [String] {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        func bp(_ x: Double) -> String { String(format: "%.0f", abs(x) < 0.5 ? 0 : x) }
        let w = r.decomposition
        return [r.published.exercise + (r.published.confidence == .secondary ? " [secondary]" : ""),
                r.measure == .cet1Ratio ? "CET1" : "CRAR",
                "\(pct(r.published.start)) → \(pct(r.published.minimum)), \(bp(r.published.depletionBP)) bp",
                "\(pct(r.start)) → \(pct(r.minimum)), \(bp(r.depletionBP)) bp",
                String(format: "%.2f×", r.depletionRatio) + (r.withinFactorOfTwo ? " ✓" : " ✗"),
                bp(w.creditLossesBP), bp(w.ppnrBP), bp(w.rwaGrowthBP), bp(w.distributionsBP),
                bp(w.otherLossesAndTaxesBP),
                String(format: "%.0f%%", r.rwaShare * 100) + (r.rwaShareWithinOneThird ? " ✓" : " ✗"),
                String(format: "%+.1f%%", r.peakRWAChange * 100)]
    }

    static func markdown(_ rows: [CalibrationRow]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + cells($0).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }

    static func text(_ rows: [CalibrationRow]) -> String {
        let table = [header] + rows.map(cells)
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
