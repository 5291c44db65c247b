import Foundation

/// Runs the built `stresspack` executable, capturing its output and exit code.
public struct CommandResult: Sendable {
    /// The exit code, or the signal's number when `signalled`.
    public var status: Int32
    /// True when a signal ended the process (a Swift trap is SIGILL or SIGTRAP).
    public var signalled = false
    public var stdout: String
    public var stderr: String
}

public enum CommandRunner {
    /// The `stresspack` built beside the test bundle (same build folder).
    public static func executable(_ name: String = "stresspack") -> URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        for candidate in [Bundle.main.bundleURL, dir] {
            dir = candidate
            for _ in 0..<4 {
                let url = dir.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                dir.deleteLastPathComponent()
            }
        }
        return TestSupport.repositoryRoot.appendingPathComponent(".build/debug/\(name)")
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> CommandResult {
        try run(executable: executable(), arguments, in: directory, environment: environment)
    }

    /// Any program (pdfinfo, pdftotext ...) with the same capture of both pipes.
    @discardableResult
    public static func run(executable path: String, _ arguments: [String]) throws -> CommandResult {
        try run(executable: URL(fileURLWithPath: path), arguments, in: nil, environment: [:])
    }

    private static func run(executable: URL, _ arguments: [String], in directory: URL?,
                            environment: [String: String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["STRESSPACK_HOME"] = TestSupport.repositoryRoot.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a full stderr pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             signalled: process.terminationReason == .uncaughtSignal,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension CommandRunner {
    /// SHA-256 of a file through the system's sha256sum, independent of the code under test.
    public static func sha256(of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
