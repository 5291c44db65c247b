import ArgumentParser
import Foundation
import Inputs
import StressCore
import StressPipeline

/// `stresspack run`: one run of a pack over chosen frameworks and scenarios.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a stress-test pack on a portfolio and balance sheet.",
        discussion: """
            Without --framework or --scenario every bundled scenario runs. Without \
            --portfolio the sample bank is used (generated under reports/sample-bank/).
            Example: stresspack run --framework eba --portfolio bank.csv --balance-sheet bank.yaml
            """)

    @Option(help: "Report pack: quarterly-submission, board or audit.") var pack = "quarterly-submission"
    @Option(help: "Framework whose bundled scenarios run: eba, boe, ccar, rbi (repeatable).")
    var framework: [String] = []
    @Option(help: "Bundled scenario id or path to a scenario YAML (repeatable).") var scenario: [String] = []
    @Option(help: "Portfolio CSV, or the name of a portfolio imported into the store.") var portfolio: String?
    @Option(name: .customLong("balance-sheet"), help: "Balance sheet YAML.") var balanceSheet: String?
    @Option(help: "Market data folder (VaR backtesting, factor model).") var market: String?
    @Option(name: .customLong("as-of"), help: "As-of date YYYY-MM-DD (default: the balance sheet's).") var asOf: String?
    @Option(help: "Seed for the Monte Carlo.") var seed: UInt64 = 42
    @Option(help: "Monte Carlo paths of the credit VaR.") var paths = 10_000
    @Option(help: "Output folder (default reports/<run-id>/).") var out: String?
    @Option(name: .customLong("regulatory-templates"),
            help: "Folder of the regulatory template definitions the pack lists (default templates/regulatory): a bank's copy with its own mappings.")
    var regulatoryTemplates: String?
    @Option(help: ArgumentHelp("Leave out an analysis: attribution or reverse-stress (repeatable).",
                               discussion: "Each re-projects the whole book many times per scenario; on a large "
                                   + "book they are most of the run's time."))
    var skip: [String] = []
    @Option(help: ArgumentHelp("Plan the run in this many shards instead of running it (with --plan).",
                               discussion: "Each shard is then run by `stresspack shard run` (a Slurm array task or a "
                                   + "Kubernetes Indexed Job) and `stresspack shard merge` writes the outputs."))
    var shards: Int?
    @Option(help: "Folder for the shard plan: the inputs copied by hash, the parameters and the layout (with --shards).")
    var plan: String?
    @Option(name: .customLong("exposure-ranges"),
            help: ArgumentHelp("Split the book into this many row ranges, each a unit of its own (with --shards).",
                               discussion: "Each range's shard holds only its rows and computes every scenario's credit "
                                   + "and provisions over them; the merge finishes the scenarios. Needs --skip "
                                   + "attribution --skip reverse-stress (docs/SCALE-OUT.md)."))
    var exposureRanges: Int?
    @Option(name: .customLong("pd-model"),
            help: "A calibrated PD model (stresspack pd calibrate): the book's pd and rating columns come from it; the book carries its characteristics.")
    var pdModel: String?
    @Option(name: .customLong("pd-validation-sample"),
            help: "A sample with outcomes to validate the PD model on; the pack then holds pd-validation.json and .xlsx.")
    var pdValidationSample: String?
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var compute: ComputeOptions

    static let packs = ["quarterly-submission", "board", "audit"]

    func validate() throws {
        guard Self.packs.contains(pack) else {
            throw ValidationError("--pack must be one of \(Self.packs.joined(separator: ", ")), got '\(pack)'")
        }
        for f in framework where Framework(rawValue: f) == nil {
            throw ValidationError("--framework must be one of \(Framework.allNames), got '\(f)'")
        }
        if let asOf { try validateDate(asOf, option: "--as-of") }
        guard paths >= 1 else { throw ValidationError("--paths must be at least 1") }
        if (shards == nil) != (plan == nil) { throw ValidationError("--shards and --plan go together") }
        if let shards, shards < 1 { throw ValidationError("--shards must be at least 1, got \(shards)") }
        if exposureRanges != nil, shards == nil { throw ValidationError("--exposure-ranges goes with --shards and --plan") }
        if let exposureRanges, exposureRanges < 1 {
            throw ValidationError("--exposure-ranges must be at least 1, got \(exposureRanges)")
        }
        if shards != nil, out != nil {
            throw ValidationError("--out is the merge's: stresspack shard merge PLAN_DIR --out DIR")
        }
        if pdValidationSample != nil && pdModel == nil {
            throw ValidationError("--pd-validation-sample needs --pd-model (the model it validates)")
        }
        if portfolio != nil && balanceSheet == nil {
            throw ValidationError("--portfolio needs --balance-sheet (the bank's capital and liquidity)")
        }
    }

    func run() throws {
        let progress = ProgressReporter(quiet: compute.quiet)
        let store = try storeOptions.open()
        var inputs: (portfolio: String, balanceSheet: String)
        var display: [String: String] = [:]
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        if let portfolio, let balanceSheet {
            inputs = (portfolio, balanceSheet)
            if !FileManager.default.fileExists(atPath: portfolio), let stored = try store.portfolio(named: portfolio) {
                // A portfolio imported into the store, by name.
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stresspack-\(getpid())")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                scratch = folder
                let path = folder.appendingPathComponent("\(portfolio).csv").path
                try store.extract(stored.sha256, to: path)
                inputs.portfolio = path
                display[path] = "store:\(portfolio)"
            }
        } else {
            inputs = try SampleBankFiles.ensureDemoBank(exposures: 250_000, seed: 42,
                                                        threads: compute.threads, progress: progress)
        }
        var job = RunJob(portfolioPath: inputs.portfolio, balanceSheetPath: inputs.balanceSheet,
                         scenarioPaths: try selectedScenarios(), pack: pack, asOf: asOf, seed: seed,
                         threads: compute.threads, outDirectory: out, paths: paths, store: store, displayPath: display,
                         skip: try SkippedAnalysis.parse(skip))
        job.pdModelPath = pdModel
        job.pdValidationSamplePath = pdValidationSample
        if let regulatoryTemplates {
            guard FileManager.default.fileExists(atPath: regulatoryTemplates) else {
                throw UsageError(message: "--regulatory-templates: no folder \(regulatoryTemplates)")
            }
            job.environment.regulatoryTemplate = RunEnvironment.regulatoryTemplate(in: regulatoryTemplates)
        }
        if let shards, let plan {
            let made = try ShardPlan.create(job: job, shards: shards, exposureRanges: exposureRanges ?? 0,
                                            in: URL(fileURLWithPath: plan))
            printPlan(made, folder: plan)
            return
        }
        printOutcome(try job.execute(progress: progress))
    }

    private func printPlan(_ made: ShardPlan, folder: String) {
        print("planned \(made.runID) in \(made.shards.count) shards: \(folder)/\(ShardPlan.fileName)")
        for (i, units) in made.shards.enumerated() {
            print("  shard \(i): " + (units.isEmpty ? "(nothing: more shards than units)" : units.map(\.description).joined(separator: " ")))
        }
        print("next: stresspack shard run \(folder) --index I   (I = 0...\(made.shards.count - 1), or from the scheduler)")
        print("then: stresspack shard merge \(folder)")
    }

    /// Scenario files chosen by --scenario and --framework; all bundled when neither is given.
    func selectedScenarios() throws -> [String] {
        try ScenarioSelection.select(scenarios: scenario, frameworks: framework)
    }
}
