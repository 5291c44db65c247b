import CapitalEngine
import CreditEngine
import IncomeEngine
import ProvisionsEngine
import FactorModel
import Foundation
import Inputs
import RunStore
import LiquidityEngine
import RegulatoryTemplates
import Reports
import StressCore
import StressRun
import VaREngine

/// One run from files to files: resolve and hash the inputs, record the run in
/// the store, load and validate, compute the results, and write the outputs
/// atomically; then record the outputs and key figures (or the failure).
/// Engines are called through StressRun; this type only does the I/O around them.
public struct RunJob {
    public var portfolioPath: String
    public var balanceSheetPath: String
    public var scenarioPaths: [String]
    public var pack: String
    public var asOf: String?
    public var seed: UInt64
    public var threads: Int
    public var outDirectory: String?
    /// Monte Carlo paths of the credit VaR (importance-sampled, single-factor Basel copula).
    public var paths: Int = 10_000
    /// The run store to record in; nil runs unrecorded (`runs verify` re-executions).
    public var store: RunStore?
    /// Framework files and rate tables; by default those under the StressPack home.
    public var environment = RunEnvironment.bundled
    /// How each file is named in the results, manifest and findings: the path as
    /// the user gave it, or for a re-verification the path recorded originally.
    public var displayPath: [String: String] = [:]
    /// Analyses left out of the run (`--skip`).
    public var skip: Set<SkippedAnalysis> = []

    public init(portfolioPath: String, balanceSheetPath: String, scenarioPaths: [String], pack: String, asOf: String?,
                seed: UInt64, threads: Int, outDirectory: String?, paths: Int = 10_000, store: RunStore?,
                environment: RunEnvironment = .bundled, displayPath: [String: String] = [:],
                skip: Set<SkippedAnalysis> = []) {
        self.skip = skip
        self.portfolioPath = portfolioPath
        self.balanceSheetPath = balanceSheetPath
        self.scenarioPaths = scenarioPaths
        self.pack = pack
        self.asOf = asOf
        self.seed = seed
        self.threads = threads
        self.outDirectory = outDirectory
        self.paths = paths
        self.store = store
        self.environment = environment
        self.displayPath = displayPath
    }

    public struct Outcome {
        public var runID: String
        public var directory: URL
        public var files: [URL]
        public var results: RunResults
        /// Where the time went (the run store and `runs show`; never in the outputs).
        public var stages: [StageTimings.Stage] = []
    }

    /// How a file is named in results.json, the manifest and the reports: relative to
    /// the project (bundled scenarios, frameworks, tables, templates) or to the current
    /// directory when under them, so the same run reads the same on any checkout.
    public func display(_ path: String) -> String {
        if let shown = displayPath[path] { return shown }
        for root in [ProjectPaths.home.standardizedFileURL.path, FileManager.default.currentDirectoryPath] {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if path.hasPrefix(prefix), path.count > prefix.count { return String(path.dropFirst(prefix.count)) }
        }
        return path
    }

    public func execute(progress: ProgressReporter) throws -> Outcome {
        let started = Date()
        let files = try RunInputs.resolve(self)
        let inputs = files.map { InputFile(role: $0.role, path: display($0.path), sha256: $0.sha256, bytes: $0.bytes) }
        let asOf = self.asOf ?? files.asOf ?? "unknown"
        let runID = Self.runID(inputs: inputs, pack: pack, asOf: asOf, seed: seed, skip: skip)
        let recording = try RunRecording.begin(store: store, runID: runID, job: self, asOf: asOf, files: files,
                                               inputs: inputs, started: started, progress: progress)
        do {
            let outcome = try compute(runID: runID, asOf: asOf, inputs: inputs, files: files, progress: progress)
            try recording?.finish(outcome: outcome, started: started)
            return outcome
        } catch {
            recording?.fail(error, started: started)
            throw error
        }
    }

