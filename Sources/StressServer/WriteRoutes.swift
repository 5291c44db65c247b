import Foundation
import Hummingbird
import Inputs
import RunStore
import StressCore
import StressPipeline

/// What an upload is: each kind goes through the CLI's own validator.
enum UploadKind: String {
    case scenario
    case balanceSheet = "balance_sheet"
    case pdModel = "pd_model"

    /// Where uploads of this kind are listed.
    var route: String {
        switch self {
        case .scenario: "scenarios"
        case .balanceSheet: "balance-sheets"
        case .pdModel: "pd-models"
        }
    }
}

/// `POST /api/v1/...`: uploads, runs and verifications (the token middleware has let
/// the request through).
extension ServerState {
    func addWriteRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.post("scenarios") { request, _ in
            try await self.upload(request, kind: .scenario, fileName: "scenario.yaml") { path in
                // Parsed as text: an upload has no file name for the id to match (runs name it <id>.yaml).
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw InputError(file: "scenario.yaml", message: "not UTF-8 text: expected a scenario YAML file")
                }
                let s = try ScenarioFile.parse(text: text, file: "scenario.yaml").scenario
                return (s.id, s.name, ["framework": s.framework.rawValue, "severity": s.severity.rawValue])
            }
        }

        api.post("balance-sheets") { request, _ in
            try await self.upload(request, kind: .balanceSheet, fileName: "balance-sheet.yaml") { path in
                let b = try BalanceSheetFile.load(path: path).balanceSheet
                return (b.bank ?? "", "\(b.bank ?? "bank") as of \(b.asOf) (\(b.currency))",
                        ["as_of": b.asOf, "currency": b.currency])
            }
        }

        api.post("pd-models") { request, _ in
            try await self.upload(request, kind: .pdModel, fileName: "pd-model.yaml") { path in
                let model = try PDModelFile.load(path: path).model
                guard let scale = model.masterScale, let calibration = model.calibration else {
                    throw InputError(file: "pd-model.yaml", message: "the PD model is not calibrated: run `stresspack pd "
                                     + "calibrate` before uploading it (a run grades the book on its master scale)")
                }
                let scope = model.segments?.joined(separator: ", ") ?? "every exposure"
                return (model.name, "\(model.name): \(model.terms.count) characteristics, calibrated to "
                            + String(format: "%.4g%%", 100 * calibration.centralTendency) + " on \(scale.name); rates \(scope)",
                        ["characteristics": "\(model.terms.count)", "central_tendency": "\(calibration.centralTendency)",
                         "master_scale": scale.name, "scope": scope])
            }
        }

        api.post("portfolios") { request, _ in
            guard let name = request.uri.queryParameters.get("name"), Self.isPlainName(name) else {
                throw APIError.unprocessable("a portfolio upload needs ?name= (letters, digits, '-', '_' and '.', up to 100)")
            }
            let folder = try self.scratchFolder("upload")
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("\(name).csv")
            _ = try await HTTP.saveBody(request, to: file, limit: self.configuration.maxUploadBytes)
            let record: PortfolioRecord
            do {
                record = try PortfolioImport.run(path: file.path, name: name, store: self.store)
            } catch var error as InputError {
                error.file = "\(name).csv"
                throw APIError.unprocessable(error.description)
            }
            return try HTTP.json(APIViews.Portfolio(name: record.name, sha256: record.sha256, exposures: record.exposures,
                                                    totalEad: record.totalEAD, importedAt: record.importedAt),
                                 status: .created)
        }

        api.post("runs") { request, _ in
            var request = request
            let (object, data) = try await HTTP.jsonBody(&request, limit: self.configuration.maxJSONBytes)
            let plan = try RunRequest.parse(object, data: data, state: self)
            let (job, isNew) = try self.submit(kind: "run", key: plan.key) { progress in
                try plan.execute(state: self, progress: progress)
            }
            return try self.accepted(job, isNew: isNew)
        }

        api.post("runs/:run/verify") { _, context in
            let record = try HTTP.run(try context.parameters.require("run"), in: self.store)
            guard record.status == "succeeded" else {
                throw APIError(.conflict, "run \(record.label) is \(record.status): only a succeeded run has outputs to verify")
            }
            let store = self.store, threads = self.configuration.threads
            let (job, isNew) = try self.submit(kind: "verify", key: "verify \(record.key)") { progress in
                let result = try RunVerifier(store: store, record: record, threads: threads).verify(progress: progress)
                return JobQueue.Outcome(run: record.label, report: result.report, verified: result.mismatches.isEmpty)
            }
            return try self.accepted(job, isNew: isNew)
        }
    }

    func submit(kind: String, key: String, work: @escaping JobQueue.Work) throws -> (JobQueue.Snapshot, Bool) {
        do {
            let (job, isNew) = try jobs.submit(kind: kind, key: key, work: work)
            return (job, isNew)
        } catch .shuttingDown {
            throw APIError(.serviceUnavailable, "the server is shutting down")
        } catch .full {
            throw APIError(.serviceUnavailable, "\(configuration.maxQueuedJobs) jobs are already waiting; try again later")
        }
    }

    /// 202 with the job and where to follow it; 200 when the same job was already queued or running.
    func accepted(_ job: JobQueue.Snapshot, isNew: Bool) throws -> Response {
        var headers: HTTPFields = [:]
        headers[.location] = "/api/v1/jobs/\(job.id)"
        return try HTTP.json(job, status: isNew ? .accepted : .ok, headers: headers)
    }

    /// Saves the body, validates it with the CLI's loader (422 naming the line on failure)
    /// and keeps it in the store by SHA-256.
    func upload(_ request: Request, kind: UploadKind, fileName: String,
                validate: (String) throws -> (name: String, description: String, attributes: [String: String]))
        async throws -> Response {
        let folder = try scratchFolder("upload")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        _ = try await HTTP.saveBody(request, to: file, limit: configuration.maxUploadBytes)
        let read: (name: String, description: String, attributes: [String: String])
        do {
            read = try validate(file.path)
        } catch var error as InputError {
            error.file = fileName
            throw APIError.unprocessable(error.description)
        }
        let digest = try FileDigest.sha256(path: file.path)
        try store.recordUpload(file: file.path, sha256: digest.hex, kind: kind.rawValue, name: read.name,
                               description: read.description, attributes: read.attributes,
                               uploadedAt: RunRecording.timestamp(Date()))
        guard let record = try store.upload(sha256: digest.hex, kind: kind.rawValue) else {
            throw APIError(.internalServerError, "the upload was not found in the store after saving it")
        }
        var headers: HTTPFields = [:]
        headers[.location] = "/api/v1/\(kind.route)"
        return try HTTP.json(APIViews.Upload(record), status: .created, headers: headers)
    }

    func scratchFolder(_ prefix: String) throws -> URL {
        let folder = URL(fileURLWithPath: configuration.workDirectory)
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.first != "."
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
