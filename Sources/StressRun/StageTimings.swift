import Foundation

/// Where a run's time went, stage by stage (load, each scenario's credit / provisions /
/// income / capital / liquidity / attribution / reverse stress, VaR, each renderer), in the
/// order the stages ran, with the process's peak memory when each stage ended (it rises at
/// the stages that hold more). Kept in the run store and shown by `runs show`, never in
/// results.json or the manifest: wall-clock time differs between runs, the outputs must not.
public final class StageTimings: @unchecked Sendable {
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var seconds: Double
        /// The process's peak resident memory when the stage ended; nil where it is not known.
        public var peakBytes: Int?

        public init(name: String, seconds: Double, peakBytes: Int? = nil) {
            self.name = name
            self.seconds = seconds
            self.peakBytes = peakBytes
        }
    }

    private let lock = NSLock()
    private var recorded: [Stage] = []
    private var mark = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Records the time since the previous lap (or since the clock started) under `name`.
    public func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            recorded.append(Stage(name: name, seconds: Double(now - mark) / 1e9, peakBytes: Self.peakResidentBytes()))
            mark = now
        }
    }

    public var stages: [Stage] { lock.withLock { recorded } }

    public func record(_ name: String, seconds: Double) {
        let peak = Self.peakResidentBytes()
        lock.withLock { recorded.append(Stage(name: name, seconds: seconds, peakBytes: peak)) }
    }

    /// Records a stage measured elsewhere (a shard's), with its own peak.
    public func record(_ stage: Stage) {
        lock.withLock { recorded.append(stage) }
    }

    /// The process's peak resident set so far (getrusage: kilobytes on Linux, bytes on macOS).
    public static func peakResidentBytes() -> Int? {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0, usage.ru_maxrss > 0 else { return nil }
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// Runs `body` and records its wall-clock time under `name`.
    public func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { record(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }
}

extension Optional where Wrapped == StageTimings {
    /// `body` timed when there is a clock, else just run.
    public func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let clock = self else { return try body() }
        return try clock.measure(name, body)
    }
}
