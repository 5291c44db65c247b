import Foundation
import GRDB

public struct RunFile: Sendable, Equatable {
    public var role: String
    public var path: String
    public var sha256: String
    public var bytes: Int
    public init(role: String = "", path: String, sha256: String, bytes: Int) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// One key figure of a run (results.json), queryable with SQL.
/// One stage of a run and its wall-clock seconds.
public struct RunStage: Sendable, Equatable {
    public var name: String
    public var seconds: Double
    /// The process's peak resident memory when the stage ended (nil in runs recorded before
    /// schema v4, or where the platform does not say).
    public var peakBytes: Int?

    public init(name: String, seconds: Double, peakBytes: Int? = nil) {
        self.name = name
        self.seconds = seconds
        self.peakBytes = peakBytes
    }
}

public struct RunFigure: Sendable, Equatable {
    public var scenario: String
    public var period: String
    public var metric: String
    public var value: Double
    public init(scenario: String, period: String, metric: String, value: Double) {
        self.scenario = scenario
        self.period = period
        self.metric = metric
        self.value = value
    }
}

public struct RunRecord: Sendable, Equatable {
    public var key: Int64
    public var runID: String
    public var status: String
    public var error: String?
    public var engineVersion: String
    public var asOf: String?
    public var seed: UInt64
    public var pack: String
    /// JSON of the run's parameters (the command line's choices).
    public var parameters: String
    public var outputDirectory: String?
    public var startedAt: String
    public var finishedAt: String?
    public var durationMilliseconds: Int?

    /// `run-…` or `run-…#key` for a run recorded more than once.
    public var label: String { "\(runID)#\(key)" }
}

extension RunStore {
    /// Records a run as `running`, with its inputs, before any work is done.
    public func beginRun(runID: String, engineVersion: String, asOf: String?, seed: UInt64, pack: String,
                         parameters: String, inputs: [RunFile], storedInputs: Set<String>,
                         startedAt: String) throws(StoreError) -> Int64 {
        try wrap("record run \(runID)") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (run_id, status, engine_version, as_of, seed, pack, parameters, started_at, pid)
                    VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, engineVersion, asOf, Int64(bitPattern: seed), pack, parameters,
                                     startedAt, Int(getpid())])
                let key = db.lastInsertedRowID
                for input in inputs {
                    try db.execute(sql: "INSERT INTO run_inputs (run_key, role, path, sha256, bytes, stored) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [key, input.role, input.path, input.sha256, input.bytes,
                                               storedInputs.contains(input.sha256)])
                }
                return key
            }
        }
    }

    /// Marks a run succeeded with its outputs and key figures, in one transaction.
    public func finishRun(key: Int64, outputDirectory: String, outputs: [RunFile], figures: [RunFigure],
                          finishedAt: String, durationMilliseconds: Int, stages: [RunStage] = []) throws(StoreError) {
        try wrap("finish run \(key)") {
            try pool.write { db in
                for (seq, stage) in stages.enumerated() {
                    try db.execute(sql: "INSERT INTO run_stages (run_key, seq, stage, seconds, peak_bytes) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [key, seq, stage.name, stage.seconds, stage.peakBytes])
                }
                for output in outputs {
                    try db.execute(sql: "INSERT INTO run_outputs (run_key, path, sha256, bytes) VALUES (?, ?, ?, ?)",
                                   arguments: [key, output.path, output.sha256, output.bytes])
                }
                let statement = try db.makeStatement(
                    sql: "INSERT INTO run_figures (run_key, scenario, period, metric, value) VALUES (?, ?, ?, ?, ?)")
                for f in figures {
                    try statement.execute(arguments: [key, f.scenario, f.period, f.metric, f.value])
                }
                try db.execute(sql: """
                    UPDATE runs SET status = 'succeeded', output_dir = ?, finished_at = ?, duration_ms = ?
                    WHERE run_key = ?
                    """, arguments: [outputDirectory, finishedAt, durationMilliseconds, key])
            }
        }
    }

    /// Marks a run failed with its error; the store keeps everything else.
    public func failRun(key: Int64, error: String, finishedAt: String, durationMilliseconds: Int) throws(StoreError) {
        try wrap("record failure of run \(key)") {
            try pool.write { db in
                try db.execute(sql: "UPDATE runs SET status = 'failed', error = ?, finished_at = ?, duration_ms = ? WHERE run_key = ?",
                               arguments: [error, finishedAt, durationMilliseconds, key])
            }
        }
    }

    public func runs() throws(StoreError) -> [RunRecord] {
        try wrap("list runs") {
            try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY run_key").map(Self.run) }
        }
    }

    /// A run by `run-…#key`, by key, or by run id (its latest successful record, else its latest).
    public func run(_ reference: String) throws(StoreError) -> RunRecord? {
        try wrap("find run \(reference)") {
            try pool.read { db in
                if let hash = reference.lastIndex(of: "#"), let key = Int64(reference[reference.index(after: hash)...]) {
                    return try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_key = ?", arguments: [key]).map(Self.run)
                }
                if let key = Int64(reference) {
                    return try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_key = ?", arguments: [key]).map(Self.run)
                }
                return try Row.fetchOne(db, sql: """
                    SELECT * FROM runs WHERE run_id = ? ORDER BY status = 'succeeded' DESC, run_key DESC LIMIT 1
                    """, arguments: [reference]).map(Self.run)
            }
        }
    }

    /// Where the run's time went, in the order the stages ran.
    public func stages(of key: Int64) throws(StoreError) -> [RunStage] {
        try wrap("stages of run \(key)") {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT stage, seconds, peak_bytes FROM run_stages WHERE run_key = ? ORDER BY seq",
                                 arguments: [key]).map {
                    RunStage(name: $0["stage"], seconds: $0["seconds"], peakBytes: $0["peak_bytes"])
                }
            }
        }
    }

    public func inputs(of key: Int64) throws(StoreError) -> [RunFile] {
        try wrap("inputs of run \(key)") {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM run_inputs WHERE run_key = ? ORDER BY rowid", arguments: [key]).map {
                    RunFile(role: $0["role"], path: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"])
                }
            }
        }
    }

    public func outputs(of key: Int64) throws(StoreError) -> [RunFile] {
        try wrap("outputs of run \(key)") {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM run_outputs WHERE run_key = ? ORDER BY rowid", arguments: [key]).map {
                    RunFile(path: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"])
                }
            }
        }
    }

    public func figures(of key: Int64) throws(StoreError) -> [RunFigure] {
        try wrap("figures of run \(key)") {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM run_figures WHERE run_key = ? ORDER BY rowid", arguments: [key]).map {
                    RunFigure(scenario: $0["scenario"], period: $0["period"], metric: $0["metric"], value: $0["value"])
                }
            }
        }
    }

    static func run(_ row: Row) -> RunRecord {
        let seed: Int64 = row["seed"]
        return RunRecord(key: row["run_key"], runID: row["run_id"], status: row["status"], error: row["error"],
                         engineVersion: row["engine_version"], asOf: row["as_of"], seed: UInt64(bitPattern: seed),
                         pack: row["pack"], parameters: row["parameters"], outputDirectory: row["output_dir"],
                         startedAt: row["started_at"], finishedAt: row["finished_at"],
                         durationMilliseconds: row["duration_ms"])
    }
}
