import Foundation

/// Writes a run's output files so they appear whole or not at all
/// (INTERFACES.md): everything is written into a hidden staging folder beside
/// the destination, then renamed into place; on failure the staging folder is
/// removed and the destination holds no file of this run.
struct AtomicOutput {
    let destination: URL
    private let staging: URL

    init(destination: URL) throws {
        self.destination = destination
        let fm = FileManager.default
        try fm.createDirectory(at: destination, withIntermediateDirectories: true)
        staging = destination.appendingPathComponent(".partial-\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// The staging path of an output file, for writers that need a path.
    func stagingPath(_ name: String) -> URL { staging.appendingPathComponent(name) }

    func write(_ data: Data, to name: String) throws {
        try data.write(to: stagingPath(name))
    }

    /// Renames every staged file into the destination. Returns the final URLs.
    func commit(_ names: [String]) throws -> [URL] {
        let fm = FileManager.default
        var placed: [URL] = []
        for name in names {
            let target = destination.appendingPathComponent(name)
            if rename(stagingPath(name).path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
            placed.append(target)
        }
        try? fm.removeItem(at: staging)
        return placed
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
