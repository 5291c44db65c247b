import ArgumentParser
import Foundation
import StressPipeline

/// `stresspack demo`: the sample bank through every bundled scenario.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the quarterly pack on the bundled sample bank with every bundled scenario.",
        discussion: "Generates the sample bank under reports/sample-bank/ on first use.")

    @Option(help: "Output folder (default reports/<run-id>/).") var out: String?
    @Option(help: "Exposures in the sample bank.") var exposures = 250_000
    @Option(help: "Seed of the sample bank and of the Monte Carlo.") var seed: UInt64 = 42
    @OptionGroup var compute: ComputeOptions

    func validate() throws {
        guard exposures >= 1 else { throw ValidationError("--exposures must be at least 1") }
    }

    func run() throws {
        let progress = ProgressReporter(quiet: compute.quiet)
        _ = FileManager.default.changeCurrentDirectoryPath(ProjectPaths.home.path)
        let bank = try SampleBankFiles.ensureDemoBank(exposures: exposures, seed: seed,
                                                      threads: compute.threads, progress: progress)
        let scenarios = ProjectPaths.bundledScenarioFiles().map { "scenarios/\($0.lastPathComponent)" }
        // The embedded store, with the sample bank imported on first use.
        let store = try StoreOptions.open(path: "stresspack.sqlite")
        if try store.portfolio(named: "sample-bank") == nil {
            try PortfolioImport.run(path: bank.portfolio, name: "sample-bank", store: store)
        }
        let job = RunJob(portfolioPath: bank.portfolio, balanceSheetPath: bank.balanceSheet,
                         scenarioPaths: scenarios, pack: "quarterly-submission", asOf: nil,
                         seed: seed, threads: compute.threads, outDirectory: out, store: store)
        let outcome = try job.execute(progress: progress)
        printOutcome(outcome)
        print("run store: \(ProjectPaths.home.appendingPathComponent(store.path).path) "
              + "(stresspack runs verify \(outcome.runID))")
    }
}

/// Prints where a run's files are, one per line, for people and scripts.
func printOutcome(_ outcome: RunJob.Outcome) {
    print("run \(outcome.runID): \(outcome.results.portfolio.exposures) exposures, "
          + "\(outcome.results.scenarios.count) scenarios")
    for file in outcome.files {
        print(file.standardizedFileURL.path)
    }
}
