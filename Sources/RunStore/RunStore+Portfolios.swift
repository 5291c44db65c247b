import Foundation
import GRDB

public struct PortfolioRecord: Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var exposures: Int
    public var totalEAD: Double
    public var sourcePath: String
    public var importedAt: String
}

extension RunStore {
    /// Records a validated portfolio under a name (replacing an older one of the
    /// same name) with its content, in one transaction.
    public func importPortfolio(name: String, file: String, sha256: String, exposures: Int, totalEAD: Double,
                                importedAt: String) throws(StoreError) {
        try storeFile(path: file, sha256: sha256)
        try wrap("import portfolio \(name)") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO portfolios (name, sha256, exposures, total_ead, source_path, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET sha256 = excluded.sha256, exposures = excluded.exposures,
                        total_ead = excluded.total_ead, source_path = excluded.source_path,
                        imported_at = excluded.imported_at
                    """, arguments: [name, sha256, exposures, totalEAD, file, importedAt])
            }
        }
    }

    public func portfolios() throws(StoreError) -> [PortfolioRecord] {
        try wrap("list portfolios") {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM portfolios ORDER BY name").map(Self.portfolio)
            }
        }
    }

    public func portfolio(named name: String) throws(StoreError) -> PortfolioRecord? {
        try wrap("find portfolio \(name)") {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM portfolios WHERE name = ?", arguments: [name]).map(Self.portfolio)
            }
        }
    }

    static func portfolio(_ row: Row) -> PortfolioRecord {
        PortfolioRecord(name: row["name"], sha256: row["sha256"], exposures: row["exposures"],
                        totalEAD: row["total_ead"], sourcePath: row["source_path"], importedAt: row["imported_at"])
    }
}
