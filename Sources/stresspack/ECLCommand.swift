import ArgumentParser
import CreditEngine
import Foundation
import Inputs
import ProvisionsEngine
import StressCore
import StressPipeline
import StressRun

/// `stresspack ecl`: the quarter-end, probability-weighted expected credit loss of a book
/// (IFRS 9 5.5.17): each scenario's ECL by stage and segment at the reporting date, and
/// their weighted sum.
struct ECLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecl",
        abstract: "Probability-weighted expected credit loss at the reporting date, by stage and segment.",
        discussion: """
            Each --scenario is paired with the --weight after it; the weights must add up to 1. \
            The accounting standard and its staging rules are the scenarios' framework's (frameworks/<framework>.yaml, \
            provisions:). Stages are the portfolio's (or, without a stage column, those the rules give at jump-off).
            Example: stresspack ecl --scenario eba-2025-baseline --weight 0.6 --scenario eba-2025-adverse --weight 0.4
            """)

    @Option(help: "Bundled scenario id or path (repeatable, each followed by its --weight).") var scenario: [String] = []
    @Option(help: "Probability weight of the scenario before it (repeatable).") var weight: [Double] = []
    @Option(help: "Portfolio CSV (default: the sample bank).") var portfolio: String?
    @Option(name: .customLong("balance-sheet"), help: "Balance sheet YAML (its as-of date is the reporting date).")
    var balanceSheet: String?
    @Option(help: "Write the figures as JSON to this file as well.") var json: String?
    @OptionGroup var compute: ComputeOptions

    func validate() throws {
        guard !scenario.isEmpty else { throw ValidationError("give at least one --scenario with its --weight") }
        guard scenario.count == weight.count else {
            throw ValidationError("every --scenario needs its --weight: \(scenario.count) scenarios, \(weight.count) weights")
        }
        guard weight.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 }) else {
            throw ValidationError("weights are probabilities in [0, 1], got \(weight)")
        }
        guard abs(weight.reduce(0, +) - 1) < 1e-9 else {
            throw ValidationError("the weights must add up to 1, they add up to \(weight.reduce(0, +))")
        }
        if (portfolio == nil) != (balanceSheet == nil) {
            throw ValidationError("--portfolio and --balance-sheet go together")
        }
    }

    func run() throws {
        let progress = ProgressReporter(quiet: compute.quiet)
        let bank: (portfolio: String, balanceSheet: String)
        if let portfolio, let balanceSheet {
            bank = (portfolio, balanceSheet)
        } else {
            bank = try SampleBankFiles.ensureDemoBank(exposures: 250_000, seed: 42, threads: compute.threads,
                                                      progress: progress)
        }
        let loaded = try PortfolioCSV.load(path: bank.portfolio).portfolio
        let sheet = try BalanceSheetFile.load(path: bank.balanceSheet).balanceSheet
        let paths = try ScenarioSelection.resolve(scenario)
        var scenarios: [(LoadedScenario, String)] = []
        for path in paths { scenarios.append((try ScenarioFile.load(path: path), path)) }
        let framework = scenarios[0].0.scenario.framework
        if let other = scenarios.first(where: { $0.0.scenario.framework != framework }) {
            throw UsageError(message: "one accounting standard per calculation: \(other.0.scenario.id) is a "
                             + "\(other.0.scenario.framework.rawValue) scenario, \(scenarios[0].0.scenario.id) a \(framework.rawValue) one")
        }
        let frameworkPath = ProjectPaths.frameworkFile(framework)
        let settings = FileManager.default.fileExists(atPath: frameworkPath) ? try FrameworkFile.load(path: frameworkPath) : nil
        let rules = settings?.provisions ?? .defaults(for: framework)
        let book = ProvisionBook(portfolio: loaded, rules: rules,
                                 pdFloor: settings?.pdFloor ?? SatelliteDefaults.pdFloor(framework), asOf: sheet.asOf)
        let setup = ProvisionSetup(book: book, rules: rules, portfolio: loaded)
        var each: [(weight: Double, ecl: ReportingDateECL)] = []
        for ((s, path), w) in zip(scenarios, weight) {
            progress.note("scenario \(s.scenario.id)")
            let (ecl, _) = try ReportingDateECLStage.compute(scenario: s.scenario, scenarioFile: path, portfolio: loaded,
                                                             settings: settings, frameworkFile: frameworkPath, setup: setup,
                                                             threads: compute.threads)
            each.append((w, ecl))
        }
        let weighted = ReportingDateECL.weighted(each)
        let standard = rules.standard.rawValue
        print("Expected credit loss at \(sheet.asOf), \(standard) (\(framework.rawValue) rules), \(loaded.count) exposures")
        func row(_ name: String, _ e: ReportingDateECL) -> String {
            let cells = (0..<3).map { String(format: "%16.0f", e.ecl[$0]) } + [String(format: "%16.0f", e.total)]
            return name.padding(toLength: 34, withPad: " ", startingAt: 0) + cells.joined()
        }
        print("".padding(toLength: 34, withPad: " ", startingAt: 0)
              + ["stage 1", "stage 2", "stage 3", "total"].map { $0.leftPadded(16) }.joined())
        print("EAD".padding(toLength: 34, withPad: " ", startingAt: 0)
              + (weighted.ead + [weighted.ead.reduce(0, +)]).map { String(format: "%16.0f", $0) }.joined())
        for ((s, _), (w, e)) in zip(scenarios, each) { print(row("\(s.scenario.id) (weight \(w))", e)) }
        print(row("probability-weighted", weighted))
        print("by segment, probability-weighted:")
        for name in weighted.bySegment.keys.sorted() {
            let v = weighted.bySegment[name]!
            print("  " + name.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + (v + [v.reduce(0, +)]).map { String(format: "%16.0f", $0) }.joined())
        }
        if let json {
            struct Document: Encodable {
                var asOf: String, standard: String, scenarios: [Entry], weighted: ReportingDateECL
                struct Entry: Encodable { var id: String, weight: Double, ecl: ReportingDateECL }
                enum CodingKeys: String, CodingKey { case asOf = "as_of", standard, scenarios, weighted }
            }
            let document = Document(asOf: sheet.asOf, standard: standard,
                                    scenarios: zip(scenarios, each).map { .init(id: $0.0.0.scenario.id, weight: $0.1.weight, ecl: $0.1.ecl) },
                                    weighted: weighted)
            let data = try JSONDocument.encode(document)
            let temporary = json + ".partial-\(getpid())"
            try data.write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: json) { try FileManager.default.removeItem(atPath: json) }
            try FileManager.default.moveItem(atPath: temporary, toPath: json)
            print(json)
        }
    }
}
