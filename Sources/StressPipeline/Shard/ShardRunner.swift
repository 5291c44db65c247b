import Foundation
import RunStore
import StressRun

/// `shard run` and `shard merge` (docs/SCALE-OUT.md).
public enum ShardRunner {
    /// The shard index from the command line, else from the scheduler: Slurm's array task id,
    /// or a Kubernetes Indexed Job's completion index.
    public static func index(given: Int?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let given { return given }
        for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] {
            if let text = environment[name] {
                guard let i = Int(text) else { throw UsageError(message: "\(name)='\(text)' is not a shard index") }
                return i
            }
        }
        throw UsageError(message: "no shard index: give --index, or run as a Slurm array task (SLURM_ARRAY_TASK_ID) "
            + "or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)")
    }

    /// Computes shard `index` of the plan in `directory` and writes its partial.
    public static func run(plan directory: URL, index: Int, threads: Int, progress: ProgressReporter) throws
        -> [RunUnit] {
        let (plan, digest) = try ShardPlan.load(directory)
        guard plan.shards.indices.contains(index) else {
            throw UsageError(message: "shard index \(index) is outside the plan's 0...\(plan.shards.count - 1)")
        }
        var job = try plan.job(in: directory, threads: threads, outDirectory: nil, store: nil)
        job.attributionParts = RunUnit.attributionParts(plan.shards.joined())
        let files = try RunInputs.resolve(job)
        let clock = StageTimings()
        let units = plan.shards[index]
        var computed: [RunUnit: UnitResult] = [:]
        // An exposure range reads its own rows of the book alone, so it has a context of its own.
        for unit in units {
            guard let rows = unit.exposureRange else { continue }
            progress.note("shard \(index): \(unit.label)")
            let context = try RunContext.prepare(job: job, files: files, purpose: .exposures(rows), clock: clock,
                                                 progress: progress)
            computed[unit] = try job.compute(unit, in: context, clock: clock, progress: progress)
        }
        let others = units.filter { $0.exposureRange == nil }
        if !others.isEmpty {
            var context = try RunContext.prepare(job: job, files: files, purpose: .units(others), clock: clock,
                                                 progress: progress)
            let results = try job.compute(others, in: &context, clock: clock, progress: progress) { unit in
                progress.note("shard \(index): \(unit.label)")
            }
            for (unit, result) in zip(others, results) { computed[unit] = result }
        }
        let results = units.map { computed[$0]! }
        try ShardPartial.write(units: units, results: results, index: index, plan: plan, planDigest: digest,
                               stages: clock.stages, in: directory)
        return units
    }

    /// Checks every shard's partial, then writes and records the run from them, through the
    /// single-machine run's own assembly and writers.
    public static func merge(plan directory: URL, threads: Int, outDirectory: String?, store: RunStore?,
                             progress: ProgressReporter) throws -> RunJob.Outcome {
        let (plan, digest) = try ShardPlan.load(directory)
        var results: [RunUnit: UnitResult] = [:]
        var stages: [StageTimings.Stage] = []
        for index in plan.shards.indices {
            let partial = try ShardPartial.read(index, plan: plan, planDigest: digest, in: directory)
            results.merge(partial.results) { first, _ in first }
            stages += partial.stages
        }
        let job = try plan.job(in: directory, threads: threads, outDirectory: outDirectory, store: store)
        return try job.execute(progress: progress, computed: .init(runID: plan.runID, results: results, stages: stages))
    }
}
