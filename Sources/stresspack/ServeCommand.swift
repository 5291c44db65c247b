import ArgumentParser
import Foundation
import StressPipeline
import StressServer

/// `stresspack serve`: the dashboard and REST API over a run store (INTERFACES.md, "serve").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the run store: a dashboard at / and a REST API under /api/v1.",
        discussion: """
            Binds to loopback unless --host says otherwise; reads are open on loopback, writes \
            (uploads, starting runs, verifying) need a bearer token whose SHA-256 is in --token-file \
            (make one with `stresspack serve-token`). SIGTERM or Ctrl-C stops taking requests and jobs \
            and waits for running jobs to finish. Prints "listening on URL" once it accepts connections.
            """)

    @Option(help: "The run store (SQLite).") var store = "stresspack.sqlite"
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port, printed at start).") var port = 8080
    @Option(name: .customLong("token-file"), help: "SHA-256 digests of the bearer tokens allowed to write, one a line.")
    var tokenFile: String?
    @Option(help: "Runs and verifications executed at once; more wait in a queue.") var workers = 1
    @Option(help: "Threads each run computes with (results do not depend on it).")
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Where runs started through the API write their outputs.") var reports = "reports"
    @Option(name: .customLong("max-upload-mb"), help: "Largest upload accepted (portfolio CSVs, scenarios), in MiB.")
    var maxUploadMB = 512

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be in 1...64, got \(workers)") }
        guard (1...1024).contains(threads) else { throw ValidationError("--threads must be in 1...1024, got \(threads)") }
        guard maxUploadMB >= 1 else { throw ValidationError("--max-upload-mb must be at least 1") }
    }

    func run() throws {
        var configuration = ServerConfiguration(
            host: host, port: port, storePath: store, tokenFile: tokenFile, workers: workers, threads: threads,
            reportsDirectory: reports,
            workDirectory: URL(fileURLWithPath: store).deletingLastPathComponent()
                .appendingPathComponent(".stresspack-serve").path)
        configuration.maxUploadBytes = maxUploadMB << 20
        // The server runs on its own event loops and tasks; this thread waits for it to stop.
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do {
                try await StressServer.run(configuration) { address in
                    // Written straight to fd 1, unbuffered, so a script waiting for the line sees it at once.
                    FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
                }
            } catch {
                outcome.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            if let setup = error as? ServerSetupError { throw UsageError(message: setup.message) }
            throw error
        }
        print("stopped")
    }
}

/// The server task's error, handed to the waiting thread.
private final class ServeOutcome: @unchecked Sendable {
    var error: Error?
}

/// `stresspack serve-token`: a new bearer token, its digest added to the token file.
struct ServeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-token",
        abstract: "Make a bearer token for `serve`: prints it once and adds its SHA-256 to the token file.")

    @Option(name: .customLong("token-file"), help: "The token file (created if missing).") var tokenFile: String
    @Option(help: "Who the token is for (a comment beside the digest).") var name = ""

    func run() throws {
        let (token, digest) = TokenAuthority.newToken()
        let line = digest + (name.isEmpty ? "" : "  # \(name.replacingOccurrences(of: "\n", with: " "))") + "\n"
        let fm = FileManager.default
        if !fm.fileExists(atPath: tokenFile) {
            guard fm.createFile(atPath: tokenFile, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw UsageError(message: "\(tokenFile): cannot create the token file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: tokenFile) else {
            throw UsageError(message: "\(tokenFile): cannot write the token file")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        print(token)
        FileHandle.standardError.write(Data("the token is shown once; its SHA-256 is now in \(tokenFile)\n".utf8))
    }
}
