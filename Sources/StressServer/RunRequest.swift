import Foundation
import Inputs
import RunStore
import StressCore
import StressPipeline

/// `POST /api/v1/runs`, checked before it is queued (422 naming the key), then run by a
/// worker through the same RunJob as `stresspack run`: every input comes out of the
/// store by its SHA-256, and the run is recorded there like any other.
struct RunRequest: Sendable {
    /// A file the run reads: its content in the store, and how the run names it.
    struct StoredInput: Sendable {
        var sha256: String
        var shownAs: String
        var fileName: String
    }

    var portfolio: StoredInput
    var balanceSheet: StoredInput
    /// A calibrated PD model that grades the book first (`run --pd-model`).
    var pdModel: StoredInput?
    /// Bundled scenario files (read where they are), and uploaded ones (from the store).
    var bundledScenarios: [String]
    var uploadedScenarios: [StoredInput]
    var pack: String
    var seed: UInt64
    var paths: Int
    var asOf: String?
    var skip: [String]

    static let keys: Set<String> = ["portfolio", "balance_sheet", "pd_model", "inputs_of", "scenarios", "frameworks", "pack",
                                    "seed", "paths", "as_of", "skip"]
    static let packs = ["quarterly-submission", "board", "audit"]
    static let maxPaths = 10_000_000

    /// Two requests for the same run share one job.
    var key: String {
        "run \(portfolio.sha256) \(balanceSheet.sha256) \(pdModel?.sha256 ?? "-") \(bundledScenarios) \(uploadedScenarios.map(\.sha256)) "
            + "\(pack) \(seed) \(paths) \(asOf ?? "-") \(skip.sorted())"
    }

    /// The body as sent; types are checked by the decoder, values below.
    struct Body: Decodable {
        var portfolio: String?
        var balanceSheet: String?
        var pdModel: String?
        var inputsOf: String?
        var scenarios: [String]?
        var frameworks: [String]?
        var pack: String?
        var seed: UInt64?
        var paths: Int?
        var asOf: String?
        var skip: [String]?
        enum CodingKeys: String, CodingKey {
            case portfolio, balanceSheet = "balance_sheet", pdModel = "pd_model", inputsOf = "inputs_of", scenarios, frameworks, pack, seed,
                 paths, asOf = "as_of", skip
        }
    }

