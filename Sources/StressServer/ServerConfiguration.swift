import Foundation

/// What `stresspack serve` was told: where to listen, the store, who may write.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var storePath: String
    /// SHA-256 digests of the bearer tokens allowed to write (one hex digest a line).
    public var tokenFile: String?
    /// Runs and verifications executed at once; further jobs wait in the queue.
    public var workers: Int
    /// Threads each run computes with.
    public var threads: Int
    /// Where runs started through the API write their outputs (`<reports>/<run-id>/`).
    public var reportsDirectory: String
    /// Where the server keeps uploads being checked, job folders and rendered charts.
    public var workDirectory: String
    /// Largest request body accepted for JSON requests, and for uploads.
    public var maxJSONBytes = 1 << 20
    public var maxUploadBytes = 512 << 20
    /// Jobs waiting beyond this are refused (503) rather than queued without end.
    public var maxQueuedJobs = 64

    public init(host: String, port: Int, storePath: String, tokenFile: String?, workers: Int, threads: Int,
                reportsDirectory: String, workDirectory: String) {
        self.host = host
        self.port = port
        self.storePath = storePath
        self.tokenFile = tokenFile
        self.workers = workers
        self.threads = threads
        self.reportsDirectory = reportsDirectory
        self.workDirectory = workDirectory
    }

    /// Loopback addresses: reads are open there; anywhere else they need the token too.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
