import Foundation
import GRDB

/// The embedded run store (SQLite through GRDB, WAL mode): every input file by
/// content hash, every run with its parameters, status, timings, inputs,
/// outputs and key figures, so a run can be re-verified years later
/// (METHODOLOGY §7). Schema: README, "Run store".
///
/// Crash safety: a run is recorded as `running` in its own transaction before
/// any work; a process killed mid-run leaves that row, which the next open
/// marks `incomplete` once its process is gone. Writes are transactions, so a
/// failed import or run loses nothing that was there.
public final class RunStore: Sendable {
    public let path: String
    let pool: DatabasePool

    public static let schemaVersion = 3

    public init(path: String) throws(StoreError) {
        self.path = path
        // Two processes creating the same new store race on switching it to WAL and on
        // the first migration; the loser sees the winner's work on a retry.
        var attempt = 0
        while true {
            do {
                var configuration = Configuration()
                configuration.busyMode = .timeout(30)
                configuration.foreignKeysEnabled = true
                let pool = try DatabasePool(path: path, configuration: configuration)
                try StoreSchema.migrator.migrate(pool)
                self.pool = pool
                break
            } catch {
                attempt += 1
                if attempt >= 50 {
                    throw StoreError(path: path, operation: "open", message: String(describing: error))
                }
                usleep(100_000)
            }
        }
        do {
            try markAbandonedRuns()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, operation: "open", message: String(describing: error))
        }
    }

    /// Runs left `running` by a process that no longer exists become `incomplete`.
    func markAbandonedRuns() throws {
        let running = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT run_key, pid FROM runs WHERE status = 'running'")
        }
        let dead: [Int64] = running.compactMap { row in
            let pid: Int32 = row["pid"]
            return Self.processIsAlive(pid) ? nil : row["run_key"]
        }
        guard !dead.isEmpty else { return }
        try pool.write { db in
            for key in dead {
                try db.execute(sql: """
                    UPDATE runs SET status = 'incomplete', error = 'the process ended before the run finished'
                    WHERE run_key = ? AND status = 'running'
                    """, arguments: [key])
            }
        }
    }

    static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// `PRAGMA integrity_check`: "ok" for a sound database.
    public func integrityCheck() throws(StoreError) -> String {
        try wrap("integrity_check") {
            try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
        }
    }

    /// Runs `body`, turning GRDB's errors into a StoreError that names the operation.
    func wrap<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            // The SQL, not its arguments, goes into the message (STYLE habit 3).
            throw StoreError(path: path, operation: operation,
                             message: "\(error.message ?? "SQLite error \(error.resultCode)")"
                                + (error.sql.map { " in `\($0)`" } ?? ""))
        } catch {
            throw StoreError(path: path, operation: operation, message: String(describing: error))
        }
    }
}

/// A store failure: the database file, what was being done, and SQLite's message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var message: String
    public var description: String { "\(path): \(operation): \(message)" }
}
