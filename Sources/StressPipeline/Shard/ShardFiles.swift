import Foundation

/// File writing for plans and partials on a shared file system: a file appears whole or
/// not at all (written beside its final name, then renamed), so a shard killed mid-write
/// leaves only a temporary file that nothing reads.
enum ShardFiles {
    static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.hostName)-\(getpid())")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
