import Foundation
import RunStore

/// Stored files brought back out of the run store for reading (`runs verify`, the server's
/// jobs and dashboard).
public enum StoredFiles {
    /// The file with `sha256` written to `folder/<slot>/<name>`: a folder of its own, so two
    /// files of one name (uploaded scenarios sharing an id) do not meet, and its name kept,
    /// since a scenario file must be named after its id. Returns the path.
    public static func extract(_ sha256: String, named name: String, slot: Int, into folder: URL,
                               from store: RunStore) throws -> String {
        let own = folder.appendingPathComponent("\(slot)")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        let path = own.appendingPathComponent(name).path
        try store.extract(sha256, to: path)
        return path
    }
}