    private func compute(runID: String, asOf: String, inputs: [InputFile], files: RunInputs,
                         progress: ProgressReporter) throws -> Outcome {
        let inputFiles = files
        let clock = StageTimings()
        progress.note("loading portfolio \(display(portfolioPath))")
        let portfolio = try PortfolioCSV.load(path: portfolioPath)
        progress.note("loaded \(portfolio.portfolio.count) exposures")
        clock.lap("load portfolio")
        let balanceSheet = try BalanceSheetFile.load(path: balanceSheetPath)
        let regulatoryDefinitions = try RegulatoryTemplateOutputs.load(inputFiles.regulatoryTemplates, display: display)
        var scenarios: [LoadedScenario] = []
        for path in scenarioPaths { scenarios.append(try ScenarioFile.load(path: path)) }
        var seen: [String: String] = [:]
        for (s, path) in zip(scenarios, scenarioPaths) {
            if let other = seen[s.scenario.id] {
                throw InputError(file: display(path), key: "id",
                                 message: "scenario id '\(s.scenario.id)' is also used by \(display(other))")
            }
            seen[s.scenario.id] = path
        }

        // Framework files (satellite coefficients, PD floors) of the frameworks in the run.
        var frameworkSettings: [Framework: (settings: FrameworkSettings, path: String)] = [:]
        for (framework, path) in files.frameworkFiles {
            frameworkSettings[framework] = (try FrameworkFile.load(path: path), display(path))
        }

        // The liquidity rate table; balance-sheet categories are checked against it
        // here, where the file's lines are known.
        var liquidityRates = LiquidityRates.basel
        if let tablePath = files.liquidityTable {
            let table = try LiquidityTableFile.load(path: tablePath)
            if balanceSheet.balanceSheet.liquidity != nil {
                try BalanceSheetLiquidityCategories.check(path: balanceSheetPath, table: table)
            }
            liquidityRates = LiquidityRates(table)
        }

        clock.lap("load balance sheet, scenarios, frameworks, templates")
        // Risk weights of every exposure (IRB, Basel III PD floors by class), for
        // stressed RWA per period and the reverse stress (METHODOLOGY §3).
        let rwaModel: PortfolioRWA
        do {
            rwaModel = try PortfolioRWA(portfolio: portfolio.portfolio, options: RWAOptions(threads: threads))
        } catch {
            throw InputError(file: display(portfolioPath), message: "risk weights: \(error)")
        }

        var findings = portfolio.findings + balanceSheet.findings + scenarios.flatMap(\.findings)

        // Each framework's RWA rules (its file's capital: block) and the columns they need:
        // IRB with the rating philosophy, the standardised weights of the named table.
        var standardisedWeights: [String: StandardisedExposureWeights] = [:]
        for (name, path) in inputFiles.riskWeightTables.sorted(by: { $0.key < $1.key }) {
            let table = StandardisedRiskWeights(try StandardisedTableFile.load(path: path))
            do {
                let weights = try StandardisedExposureWeights(portfolio: portfolio.portfolio, table: table)
                standardisedWeights[name] = weights
                findings += StandardisedFindings.of(weights, table: display(path))
            } catch {
                throw InputError(file: display(path), message: "risk weights: \(error)")
            }
        }
        var capitalRules: [Framework: CapitalRules] = [:]
        var rwaColumns: [Framework: RWAColumns] = [:]
        for framework in Set(scenarios.map(\.scenario.framework)) {
            let rules = frameworkSettings[framework]?.settings.capital ?? .pointInTime
            capitalRules[framework] = rules
            rwaColumns[framework] = FrameworkRWAColumns.make(
                rules: rules, irb: rwaModel, standardised: rules.standardisedTable.flatMap { standardisedWeights[$0] })
        }

        // Each framework's provisioning rules (its file's provisions: block) on the book.
        var provisionSetups: [Framework: ProvisionSetup] = [:]
        for framework in Set(scenarios.map(\.scenario.framework)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let settings = frameworkSettings[framework]?.settings
            let rules = settings?.provisions ?? .defaults(for: framework)
            let floor = settings?.pdFloor ?? SatelliteDefaults.pdFloor(framework)
            let book = ProvisionBook(portfolio: portfolio.portfolio, rules: rules, pdFloor: floor,
                                     asOf: balanceSheet.balanceSheet.asOf)
            provisionSetups[framework] = ProvisionSetup(book: book, rules: rules, portfolio: portfolio.portfolio)
            for (what, count) in book.stageDisagreements.sorted(by: { $0.key < $1.key }) {
                findings.append(DataQualityFinding(
                    severity: .info, file: display(portfolioPath), field: "stage",
                    message: "\(count) exposures: \(what) of the \(framework.rawValue) provisioning rules; the bank's stage is kept at jump-off"))
            }
        }
        if !portfolio.portfolio.hasCreditQuality {
            findings.append(DataQualityFinding(
                severity: .info, file: display(portfolioPath), field: "stage",
                message: "no stage, default_flag or provision column: every exposure starts performing in the stage the "
                    + "significant-increase test gives, with the model's jump-off provisions"))
        }

        // The jump-off book as COREP and Pillar 3 slice it, under the EU's rules where the run
        // has an EBA scenario (else the Bank of England's, else the first framework's).
        var regulatoryFacts: RegulatoryFacts? = nil
        let runFrameworks = scenarios.map(\.scenario.framework)
        if let basis = [Framework.eba, .boe].first(where: runFrameworks.contains) ?? runFrameworks.first,
           let rules = capitalRules[basis], let setup = provisionSetups[basis],
           let frequency = scenarios.first(where: { $0.scenario.framework == basis })?.scenario.frequency {
            regulatoryFacts = RegulatoryFactsBuilder.build(.init(
                framework: basis, rules: rules, portfolio: portfolio.portfolio, irb: rwaModel,
                standardised: rules.standardisedTable.flatMap { standardisedWeights[$0] }, provisions: setup,
                frequency: frequency,
                pdFloor: frameworkSettings[basis]?.settings.pdFloor ?? SatelliteDefaults.pdFloor(basis), threads: threads))
        }

        // Interest rate risk in the banking book (BCBS d368), once per run; its duration gap
        // replaces the balance sheet's single figure in the RBI sensitivity.
        var sheet = balanceSheet.balanceSheet
        var irrbb: IRRBBResult? = nil
        if let book = sheet.bankingBook {
            let measured = IRRBB.measure(.init(bankingBook: book, currency: sheet.currency, tier1: sheet.capital.tier1,
                                               balanceSheetFile: display(balanceSheetPath)))
            irrbb = measured
            findings += measured.findings
            if sheet.rbi != nil, measured.durationGap.isFinite {
                sheet.rbi!.durationGap = measured.durationGap
                findings.append(DataQualityFinding(
                    severity: .info, file: display(balanceSheetPath), field: "rbi.duration_gap",
                    message: "the RBI interest-rate sensitivity uses the banking book's duration gap "
                        + String(format: "%.2f", measured.durationGap) + " years, not the figure in the file"))
            }
        }

        clock.lap("risk weights, provision books, jump-off facts, IRRBB")
        for analysis in skip.sorted() {
            findings.append(DataQualityFinding(
                severity: .info, file: "command line", field: "--skip",
                message: "\(analysis.rawValue) left out at the user's request (--skip \(analysis.rawValue)): "
                    + "no \(analysis.title) in results.json "
                    + "or the reports"))
        }
        var scenarioResults: [ScenarioResult] = []
        for (loaded, path) in zip(scenarios, scenarioPaths) {
            progress.note("scenario \(loaded.scenario.id)")
            let settings = frameworkSettings[loaded.scenario.framework]
            let (result, scenarioFindings) = try ScenarioRunner.run(.init(
                scenario: loaded.scenario, scenarioFile: display(path), portfolio: portfolio.portfolio,
                balanceSheet: sheet, balanceSheetFile: display(balanceSheetPath),
                settings: settings?.settings, frameworkFile: settings?.path, liquidityRates: liquidityRates,
                rwaModel: rwaModel, rwaColumns: rwaColumns[loaded.scenario.framework],
                capitalRules: capitalRules[loaded.scenario.framework] ?? .pointInTime,
                provisions: provisionSetups[loaded.scenario.framework],
                rateJumpOff: ScenarioRateJumpOffs.bundled[loaded.scenario.id] ?? [:], threads: threads, timings: clock,
                attribution: !skip.contains(.attribution), reverseStress: !skip.contains(.reverseStress)))
            clock.lap("\(loaded.scenario.id): all stages")
            scenarioResults.append(result)
            findings += scenarioFindings
        }
        // VaR and factor risk are about defaults to come: the book less exposures already in
        // default (provisioned; their loss is the provisions engine's).
        let performingBook = portfolio.portfolio.performing()
        if performingBook.count < portfolio.portfolio.count {
            findings.append(DataQualityFinding(
                severity: .info, file: display(portfolioPath), field: "stage",
                message: "\(portfolio.portfolio.count - performingBook.count) exposures in default at jump-off are left "
                    + "out of the credit VaR and the factor risk (their loss is provisioned)"))
        }
        // Factor risk of the credit book (market, sector, country), METHODOLOGY §5.
        var factorRisk: FactorRiskReport?
        if let market = environment.marketFactors {
            let model = try FactorData.creditModel(famaFrenchPath: market)
            let report = try PortfolioFactorRisk.report(portfolio: performingBook, model: model)
            findings += report.findings
            factorRisk = report
        }
        // Credit VaR / ES / economic capital of the jump-off book (METHODOLOGY §6):
        // Philox streams keyed by (seed, path), so any thread count gives the same bytes.
        let paths = self.paths
        clock.lap("factor risk")
        progress.note("credit VaR: \(paths) paths")
        let creditVaR: VaRResult
        do {
            creditVaR = try CreditVaR.run(
                portfolio: performingBook,
                configuration: VaRConfiguration(paths: paths, seed: seed, importanceSampling: .automatic),
                threads: threads, progress: { progress.update("VaR paths", done: $0, total: paths) })
        } catch {
            throw UsageError(message: "credit VaR: \(error)")
        }
        clock.lap("credit VaR")
        // The headline scenarios beside the published aggregates of their exercises.
        var calibration: [CalibrationRow]? = nil
        if let path = inputFiles.publishedOutcomes {
            let rows = Calibration.rows(scenarios: scenarioResults, published: try PublishedOutcomesFile.load(path: path))
            if !rows.isEmpty { calibration = rows }
        }
        findings = findings.map { var f = $0; f.file = display(f.file); return f }
        var results = RunResults(
            run: RunInfo(id: runID, asOf: asOf, seed: seed, pack: pack, inputs: inputs),
            portfolio: PortfolioSummary(portfolio.portfolio),
            balanceSheet: BalanceSheetSummary(balanceSheet.balanceSheet),
            scenarios: scenarioResults, factorRisk: factorRisk, creditVaR: creditVaR, calibration: calibration, irrbb: irrbb,
            regulatoryFacts: regulatoryFacts, dataQuality: DataQuality(findings: findings))

        // The regulators' templates the pack lists, filled from the results (results.json
        // then records which were filled and how their validation rules went).
        clock.lap("calibration and results")
        let regulatory = try RegulatoryTemplateOutputs.fill(results: results, definitions: regulatoryDefinitions)
        clock.lap("fill regulatory templates")
        if !regulatory.filled.isEmpty {
            results.regulatoryTemplates = regulatory.summaries
            results.dataQuality = DataQuality(findings: findings + regulatory.findings)
        }

        // MARK: Outputs (written under a staging name, renamed into place together)
        let directory = URL(fileURLWithPath: outDirectory ?? "reports/\(runID)")
        let output = try AtomicOutput(destination: directory)
        do {
            let resultsData = try JSONDocument.encode(results)
            try output.write(resultsData, to: "results.json")
            clock.lap("write results.json")
            let resultsDigest = FileDigest.sha256(data: resultsData)

            // The pack's workbook, laid out by templates/<pack>.yaml.
            let workbookName = "\(pack).xlsx"
            progress.note("writing \(workbookName)")
            let template = try ReportTemplateFile.load(path: inputFiles.template!)
            let workbookPath = output.stagingPath(workbookName).path
            try WorkbookRenderer.render(
                results: results, portfolio: portfolio.portfolio, scenarios: scenarios.map(\.scenario),
                template: template,
                outputs: [InputFile(role: "results", path: "results.json", sha256: resultsDigest, bytes: resultsData.count)],
                to: workbookPath)
            let workbookDigest = try FileDigest.sha256(path: workbookPath)
            clock.lap("render \(workbookName)")
            var written: [Manifest.Output] = [.init(path: "results.json", sha256: resultsDigest, bytes: resultsData.count),
                                              .init(path: workbookName, sha256: workbookDigest.hex, bytes: workbookDigest.bytes)]

            // The board pack PDF, pages as the template lists them (none: no PDF).
            let pdfName = "\(pack).pdf"
            if !template.pages.isEmpty {
                progress.note("writing \(pdfName)")
                let pdfPath = output.stagingPath(pdfName).path
                try BoardPackRenderer.render(
                    results: results, scenarios: scenarios.map(\.scenario), template: template,
                    outputs: written.map { InputFile(role: $0.path == "results.json" ? "results" : "workbook",
                                                     path: $0.path, sha256: $0.sha256, bytes: $0.bytes) },
                    to: pdfPath)
                let pdfDigest = try FileDigest.sha256(path: pdfPath)
                clock.lap("render \(pdfName)")
                written.append(.init(path: pdfName, sha256: pdfDigest.hex, bytes: pdfDigest.bytes))
            }

            // The filled templates: one workbook, one CSV each with the regulator's codes.
            if !regulatory.filled.isEmpty {
                let name = "\(pack)-templates.xlsx"
                progress.note("writing \(name)")
                let path = output.stagingPath(name).path
                try RegulatoryTemplatesWorkbook.render(
                    regulatory.filled,
                    heading: .init(runID: runID, asOf: asOf, engineVersion: EngineVersion.current, pack: pack,
                                   currency: results.balanceSheet?.currency ?? ""),
                    to: path)
                let digest = try FileDigest.sha256(path: path)
                written.append(.init(path: name, sha256: digest.hex, bytes: digest.bytes))
                try FileManager.default.createDirectory(at: output.stagingPath("templates"), withIntermediateDirectories: true)
                for t in regulatory.filled {
                    let data = Data(TemplateCSV.render(t, currency: results.balanceSheet?.currency ?? "").utf8)
                    let csv = RegulatoryTemplateOutputs.csvName(t)
                    try output.write(data, to: csv)
                    written.append(.init(path: csv, sha256: FileDigest.sha256(data: data), bytes: data.count))
                }
            }

            if !regulatory.filled.isEmpty { clock.lap("render \(pack)-templates.xlsx and CSVs") }
            let manifest = Manifest(
                runID: runID, engineVersion: EngineVersion.current, asOf: asOf, seed: seed,
                parameters: .init(pack: pack, scenarios: scenarios.map(\.scenario.id),
                                  skip: skip.isEmpty ? nil : skip.sorted().map(\.rawValue)),
                inputs: inputs, outputs: written)
            try output.write(try JSONDocument.encode(manifest), to: "manifest.json")
            let files = try output.commit(written.map(\.path) + ["manifest.json"])
            clock.lap("write manifest and commit")
            return Outcome(runID: runID, directory: directory, files: files, results: results, stages: clock.stages)
        } catch {
            output.abandon()
            throw error
        }
    }

