import Foundation
import Hummingbird
import Reports
import RunStore
import StressCore
import StressPipeline

/// The dashboard: server-rendered HTML from `templates/web/*.mustache`, no script.
/// Figures are formatted as the board pack prints them (BoardPackWeb), so the web
/// page and the PDF read the same.
extension ServerState {
    func addDashboardRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try self.page("runs", title: "Runs", self.runsPage()) }

        router.get("runs/:run") { _, context in
            let reference = try context.parameters.require("run")
            guard let record = try self.store.run(reference) else {
                return try self.errorPage(.notFound, heading: "No such run", message: "There is no run '\(reference)' in this store.")
            }
            return try self.page("run", title: "Run \(record.label)", try self.runPage(record))
        }

        router.get("runs/:run/charts/:chart") { _, context in
            let record = try HTTP.run(try context.parameters.require("run"), in: self.store)
            let name = try context.parameters.require("chart")
            guard name.hasSuffix(".svg"), let number = Int(name.dropLast(4)), number >= 1 else {
                throw APIError.notFound("charts are named N.svg")
            }
            let data: Data
            do {
                let run = try self.artifacts.load(record)
                let count = BoardPackWeb.chartPages(results: run.results, scenarios: run.scenarios, template: run.template).count
                guard number <= count else { throw APIError.notFound("run \(record.label) has \(count) charts") }
                data = try self.artifacts.chartSVG(record, number: number)
            } catch RunArtifacts.Failure.missing(let message) {
                throw APIError(.gone, message)
            }
            var headers: HTTPFields = [:]
            // A run's charts never change; the browser may keep them.
            headers[.cacheControl] = "public, max-age=86400, immutable"
            return HTTP.bytes(data, type: "image/svg+xml", headers: headers)
        }

        router.get("diff") { request, _ in
            let query = request.uri.queryParameters
            return try self.page("diff", title: "Compare runs",
                                 try self.diffPage(a: query.get("a"), b: query.get("b"), periods: query.get("periods") == "1"))
        }

        router.get("static/dashboard.css") { _, _ in
            var headers: HTTPFields = [:]
            headers[.cacheControl] = "public, max-age=3600"
            return HTTP.bytes(self.stylesheet, type: "text/css; charset=utf-8", headers: headers)
        }
    }

    func page(_ template: String, title: String, _ values: [String: Any]) throws -> Response {
        var context = values
        context["title"] = title
        context["engine"] = EngineVersion.current
        context["store"] = URL(fileURLWithPath: store.path).lastPathComponent
        guard let html = pages.render(context, withTemplate: template) else {
            throw APIError(.internalServerError, "the dashboard template '\(template)' is missing")
        }
        return HTTP.html(html)
    }

    func errorPage(_ status: HTTPResponse.Status, heading: String, message: String) throws -> Response {
        var response = try page("error", title: heading, ["heading": heading, "message": message])
        response.status = status
        return response
    }

    // MARK: Runs list

    func runsPage() throws -> [String: Any] {
        let runs = try store.runs().reversed()
        let rows: [[String: Any]] = try runs.map { r in
            var lowest = "—"
            if r.status == "succeeded" {
                let minima = try store.figures(of: r.key).filter { $0.metric == "min_cet1_ratio" && $0.period.isEmpty }
                if let m = minima.min(by: { $0.value < $1.value }) {
                    lowest = "\(BoardPackWeb.ratio(m.value)) (\(m.scenario))"
                }
            }
            return ["key": r.key, "label": r.label, "status": r.status, "asOf": r.asOf ?? "—", "pack": r.pack,
                    "lowestCET1": lowest, "started": Self.shortTime(r.startedAt),
                    "duration": r.durationMilliseconds.map { Self.duration($0) } ?? "—"]
        }
        return ["runs": rows, "hasRuns": !rows.isEmpty, "count": rows.count]
    }

    // MARK: One run

    func runPage(_ record: RunRecord) throws -> [String: Any] {
        var values: [String: Any] = [
            "key": record.key, "label": record.label, "runID": record.runID, "status": record.status,
            "asOf": record.asOf ?? "—", "pack": record.pack, "seed": "\(record.seed)", "engineVersion": record.engineVersion,
            "started": Self.shortTime(record.startedAt),
        ]
        if let ms = record.durationMilliseconds { values["duration"] = Self.duration(ms) }
        if let error = record.error { values["error"] = error }
        if record.status == "succeeded" {
            do {
                let run = try artifacts.load(record)
                let summary = BoardPackWeb.summary(results: run.results, scenarios: run.scenarios, template: run.template)
                values["summary"] = [
                    "tiles": summary.tiles.map { t -> [String: Any] in
                        ["label": t.label, "value": t.value, "note": t.note,
                         "verdictMark": t.verdict.map { $0 ? "✓ " : "✗ " } ?? "",
                         "verdictClass": t.verdict.map { $0 ? "pass" : "breach" } ?? ""]
                    },
                    "columns": summary.columns,
                    "rows": summary.rows.map { row -> [String: Any] in
                        ["first": ["text": row.first?.text ?? ""],
                         "rest": row.dropFirst().map { cell -> [String: Any] in
                             ["text": cell.text, "style": cell.style,
                              "mark": cell.style == "pass" ? "✓ " : cell.style == "breach" ? "✗ " : ""]
                         }]
                    },
                    "reading": summary.reading,
                ] as [String: Any]
                let charts = BoardPackWeb.chartPages(results: run.results, scenarios: run.scenarios, template: run.template)
                values["charts"] = charts.map { ["number": $0.number, "title": $0.title, "subtitle": $0.subtitle] }
                values["hasCharts"] = !charts.isEmpty
            } catch RunArtifacts.Failure.missing(let message) {
                values["unavailable"] = message + ". The figures below come from the store."
            }
            let outputs = try store.outputs(of: record.key)
            values["outputs"] = outputs.map {
                ["path": $0.path, "sha256": $0.sha256, "size": Self.size($0.bytes),
                 "download": "/api/v1/runs/\(record.key)/files/\($0.path)"]
            }
            values["hasOutputs"] = !outputs.isEmpty
        }
        values["others"] = try store.runs().reversed().filter { $0.key != record.key && $0.status == "succeeded" }.map {
            ["key": $0.key, "label": $0.label, "asOf": $0.asOf ?? "—"]
        }
        return values
    }

    // MARK: Diff

    func diffPage(a: String?, b: String?, periods: Bool) throws -> [String: Any] {
        let runs = Array(try store.runs().reversed().filter { $0.status == "succeeded" })
        let ra = try a.map { try HTTP.run($0, in: store) }
        let rb = try b.map { try HTTP.run($0, in: store) }
        func choices(_ chosen: RunRecord?, fallback: Int) -> [[String: Any]] {
            runs.enumerated().map { i, r in
                ["key": r.key, "label": r.label, "asOf": r.asOf ?? "—",
                 "selected": chosen.map { $0.key == r.key } ?? (i == fallback)]
            }
        }
        var values: [String: Any] = ["choicesA": choices(ra, fallback: 1), "choicesB": choices(rb, fallback: 0),
                                     "periods": periods]
        if let ra, let rb {
            let rows = RunDiff.rows(try store.figures(of: ra.key), try store.figures(of: rb.key))
                .filter { periods || $0.period.isEmpty }
            values["compared"] = [
                "a": ra.label, "b": rb.label, "total": rows.count, "changed": rows.filter(\.changed).count,
                "rows": rows.map { r -> [String: Any] in
                    ["scenario": r.scenario.isEmpty ? "portfolio" : r.scenario, "period": r.period.isEmpty ? "—" : r.period,
                     "metric": Self.metricNames[r.metric] ?? r.metric, "a": r.a.map { Self.figure(r.metric, $0) } ?? "—",
                     "b": r.b.map { Self.figure(r.metric, $0) } ?? "—",
                     "change": r.a.flatMap { a in r.b.map { b in Self.change(r.metric, b - a) } } ?? "—",
                     "changed": r.changed]
                },
            ] as [String: Any]
        }
        return values
    }

    // MARK: Formats

    /// The store's metric names as a reader says them.
    static let metricNames: [String: String] = [
        "portfolio_ead": "Portfolio EAD", "portfolio_el": "Portfolio expected loss", "var": "Credit VaR",
        "es": "Expected shortfall", "expected_loss": "Expected loss (VaR model)", "el": "Expected loss",
        "ead": "EAD", "average_pd": "Average PD", "cumulative_el": "Cumulative expected loss",
        "delta_el": "ΔEL over baseline", "cet1_ratio": "CET1 ratio", "leverage_ratio": "Leverage ratio",
        "min_cet1_ratio": "Minimum CET1 ratio", "lcr": "LCR", "min_lcr": "Minimum LCR", "survival_days": "Survival days",
    ]

    static let ratioMetrics: Set<String> = ["cet1_ratio", "min_cet1_ratio", "leverage_ratio", "average_pd"]
    static let liquidityMetrics: Set<String> = ["lcr", "min_lcr"]

    /// A key figure as the board pack prints it.
    static func figure(_ metric: String, _ value: Double) -> String {
        if ratioMetrics.contains(metric) { return BoardPackWeb.ratio(value) }
        if liquidityMetrics.contains(metric) { return BoardPackWeb.lcr(value) }
        if metric == "survival_days" { return value.isFinite ? String(Int(value)) : "–" }
        return BoardPackWeb.amount(value)
    }

    /// A change between runs: ratios in basis points, amounts signed.
    static func change(_ metric: String, _ delta: Double) -> String {
        if delta == 0 { return "0" }
        if ratioMetrics.contains(metric) || liquidityMetrics.contains(metric) {
            return (delta > 0 ? "+" : "−") + String(format: "%.1f bp", abs(delta) * 10_000)
        }
        if metric == "survival_days" { return (delta > 0 ? "+" : "−") + String(Int(abs(delta))) }
        return (delta > 0 ? "+" : "−") + BoardPackWeb.amount(abs(delta))
    }

    static func shortTime(_ iso: String) -> String {
        // 2026-12-07T05:01:44.123Z → 2026-12-07 05:01 UTC
        guard iso.count >= 16 else { return iso }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }

    static func duration(_ ms: Int) -> String {
        ms < 60_000 ? String(format: "%.1f s", Double(ms) / 1000) : String(format: "%d min %02d s", ms / 60_000, ms / 1000 % 60)
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? String(format: "%.1f KiB", Double(bytes) / 1024)
            : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
