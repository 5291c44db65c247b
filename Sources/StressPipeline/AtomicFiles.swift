import Foundation

/// Single files that appear whole or not at all (written beside their final name, then
/// renamed): shard plans and partials on a shared file system, where a shard killed
/// mid-write leaves only a temporary file that nothing reads, PD model files, and the
/// validation reports of `pd validate`.
public enum AtomicFiles {
    public static func replace(_ url: URL, with data: Data) throws {
        let temporary = temporaryName(for: url)
        try data.write(to: temporary)
        try moveIntoPlace(temporary, url)
    }

    /// A file a renderer writes by path (a workbook, a PDF): rendered under the temporary
    /// name, renamed into place only when `render` succeeds, removed when it fails.
    public static func render(_ url: URL, _ render: (URL) throws -> Void) throws {
        let temporary = temporaryName(for: url)
        do {
            try render(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        try moveIntoPlace(temporary, url)
    }

    /// A copy of `source` at `url`, streamed (a portfolio may be gigabytes), appearing whole.
    static func copy(_ source: URL, to url: URL) throws {
        let temporary = temporaryName(for: url)
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.copyItem(at: source, to: temporary)
        try moveIntoPlace(temporary, url)
    }

    private static func temporaryName(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.hostName)-\(getpid())")
    }

    private static func moveIntoPlace(_ temporary: URL, _ url: URL) throws {
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
