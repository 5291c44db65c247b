import Foundation
import Inputs
import LiquidityEngine
import StressCore
import StressRun

/// One run from files to files: load and validate the inputs, compute the
/// results, and write results.json and manifest.json atomically. Engines are
/// called through StressRun; this type only does the I/O around them.
struct RunJob {
    var portfolioPath: String
    var balanceSheetPath: String
    var scenarioPaths: [String]
    var pack: String
    var asOf: String?
    var seed: UInt64
    var threads: Int
    var outDirectory: String?

    struct Outcome {
        var runID: String
        var directory: URL
        var files: [URL]
        var results: RunResults
    }

    func execute(progress: ProgressReporter) throws -> Outcome {
        progress.note("loading portfolio \(portfolioPath)")
        let portfolio = try PortfolioCSV.load(path: portfolioPath)
        progress.note("loaded \(portfolio.portfolio.count) exposures")
        let balanceSheet = try BalanceSheetFile.load(path: balanceSheetPath)
        var scenarios: [LoadedScenario] = []
        for path in scenarioPaths { scenarios.append(try ScenarioFile.load(path: path)) }
        var seen: [String: String] = [:]
        for (s, path) in zip(scenarios, scenarioPaths) {
            if let other = seen[s.scenario.id] {
                throw InputError(file: path, key: "id",
                                 message: "scenario id '\(s.scenario.id)' is also used by \(other)")
            }
            seen[s.scenario.id] = path
        }

        // Framework files (satellite coefficients, PD floors) of the frameworks in the run.
        var frameworkSettings: [Framework: (settings: FrameworkSettings, path: String)] = [:]
        for framework in Set(scenarios.map(\.scenario.framework)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let path = ProjectPaths.frameworkFile(framework)
            if FileManager.default.fileExists(atPath: path) {
                frameworkSettings[framework] = (try FrameworkFile.load(path: path), path)
            }
        }

        // The liquidity rate table; balance-sheet categories are checked against it
        // here, where the file's lines are known.
        let liquidityTablePath = ProjectPaths.home.appendingPathComponent("tables/liquidity-basel.yaml").path
        var liquidityRates = LiquidityRates.basel
        let hasLiquidityTable = FileManager.default.fileExists(atPath: liquidityTablePath)
        if hasLiquidityTable {
            let table = try LiquidityTableFile.load(path: liquidityTablePath)
            if balanceSheet.balanceSheet.liquidity != nil {
                try BalanceSheetLiquidityCategories.check(path: balanceSheetPath, table: table)
            }
            liquidityRates = LiquidityRates(table)
        }

        var inputs = [try inputFile(role: "portfolio", path: portfolioPath),
                      try inputFile(role: "balance_sheet", path: balanceSheetPath)]
        if hasLiquidityTable { inputs.append(try inputFile(role: "liquidity_rates", path: liquidityTablePath)) }
        for path in scenarioPaths { inputs.append(try inputFile(role: "scenario", path: path)) }
        for framework in frameworkSettings.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            inputs.append(try inputFile(role: "framework", path: frameworkSettings[framework]!.path))
        }
        let asOf = self.asOf ?? balanceSheet.balanceSheet.asOf
        let runID = Self.runID(inputs: inputs, pack: pack, asOf: asOf, seed: seed)

        var findings = portfolio.findings + balanceSheet.findings + scenarios.flatMap(\.findings)
        var scenarioResults: [ScenarioResult] = []
        for (loaded, path) in zip(scenarios, scenarioPaths) {
            progress.note("scenario \(loaded.scenario.id)")
            let settings = frameworkSettings[loaded.scenario.framework]
            let (result, scenarioFindings) = try ScenarioRunner.run(.init(
                scenario: loaded.scenario, scenarioFile: path, portfolio: portfolio.portfolio,
                balanceSheet: balanceSheet.balanceSheet, balanceSheetFile: balanceSheetPath,
                settings: settings?.settings, frameworkFile: settings?.path, liquidityRates: liquidityRates,
                threads: threads))
            scenarioResults.append(result)
            findings += scenarioFindings
        }
        let results = RunResults(
            run: RunInfo(id: runID, asOf: asOf, seed: seed, pack: pack, inputs: inputs),
            portfolio: PortfolioSummary(portfolio.portfolio),
            balanceSheet: BalanceSheetSummary(balanceSheet.balanceSheet),
            scenarios: scenarioResults,
            dataQuality: DataQuality(findings: findings))

        let directory = URL(fileURLWithPath: outDirectory ?? "reports/\(runID)")
        let output = try AtomicOutput(destination: directory)
        do {
            let resultsData = try JSONDocument.encode(results)
            try output.write(resultsData, to: "results.json")
            let manifest = Manifest(
                runID: runID, engineVersion: EngineVersion.current, asOf: asOf, seed: seed,
                parameters: .init(pack: pack, scenarios: scenarios.map(\.scenario.id)),
                inputs: inputs,
                outputs: [.init(path: "results.json", sha256: FileDigest.sha256(data: resultsData),
                                bytes: resultsData.count)])
            try output.write(try JSONDocument.encode(manifest), to: "manifest.json")
            let files = try output.commit(["results.json", "manifest.json"])
            return Outcome(runID: runID, directory: directory, files: files, results: results)
        } catch {
            output.abandon()
            throw error
        }
    }

    private func inputFile(role: String, path: String) throws -> InputFile {
        let digest = try FileDigest.sha256(path: path)
        return InputFile(role: role, path: path, sha256: digest.hex, bytes: digest.bytes)
    }

    /// A run is named by what it is made of: the same inputs, pack, as-of date,
    /// seed and engine version give the same id (METHODOLOGY §7).
    static func runID(inputs: [InputFile], pack: String, asOf: String, seed: UInt64) -> String {
        var text = "engine=\(EngineVersion.current)\npack=\(pack)\nas_of=\(asOf)\nseed=\(seed)\n"
        for input in inputs { text += "\(input.role)=\(input.sha256)\n" }
        return "run-" + asOf.replacingOccurrences(of: "-", with: "") + "-"
            + FileDigest.sha256(data: Data(text.utf8)).prefix(10)
    }
}

/// `manifest.json` (INTERFACES.md).
struct Manifest: Codable {
    var runID: String
    var engineVersion: String
    var asOf: String
    var seed: UInt64
    var parameters: Parameters
    var inputs: [InputFile]
    var outputs: [Output]

    struct Parameters: Codable {
        var pack: String
        var scenarios: [String]
    }

    struct Output: Codable {
        var path: String
        var sha256: String
        var bytes: Int
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", engineVersion = "engine_version", asOf = "as_of", seed
        case parameters, inputs, outputs
    }
}

/// JSON with sorted keys and a fixed layout, so equal values give equal bytes.
enum JSONDocument {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
