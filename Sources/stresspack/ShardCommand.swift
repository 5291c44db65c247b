import ArgumentParser
import Foundation
import StressPipeline

/// `stresspack shard run|merge`: the two halves of a sharded run planned by
/// `run --shards N --plan DIR` (README "Running on a Slurm cluster", docs/SCALE-OUT.md).
struct ShardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shard",
        abstract: "Compute one shard of a planned run, or merge the shards into the run's outputs.",
        subcommands: [Run.self, Merge.self, Count.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Compute shard I of a plan and write its partial (partials/shard-I.partial).",
            discussion: "Rerunning a shard rewrites the same bytes. Without --index the index is "
                + "$SLURM_ARRAY_TASK_ID (a Slurm array task) or $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).")

        @Argument(help: "The plan folder (run --shards N --plan DIR).") var plan: String
        @Option(help: "The shard to compute, 0-based.") var index: Int?
        @OptionGroup var compute: ComputeOptions

        func run() throws {
            let progress = ProgressReporter(quiet: compute.quiet)
            let i = try ShardRunner.index(given: index)
            let units = try ShardRunner.run(plan: URL(fileURLWithPath: plan), index: i, threads: compute.threads,
                                            progress: progress)
            print("shard \(i): \(units.count) units written to \(plan)/partials/shard-\(i).partial")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Check every shard's partial and write the run's outputs, as a single machine would.",
            discussion: "Refuses (exit 2, naming the shard) a partial that is missing, truncated, from another "
                + "plan or fails its digest. The run is recorded in the store like any other.")

        @Argument(help: "The plan folder.") var plan: String
        @Option(help: "Output folder (default reports/<run-id>/).") var out: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var compute: ComputeOptions

        func run() throws {
            let progress = ProgressReporter(quiet: compute.quiet)
            let outcome = try ShardRunner.merge(plan: URL(fileURLWithPath: plan), threads: compute.threads,
                                                outDirectory: out, store: try storeOptions.open(), progress: progress)
            printOutcome(outcome)
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "count", abstract: "Print the number of shards of a plan (for scheduler scripts).")

        @Argument(help: "The plan folder.") var plan: String

        func run() throws {
            print(try ShardPlan.load(URL(fileURLWithPath: plan)).plan.shards.count)
        }
    }
}
