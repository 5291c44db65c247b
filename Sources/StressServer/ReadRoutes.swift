import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import RegulatoryTemplates
import RunStore
import StressPipeline

/// `GET /api/v1/...`: the store as JSON (and figures as CSV).
extension ServerState {
    func addReadRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("openapi.json") { _, _ in
            HTTP.bytes(self.openAPIDocument, type: "application/json; charset=utf-8")
        }

        api.get("runs") { request, _ in
            let query = request.uri.queryParameters
            let limit = try HTTP.integer(request, "limit", default: 50, in: 1...500)
            let offset = try HTTP.integer(request, "offset", default: 0, in: 0...Int(Int32.max))
            if let status = query.get("status"), !Self.statuses.contains(status) {
                throw APIError.unprocessable("status must be one of \(Self.statuses.joined(separator: ", ")), got '\(status)'")
            }
            // Newest first: the run a colleague asks about is usually the latest.
            let runs = try self.store.runs().reversed().filter { r in
                (query.get("status").map { $0 == r.status } ?? true)
                    && (query.get("pack").map { $0 == r.pack } ?? true)
                    && (query.get("as_of").map { $0 == r.asOf } ?? true)
                    && (query.get("run_id").map { $0 == r.runID } ?? true)
            }
            let page = runs.dropFirst(offset).prefix(limit).map(APIViews.RunSummary.init)
            return try HTTP.json(APIViews.RunList(runs: Array(page), total: runs.count, limit: limit, offset: offset))
        }

        api.get("runs/:run") { _, context in
            let record = try HTTP.run(try context.parameters.require("run"), in: self.store)
            return try HTTP.json(try self.detail(record))
        }

        api.get("runs/:run/figures") { request, context in
            let record = try HTTP.run(try context.parameters.require("run"), in: self.store)
            let query = request.uri.queryParameters
            let figures = try self.store.figures(of: record.key).filter { f in
                (query.get("scenario").map { $0 == f.scenario } ?? true)
                    && (query.get("period").map { $0 == f.period } ?? true)
                    && (query.get("metric").map { $0 == f.metric } ?? true)
            }
            switch query.get("format") ?? "json" {
            case "json":
                return try HTTP.json(APIViews.FigureList(
                    run: record.label,
                    figures: figures.map { .init(scenario: $0.scenario, period: $0.period, metric: $0.metric, value: $0.value) }))
            case "csv":
                // Shortest round-trip decimals: the same doubles as results.json, never rounded text.
                var text = "run,scenario,period,metric,value\r\n"
                for f in figures {
                    text += [record.label, f.scenario, f.period, f.metric, "\(f.value)"].map(TemplateCSV.quoted)
                        .joined(separator: ",") + "\r\n"
                }
                var headers: HTTPFields = [:]
                headers[.contentDisposition] = "attachment; filename=\"\(record.runID)-figures.csv\""
                return HTTP.bytes(Data(text.utf8), type: "text/csv; charset=utf-8", headers: headers)
            case let other:
                throw APIError.unprocessable("format must be json or csv, got '\(other)'")
            }
        }

        api.get("runs/:run/files/**") { _, context in
            let record = try HTTP.run(try context.parameters.require("run"), in: self.store)
            let name = context.parameters.getCatchAll().joined(separator: "/")
            return try await self.download(record, name: name, context: context)
        }

        api.get("diff") { request, _ in
            let query = request.uri.queryParameters
            guard let a = query.get("a"), let b = query.get("b") else {
                throw APIError.unprocessable("diff needs two runs: ?a=RUN&b=RUN")
            }
            let ra = try HTTP.run(a, in: self.store), rb = try HTTP.run(b, in: self.store)
            let changedOnly = query.get("changed_only") == "true"
            let rows = RunDiff.rows(try self.store.figures(of: ra.key), try self.store.figures(of: rb.key))
                .filter { !changedOnly || $0.changed }
                .map { r in
                    APIViews.DiffRow(scenario: r.scenario, period: r.period, metric: r.metric, a: r.a, b: r.b,
                                     change: r.a.flatMap { a in r.b.map { $0 - a } })
                }
            return try HTTP.json(APIViews.Diff(a: ra.label, b: rb.label, rows: rows))
        }

