import Foundation
import GRDB

extension RunStore {
    static let chunkSize = 16 << 20

    /// Stores a file's content under its SHA-256 (computed by the caller) unless
    /// already there. One transaction: a failure stores nothing.
    public func storeFile(path file: String, sha256: String) throws(StoreError) {
        try wrap("store \(file)") {
            try pool.write { db in
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM blobs WHERE sha256 = ?", arguments: [sha256]) == true { return }
                guard let handle = FileHandle(forReadingAtPath: file) else {
                    throw StoreError(path: path, operation: "store", message: "cannot read \(file)")
                }
                defer { try? handle.close() }
                // The blob row first (the chunks reference it), its size once known.
                try db.execute(sql: "INSERT INTO blobs (sha256, bytes, chunks) VALUES (?, 0, 0)", arguments: [sha256])
                var chunk = 0, total = 0
                while let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty {
                    try db.execute(sql: "INSERT INTO blob_chunks (sha256, chunk, data) VALUES (?, ?, ?)",
                                   arguments: [sha256, chunk, data])
                    chunk += 1
                    total += data.count
                }
                try db.execute(sql: "UPDATE blobs SET bytes = ?, chunks = ? WHERE sha256 = ?",
                               arguments: [total, chunk, sha256])
            }
        }
    }

    public func hasBlob(_ sha256: String) throws(StoreError) -> Bool {
        try wrap("look up \(sha256)") {
            try pool.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM blobs WHERE sha256 = ?", arguments: [sha256]) ?? false }
        }
    }

    /// Writes a stored file's content to `destination`.
    public func extract(_ sha256: String, to destination: String) throws(StoreError) {
        try wrap("extract \(sha256)") {
            FileManager.default.createFile(atPath: destination, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: destination) else {
                throw StoreError(path: path, operation: "extract", message: "cannot write \(destination)")
            }
            defer { try? handle.close() }
            try pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: "SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY chunk",
                                                 arguments: [sha256])
                var any = false
                while let row = try cursor.next() {
                    any = true
                    let data: Data = row["data"]
                    try handle.write(contentsOf: data)
                }
                if !any, try Int.fetchOne(db, sql: "SELECT bytes FROM blobs WHERE sha256 = ?", arguments: [sha256]) == nil {
                    throw StoreError(path: path, operation: "extract", message: "no stored file with SHA-256 \(sha256)")
                }
            }
        }
    }
}
