import ArgumentParser

/// `stresspack runs list | show | verify | diff`: the run store (issue #10).
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show, verify and compare stored runs.",
        subcommands: [List.self, Show.self, Verify.self, Diff.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the runs in the store.")
        @Option(help: "The run store.") var store = "stresspack.sqlite"
        func run() throws { throw notAvailableYet("runs list", issue: 10) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one run's parameters, inputs and key figures.")
        @Argument(help: "Run id.") var runID: String
        @Option(help: "The run store.") var store = "stresspack.sqlite"
        func run() throws { throw notAvailableYet("runs show", issue: 10) }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-execute a run from its stored inputs; exit 0 only if every output hash matches (3 otherwise).")
        @Argument(help: "Run id.") var runID: String
        @Option(help: "The run store.") var store = "stresspack.sqlite"
        func run() throws { throw notAvailableYet("runs verify", issue: 10) }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compare two runs figure by figure.")
        @Argument(help: "First run id.") var runA: String
        @Argument(help: "Second run id.") var runB: String
        @Option(help: "The run store.") var store = "stresspack.sqlite"
        func run() throws { throw notAvailableYet("runs diff", issue: 10) }
    }
}