    /// A run is named by what it is made of: the same inputs, pack, as-of date,
    /// seed and engine version give the same id (METHODOLOGY §7). Skipped analyses change
    /// the outputs, so they name a different run (and a different default output folder);
    /// a run that skips nothing keeps the id it always had.
    public static func runID(inputs: [InputFile], pack: String, asOf: String, seed: UInt64,
                             skip: Set<SkippedAnalysis> = []) -> String {
        var text = "engine=\(EngineVersion.current)\npack=\(pack)\nas_of=\(asOf)\nseed=\(seed)\n"
        if !skip.isEmpty { text += "skip=" + skip.sorted().map(\.rawValue).joined(separator: ",") + "\n" }
        for input in inputs { text += "\(input.role)=\(input.sha256)\n" }
        return "run-" + asOf.replacingOccurrences(of: "-", with: "") + "-"
            + FileDigest.sha256(data: Data(text.utf8)).prefix(10)
    }
}

/// `manifest.json` (INTERFACES.md).
public struct Manifest: Codable {
    public var runID: String
    public var engineVersion: String
    public var asOf: String
    public var seed: UInt64
    public var parameters: Parameters
    public var inputs: [InputFile]
    public var outputs: [Output]

    public struct Parameters: Codable {
        public var pack: String
        public var scenarios: [String]
        /// Analyses left out (`--skip`); absent when none, so earlier manifests read the same.
        public var skip: [String]?
    }

    public struct Output: Codable {
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    public enum CodingKeys: String, CodingKey {
        case runID = "run_id", engineVersion = "engine_version", asOf = "as_of", seed
        case parameters, inputs, outputs
    }
}

/// JSON with sorted keys and a fixed layout, so equal values give equal bytes.
public enum JSONDocument {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
