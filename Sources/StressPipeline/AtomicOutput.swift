import Foundation

/// Writes a run's output files so they appear whole or not at all
/// (INTERFACES.md): everything is written into a hidden staging folder beside
/// the destination (same file system), and the folder is then renamed onto the
/// destination in one step. A failed or killed run leaves no file in the
/// destination; its staging folder is removed, or, after SIGKILL, by the next
/// run writing beside it.
public struct AtomicOutput {
    public let destination: URL
    private let staging: URL
    public static let stagingPrefix = ".stresspack-staging-"

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let fm = FileManager.default
        let parent = self.destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeAbandonedStaging(in: parent)
        staging = parent.appendingPathComponent("\(Self.stagingPrefix)\(Self.host)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// The staging path of an output file, for writers that need a path.
    public func stagingPath(_ name: String) -> URL { staging.appendingPathComponent(name) }

    public func write(_ data: Data, to name: String) throws {
        try data.write(to: stagingPath(name))
    }

    /// Puts the staged files in place in one rename. An existing destination
    /// folder is moved aside first and removed after, so the destination never
    /// holds a mix of two runs' files. Returns the final URLs of `names`.
    public func commit(_ names: [String]) throws -> [URL] {
        let fm = FileManager.default
        var aside: URL?
        if fm.fileExists(atPath: destination.path) {
            let old = staging.deletingLastPathComponent()
                .appendingPathComponent("\(Self.stagingPrefix)\(Self.host)-\(getpid())-old-\(UUID().uuidString.prefix(8))")
            guard rename(destination.path, old.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
            aside = old
        }
        guard rename(staging.path, destination.path) == 0 else {
            if let aside { _ = rename(aside.path, destination.path) }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        if let aside { try? fm.removeItem(at: aside) }
        return names.map { destination.appendingPathComponent($0) }
    }

    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// This machine's name in staging folders: on a shared file system (a cluster's merge
    /// jobs) a pid means something only on the host that made the folder.
    static let host: String = {
        let name = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        let safe = name.filter { $0.isLetter || $0.isNumber }
        return safe.isEmpty ? "host" : safe
    }()

    /// Staging folders of this host's processes that no longer exist (killed mid-run); other
    /// hosts' folders are theirs to clean.
    public static func removeAbandonedStaging(in parent: URL) {
        let fm = FileManager.default
        let mine = stagingPrefix + host + "-"
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(mine) {
            let rest = name.dropFirst(mine.count)
            guard let pid = Int32(rest.prefix { $0.isNumber }), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