        api.get("scenarios") { _, _ in
            var entries = self.bundledScenarios
            for u in try self.store.uploads(kind: UploadKind.scenario.rawValue) {
                entries.append(.init(id: u.name, name: u.description, framework: u.attributes["framework"] ?? "",
                                     severity: u.attributes["severity"] ?? "", source: "upload", sha256: u.sha256,
                                     reference: "sha256:\(u.sha256)"))
            }
            return try HTTP.json(["scenarios": entries])
        }

        api.get("portfolios") { _, _ in
            try HTTP.json(["portfolios": try self.store.portfolios().map {
                APIViews.Portfolio(name: $0.name, sha256: $0.sha256, exposures: $0.exposures, totalEad: $0.totalEAD,
                                   importedAt: $0.importedAt)
            }])
        }

        api.get("pd-models") { _, _ in
            try HTTP.json(["pd_models": try self.store.uploads(kind: UploadKind.pdModel.rawValue).map(APIViews.Upload.init)])
        }

        api.get("balance-sheets") { _, _ in
            try HTTP.json(["balance_sheets": try self.store.uploads(kind: UploadKind.balanceSheet.rawValue).map(APIViews.Upload.init)])
        }

        api.get("jobs") { _, _ in try HTTP.json(APIViews.JobList(jobs: self.jobs.all())) }

        api.get("jobs/:job") { _, context in
            let id = try context.parameters.require("job")
            guard let job = self.jobs.snapshot(id) else { throw APIError.notFound("no job '\(id)' (jobs live until the server stops)") }
            return try HTTP.json(job)
        }
    }

    static let statuses = ["running", "succeeded", "failed", "incomplete"]

    func detail(_ record: RunRecord) throws -> APIViews.RunDetail {
        let parameters = try? JSONDecoder().decode(RunParameters.self, from: Data(record.parameters.utf8))
        let inputs = try store.inputs(of: record.key).map {
            APIViews.File(role: $0.role, path: $0.path, sha256: $0.sha256, bytes: $0.bytes, download: nil)
        }
        let outputs = try store.outputs(of: record.key).map {
            APIViews.File(role: nil, path: $0.path, sha256: $0.sha256, bytes: $0.bytes,
                          download: "/api/v1/runs/\(record.key)/files/\($0.path)")
        }
        let figures = try store.figures(of: record.key).filter { $0.period.isEmpty }.map {
            APIViews.Figure(scenario: $0.scenario, period: $0.period, metric: $0.metric, value: $0.value)
        }
        let stages = try store.stages(of: record.key).map {
            APIViews.Stage(name: $0.name, seconds: $0.seconds, peakBytes: $0.peakBytes)
        }
        return APIViews.RunDetail(run: .init(record), parameters: parameters, outputDirectory: record.outputDirectory,
                                  inputs: inputs, outputs: outputs, keyFigures: figures, stages: stages)
    }

    /// An output file by the name the run recorded for it, never by a path the client
    /// makes up; sent with its recorded SHA-256 so the client can check what it got.
    func download(_ record: RunRecord, name: String, context: BasicRequestContext) async throws -> Response {
        guard let entry = try store.outputs(of: record.key).first(where: { $0.path == name }) else {
            throw APIError.notFound("run \(record.label) has no output named '\(name)'")
        }
        guard let directory = record.outputDirectory else { throw APIError.notFound("run \(record.label) has no output folder") }
        let path = directory + "/" + entry.path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else {
            throw APIError(.gone, "\(entry.path) of run \(record.label) is no longer in \(directory)")
        }
        guard size == entry.bytes else {
            throw APIError(.gone, "\(entry.path) of run \(record.label) has changed since the run (\(size) bytes, recorded \(entry.bytes))")
        }
        var headers: HTTPFields = [:]
        headers[.contentType] = HTTP.contentType(of: entry.path)
        headers[.contentLength] = String(size)
        headers[.contentDisposition] = "attachment; filename=\"\(URL(fileURLWithPath: entry.path).lastPathComponent)\""
        headers[HTTPField.Name("X-Content-SHA256")!] = entry.sha256
        let body = try await FileIO().loadFile(path: path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }
}
