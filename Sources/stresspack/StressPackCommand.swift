import ArgumentParser

/// `stresspack`: regulatory stress tests from the command line (INTERFACES.md).
struct StressPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stresspack",
        abstract: "Regulatory stress-testing reports: EBA, Bank of England, CCAR/DFAST and RBI.",
        discussion: """
            Exit codes: 0 success; 1 internal failure; 2 bad usage or bad input data \
            (the message names the file, line or key); 3 a `runs verify` mismatch.
            """,
        version: "stresspack \(engineVersion)",
        subcommands: [DemoCommand.self, RunCommand.self, ScenariosCommand.self,
                      PortfolioCommand.self, RunsCommand.self, SatelliteCommand.self,
                      FactorsCommand.self, BacktestCommand.self, CalibrateCommand.self, ECLCommand.self,
                      TemplatesCommand.self, ShardCommand.self, ServeCommand.self, ServeTokenCommand.self,
                      PDCommand.self])
}
