import Foundation
import ServiceLifecycle
import StressPipeline

/// Runs and verifications started through the API: queued, then executed by at most
/// `workers` threads at once, each job on its own thread outside the server's event
/// loops. Job status lives in memory; the run itself is recorded in the store by the
/// run pipeline as on the command line (running, then succeeded or failed), so a
/// restart loses only the queue, never a run.
///
/// On SIGTERM the queue stops taking jobs, jobs still waiting are dropped (nothing of
/// them was recorded), and the server waits for the running ones to finish.
public final class JobQueue: Service, @unchecked Sendable {
    public struct Progress: Codable, Sendable, Equatable {
        public var message: String
        public var done: Int?
        public var total: Int?
    }

    /// What a job is and how far it got (`Job` in the OpenAPI document).
    public struct Snapshot: Codable, Sendable {
        public var id: String
        public var kind: String
        public var status: String
        public var submittedAt: String
        public var startedAt: String?
        public var finishedAt: String?
        public var progress: Progress?
        /// The run made (a run job) or checked (a verify job): `run-…#key`.
        public var run: String?
        public var error: String?
        /// A verify job's report, line by line, and whether every output reproduced.
        public var report: [String]?
        public var verified: Bool?

        enum CodingKeys: String, CodingKey {
            case id, kind, status, submittedAt = "submitted_at", startedAt = "started_at",
                 finishedAt = "finished_at", progress, run, error, report, verified
        }
    }

    /// What a finished job hands back.
    public struct Outcome: Sendable {
        var run: String?
        var report: [String]?
        var verified: Bool?
    }

    public typealias Work = @Sendable (ProgressReporter) throws -> Outcome

    private let lock = NSLock()
    private var jobs: [String: Snapshot] = [:]
    private var order: [String] = []
    private var waiting: [(id: String, work: Work)] = []
    private var byKey: [String: String] = [:]
    private var running = 0
    private var accepting = true
    private var counter = 0
    private var drained: [CheckedContinuation<Void, Never>] = []
    let workers: Int
    let maxQueued: Int

    public init(workers: Int, maxQueued: Int) {
        self.workers = max(1, workers)
        self.maxQueued = maxQueued
    }

    public enum SubmitError: Error { case shuttingDown, full }

    /// Queues `work`, or returns the job already queued or running with the same `key`
    /// (two clients asking for the same run get one job).
    public func submit(kind: String, key: String, work: @escaping Work) throws(SubmitError) -> (Snapshot, isNew: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard accepting else { throw .shuttingDown }
        if let existing = byKey[key], let job = jobs[existing], job.status == "queued" || job.status == "running" {
            return (job, false)
        }
        guard waiting.count < maxQueued else { throw .full }
        counter += 1
        let id = "job-\(counter)"
        let job = Snapshot(id: id, kind: kind, status: "queued", submittedAt: RunRecording.timestamp(Date()))
        jobs[id] = job
        order.append(id)
        byKey[key] = id
        waiting.append((id, work))
        startWaitingLocked()
        return (jobs[id] ?? job, true)
    }

    public func snapshot(_ id: String) -> Snapshot? {
        lock.lock(); defer { lock.unlock() }
        return jobs[id]
    }

    /// Every job since the server started, newest first.
    public func all() -> [Snapshot] {
        lock.lock(); defer { lock.unlock() }
        return order.reversed().compactMap { jobs[$0] }
    }

    private func startWaitingLocked() {
        while running < workers, accepting, !waiting.isEmpty {
            let (id, work) = waiting.removeFirst()
            running += 1
            jobs[id]?.status = "running"
            jobs[id]?.startedAt = RunRecording.timestamp(Date())
            let thread = Thread { [self] in execute(id: id, work: work) }
            thread.name = "stresspack \(id)"
            // The engines' recursion and large stack frames: the main thread's size.
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func execute(id: String, work: Work) {
        let progress = ProgressReporter(quiet: true) { [weak self] event in
            self?.record(id: id, event)
        }
        let result: Result<Outcome, Error> = Result { try work(progress) }
        lock.lock()
        jobs[id]?.finishedAt = RunRecording.timestamp(Date())
        switch result {
        case .success(let outcome):
            jobs[id]?.status = "succeeded"
            jobs[id]?.run = outcome.run
            jobs[id]?.report = outcome.report
            jobs[id]?.verified = outcome.verified
            if outcome.verified == false { jobs[id]?.status = "failed"; jobs[id]?.error = "outputs do not reproduce" }
        case .failure(let error):
            jobs[id]?.status = "failed"
            jobs[id]?.error = Self.message(error)
        }
        running -= 1
        startWaitingLocked()
        let wake = running == 0 && !accepting ? drained : []
        if !wake.isEmpty { drained = [] }
        lock.unlock()
        for continuation in wake { continuation.resume() }
    }

    private func record(id: String, _ event: ProgressReporter.Event) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .note(let message): jobs[id]?.progress = Progress(message: message)
        case let .update(task, done, total): jobs[id]?.progress = Progress(message: task, done: done, total: total)
        }
    }

    static func message(_ error: Error) -> String {
        if let usage = error as? UsageError { return usage.message }
        return String(describing: error)
    }

    // MARK: Service: wait for SIGTERM, then let running jobs finish.

    public func run() async throws {
        try? await gracefulShutdown()
        await drain()
    }

    /// Stops taking jobs, drops the waiting ones, and returns when none is running.
    public func drain() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            accepting = false
            for (id, _) in waiting {
                jobs[id]?.status = "failed"
                jobs[id]?.error = "the server shut down before the job started"
            }
            waiting.removeAll()
            if running == 0 {
                lock.unlock()
                continuation.resume()
            } else {
                drained.append(continuation)
                lock.unlock()
            }
        }
    }
}
