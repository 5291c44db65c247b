import Crypto
import Foundation

/// SHA-256 of a file, read in 1 MiB pieces so a 10-million-row portfolio is
/// hashed without being held in memory.
public enum FileDigest {
    public static func sha256(path: String) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UsageError(message: "\(path): cannot open the file for reading")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            total += chunk.count
        }
        return (hex(hasher.finalize()), total)
    }

    public static func sha256(data: Data) -> String { hex(SHA256.hash(data: data)) }

    public static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
