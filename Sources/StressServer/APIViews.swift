import Foundation
import RunStore
import StressPipeline

/// The JSON the API returns, one type a schema of `docs/openapi.json`.
enum APIViews {
    struct RunSummary: Codable, Sendable {
        var id: String
        var key: Int64
        var label: String
        var status: String
        var error: String?
        var engineVersion: String
        var asOf: String?
        var seed: UInt64
        var pack: String
        var startedAt: String
        var finishedAt: String?
        var durationMs: Int?
        var links: [String: String]

        enum CodingKeys: String, CodingKey {
            case id, key, label, status, error, engineVersion = "engine_version", asOf = "as_of", seed, pack,
                 startedAt = "started_at", finishedAt = "finished_at", durationMs = "duration_ms", links
        }

        init(_ r: RunRecord) {
            id = r.runID; key = r.key; label = r.label; status = r.status; error = r.error
            engineVersion = r.engineVersion; asOf = r.asOf; seed = r.seed; pack = r.pack
            startedAt = r.startedAt; finishedAt = r.finishedAt; durationMs = r.durationMilliseconds
            links = ["self": "/api/v1/runs/\(r.key)", "figures": "/api/v1/runs/\(r.key)/figures",
                     "dashboard": "/runs/\(r.key)"]
        }
    }

    struct RunList: Codable, Sendable {
        var runs: [RunSummary]
        var total: Int
        var limit: Int
        var offset: Int
    }

    struct File: Codable, Sendable {
        var role: String?
        var path: String
        var sha256: String
        var bytes: Int
        var download: String?
    }

    struct Figure: Codable, Sendable {
        var scenario: String
        var period: String
        var metric: String
        var value: Double
    }

    struct Stage: Codable, Sendable {
        var name: String
        var seconds: Double
        /// Peak resident memory of the process when the stage ended (absent where unknown).
        var peakBytes: Int?

        enum CodingKeys: String, CodingKey { case name, seconds, peakBytes = "peak_bytes" }
    }

    struct RunDetail: Codable, Sendable {
        var run: RunSummary
        var parameters: RunParameters?
        var outputDirectory: String?
        var inputs: [File]
        var outputs: [File]
        var keyFigures: [Figure]
        var stages: [Stage]

        enum CodingKeys: String, CodingKey {
            case run, parameters, outputDirectory = "output_directory", inputs, outputs, keyFigures = "key_figures", stages
        }
    }

    struct FigureList: Codable, Sendable {
        var run: String
        var figures: [Figure]
    }

    struct DiffRow: Codable, Sendable {
        var scenario: String
        var period: String
        var metric: String
        var a: Double?
        var b: Double?
        var change: Double?
    }

    struct Diff: Codable, Sendable {
        var a: String
        var b: String
        var rows: [DiffRow]
    }

    struct ScenarioEntry: Codable, Sendable {
        var id: String
        var name: String
        var framework: String
        var severity: String
        var source: String
        var sha256: String
        /// How `POST /api/v1/runs` names it: the bundled id, or `sha256:<digest>` for an upload.
        var reference: String
    }

    struct Portfolio: Codable, Sendable {
        var name: String
        var sha256: String
        var exposures: Int
        var totalEad: Double
        var importedAt: String
        enum CodingKeys: String, CodingKey {
            case name, sha256, exposures, totalEad = "total_ead", importedAt = "imported_at"
        }
    }

    struct Upload: Codable, Sendable {
        var sha256: String
        var kind: String
        var name: String
        var description: String
        var bytes: Int
        var uploadedAt: String
        var reference: String
        enum CodingKeys: String, CodingKey {
            case sha256, kind, name, description, bytes, uploadedAt = "uploaded_at", reference
        }
        init(_ u: UploadRecord) {
            sha256 = u.sha256; kind = u.kind; name = u.name; description = u.description; bytes = u.bytes
            uploadedAt = u.uploadedAt; reference = "sha256:\(u.sha256)"
        }
    }

    struct JobList: Codable, Sendable {
        var jobs: [JobQueue.Snapshot]
    }
}