    static func parse(_ object: [String: Any], data: Data, state: ServerState) throws -> RunRequest {
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw APIError.unprocessable("unknown key '\(unknown)': expected \(keys.sorted().joined(separator: ", "))")
        }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: data)
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.unprocessable("'\(key)' must be \(type == String.self ? "a string" : type == [String].self ? "a list of strings" : "a whole number")")
        } catch DecodingError.dataCorrupted(let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.unprocessable("'\(key)': \(context.debugDescription)")
        }
        let store = state.store
        // The book and the bank: a stored portfolio and an uploaded balance sheet, or those of an earlier run.
        var portfolio: StoredInput?
        var balanceSheet: StoredInput?
        var pdModel: StoredInput?
        if let reference = body.inputsOf {
            // A body naming a run that is not there is an invalid request (422), not a missing resource.
            guard let record = try store.run(reference) else {
                throw APIError.unprocessable("'inputs_of': no run '\(reference)' in the store")
            }
            let inputs = try store.inputs(of: record.key)
            if let p = inputs.first(where: { $0.role == "portfolio" }) {
                portfolio = StoredInput(sha256: p.sha256, shownAs: p.path, fileName: "portfolio.csv")
            }
            if let b = inputs.first(where: { $0.role == "balance_sheet" }) {
                balanceSheet = StoredInput(sha256: b.sha256, shownAs: b.path, fileName: "balance-sheet.yaml")
            }
            if let m = inputs.first(where: { $0.role == "pd_model" }) {
                pdModel = StoredInput(sha256: m.sha256, shownAs: m.path, fileName: "pd-model.yaml")
            }
            for input in [portfolio, balanceSheet, pdModel].compactMap({ $0 }) where try !store.hasBlob(input.sha256) {
                throw APIError.unprocessable("run \(record.label) did not store \(input.shownAs); it cannot be rerun")
            }
        }
        if let name = body.portfolio {
            guard let stored = try store.portfolio(named: name) else {
                let names = try store.portfolios().map(\.name)
                throw APIError.unprocessable("no portfolio '\(name)' in the store"
                                             + (names.isEmpty ? " (upload one: POST /api/v1/portfolios?name=...)"
                                                : "; stored: \(names.joined(separator: ", "))"))
            }
            portfolio = StoredInput(sha256: stored.sha256, shownAs: "store:\(name)", fileName: "portfolio.csv")
        }
        if let reference = body.balanceSheet {
            let sha = reference.hasPrefix("sha256:") ? String(reference.dropFirst(7)) : reference
            guard try store.upload(sha256: sha, kind: UploadKind.balanceSheet.rawValue) != nil else {
                throw APIError.unprocessable("no uploaded balance sheet '\(reference)' (POST /api/v1/balance-sheets)")
            }
            balanceSheet = StoredInput(sha256: sha, shownAs: "upload:\(sha)", fileName: "balance-sheet.yaml")
        }
        if let reference = body.pdModel {
            let sha = reference.hasPrefix("sha256:") ? String(reference.dropFirst(7)) : reference
            guard let upload = try store.upload(sha256: sha, kind: UploadKind.pdModel.rawValue) else {
                throw APIError.unprocessable("no uploaded PD model '\(reference)' (POST /api/v1/pd-models)")
            }
            pdModel = StoredInput(sha256: sha, shownAs: "upload:\(upload.name).yaml", fileName: "pd-model.yaml")
        }
        guard let portfolio else {
            throw APIError.unprocessable("a run needs 'portfolio' (a stored portfolio's name) or 'inputs_of' (an earlier run)")
        }
        guard let balanceSheet else {
            throw APIError.unprocessable("a run needs 'balance_sheet' (an uploaded balance sheet) or 'inputs_of' (an earlier run)")
        }

        // Scenarios: bundled ids and uploads by digest; the bundled scenarios of frameworks.
        var bundledIDs: [String] = []
        var uploaded: [StoredInput] = []
        for reference in body.scenarios ?? [] {
            if reference.hasPrefix("sha256:") {
                let sha = String(reference.dropFirst(7))
                guard let upload = try store.upload(sha256: sha, kind: UploadKind.scenario.rawValue) else {
                    throw APIError.unprocessable("no uploaded scenario '\(reference)' (POST /api/v1/scenarios)")
                }
                uploaded.append(StoredInput(sha256: sha, shownAs: "upload:\(upload.name).yaml", fileName: "\(upload.name).yaml"))
            } else {
                guard ScenarioSelection.bundledIDs.contains(reference) else {
                    throw APIError.unprocessable("unknown scenario '\(reference)': a bundled id "
                                                 + "(\(ScenarioSelection.bundledIDs.joined(separator: ", "))) or sha256:<digest> of an upload")
                }
                bundledIDs.append(reference)
            }
        }
        let frameworks = body.frameworks ?? []
        for f in frameworks where Framework(rawValue: f) == nil {
            throw APIError.unprocessable("unknown framework '\(f)': expected one of \(Framework.allNames)")
        }
        let bundled = bundledIDs.isEmpty && frameworks.isEmpty && !uploaded.isEmpty
            ? [] : try ScenarioSelection.select(scenarios: bundledIDs, frameworks: frameworks)

        let pack = body.pack ?? "quarterly-submission"
        guard packs.contains(pack) else {
            throw APIError.unprocessable("'pack' must be one of \(packs.joined(separator: ", ")), got '\(pack)'")
        }
        let asOf = body.asOf
        if let asOf, !CalendarDate.isValid(asOf) { throw APIError.unprocessable("'as_of' must be a date YYYY-MM-DD, got '\(asOf)'") }
        let skip = body.skip ?? []
        do { _ = try SkippedAnalysis.parse(skip) } catch let error as UsageError {
            throw APIError.unprocessable("'skip': \(error.message)")
        }
        let seed = body.seed ?? 42
        let paths = body.paths ?? 10_000
        guard (1...maxPaths).contains(paths) else {
            throw APIError.unprocessable("'paths' must be in 1...\(maxPaths), got \(paths)")
        }
        return RunRequest(portfolio: portfolio, balanceSheet: balanceSheet, pdModel: pdModel, bundledScenarios: bundled,
                          uploadedScenarios: uploaded, pack: pack, seed: seed, paths: paths, asOf: asOf, skip: skip)
    }

    /// The run, on a worker thread: the stored files into a job folder, then RunJob.
    func execute(state: ServerState, progress: ProgressReporter) throws -> JobQueue.Outcome {
        let folder = try state.scratchFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        var display: [String: String] = [:]
        var count = 0
        func extract(_ input: StoredInput) throws -> String {
            count += 1
            let path = try StoredFiles.extract(input.sha256, named: input.fileName, slot: count, into: folder, from: state.store)
            display[path] = input.shownAs
            return path
        }
        let portfolioPath = try extract(portfolio)
        let balanceSheetPath = try extract(balanceSheet)
        let scenarioPaths = bundledScenarios + (try uploadedScenarios.map(extract))
        var job = RunJob(portfolioPath: portfolioPath, balanceSheetPath: balanceSheetPath, scenarioPaths: scenarioPaths,
                         pack: pack, asOf: asOf, seed: seed, threads: state.configuration.threads, outDirectory: nil,
                         paths: paths, store: state.store, displayPath: display, skip: try SkippedAnalysis.parse(skip))
        job.pdModelPath = try pdModel.map(extract)
        job.outputRoot = state.configuration.reportsDirectory
        let outcome = try job.execute(progress: progress)
        return JobQueue.Outcome(run: outcome.storeKey.map { "\(outcome.runID)#\($0)" } ?? outcome.runID)
    }
}
