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
    /// The portfolio already parsed, as a column file of the same CSV (a shard plan's);
    /// read instead of parsing `portfolioPath` again. The CSV is still the hashed input.
    public var portfolioColumns: String?
    /// A calibrated PD model (`pd calibrate`) whose grade PDs and ratings replace the book's
    /// `pd` and `rating` columns before the engines read them; the book carries the model's
    /// characteristics as extra columns. The model file is an input like any other.
    public var pdModelPath: String?
    /// A sample with observed outcomes on which the run validates the PD model; the pack then
    /// holds `pd-validation.json` and `pd-validation.xlsx` (needs `pdModelPath`).
    public var pdValidationSamplePath: String?
    /// How many parts a sharded run splits each scenario's attribution into (its plan's
    /// `attribution` units); 1: the scenario unit computes its own.
    public var attributionParts = 1
    /// The validation's traffic-light thresholds (default `tables/pd-validation-thresholds.yaml`).
    public var pdValidationThresholdsPath: String?
    /// Where `<run-id>/` goes when no output folder is given (default `reports`; a server's `--reports`).
    public var outputRoot: String?

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
        /// The run's record in the store (`run-…#key`), when recorded.
        public var storeKey: Int64?
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
        try execute(progress: progress, computed: nil)
    }

    /// The run, with its units' results taken from `computed` where given (a shard merge)
    /// rather than computed here; everything else is the single-machine path.
    func execute(progress: ProgressReporter, computed: ComputedUnits?) throws -> Outcome {
        let started = Date()
        let files = try RunInputs.resolve(self)
        let inputs = files.map { InputFile(role: $0.role, path: display($0.path), sha256: $0.sha256, bytes: $0.bytes) }
        let asOf = self.asOf ?? files.asOf ?? "unknown"
        let runID = Self.runID(inputs: inputs, pack: pack, asOf: asOf, seed: seed, skip: skip)
        if let computed, computed.runID != runID {
            throw UsageError(message: "the partials are of run \(computed.runID), these inputs make \(runID)")
        }
        let recording = try RunRecording.begin(store: store, runID: runID, job: self, asOf: asOf, files: files,
                                               inputs: inputs, started: started, progress: progress)
        do {
            var outcome = try compute(runID: runID, asOf: asOf, inputs: inputs, files: files, computed: computed,
                                      progress: progress)
            outcome.storeKey = recording?.key
            try recording?.finish(outcome: outcome, started: started)
            return outcome
        } catch {
            recording?.fail(error, started: started)
            throw error
        }
    }

    /// Units computed elsewhere (by the shards of a plan), with where their time went.
    struct ComputedUnits {
        var runID: String
        var results: [RunUnit: UnitResult]
        var stages: [StageTimings.Stage]
    }

    private func compute(runID: String, asOf: String, inputs: [InputFile], files: RunInputs, computed: ComputedUnits?,
                         progress: ProgressReporter) throws -> Outcome {
        let clock = StageTimings()
        var context = try RunContext.prepare(job: self, files: files, purpose: .everything, clock: clock,
                                             progress: progress)
        var units: [UnitResult] = []
        // How the plan split the VaR's paths (checked to cover them when the plan was read).
        let varBatches = computed.map { $0.results.keys.compactMap(\.pathRange).sorted { $0.lowerBound < $1.lowerBound } }
            ?? [0..<paths]
        let parts = computed.map { RunUnit.attributionParts($0.results.keys) } ?? 1
        let all = RunUnit.all(scenarios: context.scenarios.count, varBatches: varBatches, attributionParts: parts)
        if var computed {
            // A book split into exposure ranges: each scenario finished here from the ranges' sums.
            for (unit, result) in try finishScenarios(from: computed.results, in: context, clock: clock,
                                                      progress: progress) {
                computed.results[unit] = result
            }
            context.releaseScenarioInputs()
            for unit in all {
                guard let result = computed.results[unit] else {
                    throw UsageError(message: "no shard computed \(unit.label)")
                }
                units.append(result)
            }
        } else {
            units = try compute(all, in: &context, clock: clock, progress: progress)
        }
        for stage in computed?.stages ?? [] { clock.record(stage) }
        return try assemble(runID: runID, asOf: asOf, inputs: inputs, files: files, context: context, units: units,
                            clock: clock, progress: progress)
    }

    /// The results from the units' results in run order, then every output written and
    /// committed together: the one path by which a single-machine run and a shard merge
    /// produce their bytes.
    func assemble(runID: String, asOf: String, inputs: [InputFile], files inputFiles: RunInputs, context: RunContext,
                  units: [UnitResult], clock: StageTimings, progress: ProgressReporter) throws -> Outcome {
        let portfolio = context.portfolio
        let balanceSheet = context.balanceSheet
        let scenarios = context.scenarios
        var findings = context.findings
        var scenarioResults: [ScenarioResult] = []
        var factorRisk: FactorRiskReport?
        var batches: [VaRPathBatch] = []
        var attributionParts: [Int: [AttributionPart]] = [:]
        for unit in units {
            switch unit {
            case .scenario(let result, let unitFindings):
                scenarioResults.append(result)
                findings += unitFindings
            case .portfolioRisk(let report, let unitFindings):
                factorRisk = report
                findings += unitFindings
            case .varPaths(let batch):
                batches.append(batch)
            case .attribution(let part):
                attributionParts[part.scenario, default: []].append(part)
            case .exposures:
                break  // finished into their scenarios' results (`finishScenarios`)
            }
        }
        // Attributions computed in parts by the shards: v on every coalition, the full one
        // the scenario's own figures, as the single run computes it.
        for (index, parts) in attributionParts {
            let own = scenarioResults[index]
            guard let credit = own.credit, let capital = own.capital else { continue }
            scenarioResults[index].attribution = AttributionPart.assemble(
                parts, stressed: (credit.cumulativeEL, capital.minCET1Ratio))
        }
        // The VaR's estimates and tail pass, on the whole (performing) book.
        let creditVaR: VaRResult
        do {
            creditVaR = try CreditVaR.result(portfolio: context.performingBook, configuration: varConfiguration,
                                             batches: batches, threads: threads)
        } catch {
            throw UsageError(message: "credit VaR: \(error)")
        }
        clock.lap("credit VaR estimates and tail pass")
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
            scenarios: scenarioResults, factorRisk: factorRisk, creditVaR: creditVaR, calibration: calibration,
            irrbb: context.irrbb, regulatoryFacts: context.regulatoryFacts, dataQuality: DataQuality(findings: findings))

        // The regulators' templates the pack lists, filled from the results (results.json
        // then records which were filled and how their validation rules went).
        clock.lap("calibration and results")
        let regulatory = try RegulatoryTemplateOutputs.fill(results: results, definitions: context.regulatoryDefinitions,
                                                            threads: threads)
        clock.lap("fill regulatory templates")
        if !regulatory.filled.isEmpty {
            results.regulatoryTemplates = regulatory.summaries
            results.dataQuality = DataQuality(findings: findings + regulatory.findings)
        }

        // MARK: Outputs (written under a staging name, renamed into place together)
        let directory = URL(fileURLWithPath: outDirectory ?? "\(outputRoot ?? "reports")/\(runID)")
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

            // The PD model's validation on the bank's sample, in the pack beside the stress results.
            if let model = pdModelPath, let sample = pdValidationSamplePath, let thresholds = inputFiles.pdValidationThresholds {
                progress.note("validating the PD model on \(display(sample))")
                let report = try PDModelScoring.validate(modelPath: model, samplePath: sample, thresholdsPath: thresholds,
                                                         display: display)
                let json = try JSONDocument.encode(report)
                try output.write(json, to: "pd-validation.json")
                written.append(.init(path: "pd-validation.json", sha256: FileDigest.sha256(data: json), bytes: json.count))
                let sha = { (role: String) in inputFiles.first { $0.role == role }?.sha256 ?? "" }
                let provenance = ValidationWorkbook.Provenance(
                    model: display(model), modelSHA256: sha("pd_model"), data: display(sample),
                    dataSHA256: sha("pd_validation_sample"), reference: nil, asOf: asOf, thresholds: display(thresholds))
                try ValidationWorkbook.render(report, provenance: provenance,
                                              to: output.stagingPath("pd-validation.xlsx").path)
                try ValidationPDF.render(report, provenance: provenance, to: output.stagingPath("pd-validation.pdf").path)
                for name in ["pd-validation.xlsx", "pd-validation.pdf"] {
                    let digest = try FileDigest.sha256(path: output.stagingPath(name).path)
                    written.append(.init(path: name, sha256: digest.hex, bytes: digest.bytes))
                }
                clock.lap("validate the PD model")
            }
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
