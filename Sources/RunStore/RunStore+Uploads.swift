import Foundation
import GRDB

/// A file uploaded through the server: its content is a blob, this row says what it is.
public struct UploadRecord: Sendable, Equatable {
    public var sha256: String
    /// `scenario` or `balance_sheet`.
    public var kind: String
    /// The scenario's id, or the bank's name for a balance sheet.
    public var name: String
    public var description: String
    /// What the validator read (a scenario's framework and severity, a balance sheet's as-of date).
    public var attributes: [String: String]
    public var bytes: Int
    public var uploadedAt: String
}

extension RunStore {
    /// Stores a validated file and records it as an upload of `kind`, in one go; an upload
    /// of the same content and kind again changes nothing.
    public func recordUpload(file: String, sha256: String, kind: String, name: String, description: String,
                             attributes: [String: String] = [:], uploadedAt: String) throws(StoreError) {
        let json = (try? JSONSerialization.data(withJSONObject: attributes, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try storeFile(path: file, sha256: sha256)
        try wrap("record upload \(sha256)") {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT OR IGNORE INTO uploads (sha256, kind, name, description, uploaded_at, attributes) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [sha256, kind, name, description, uploadedAt, json])
            }
        }
    }

    public func uploads(kind: String) throws(StoreError) -> [UploadRecord] {
        try wrap("list uploads") {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT u.*, b.bytes FROM uploads u JOIN blobs b USING (sha256) WHERE kind = ? ORDER BY uploaded_at, sha256
                    """, arguments: [kind]).map(Self.upload)
            }
        }
    }

    public func upload(sha256: String, kind: String) throws(StoreError) -> UploadRecord? {
        try wrap("find upload \(sha256)") {
            try pool.read { db in
                try Row.fetchOne(db, sql: "SELECT u.*, b.bytes FROM uploads u JOIN blobs b USING (sha256) WHERE sha256 = ? AND kind = ?",
                                 arguments: [sha256, kind]).map(Self.upload)
            }
        }
    }

    static func upload(_ row: Row) -> UploadRecord {
        let text: String = row["attributes"]
        let attributes = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] ?? [:]
        return UploadRecord(sha256: row["sha256"], kind: row["kind"], name: row["name"], description: row["description"],
                            attributes: attributes, bytes: row["bytes"], uploadedAt: row["uploaded_at"])
    }
}
