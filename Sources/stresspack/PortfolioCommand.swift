import ArgumentParser
import Foundation
import Inputs
import StressRun

/// `stresspack portfolio sample | validate | import | list`.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Generate, validate and import portfolios.",
        subcommands: [Sample.self, Validate.self, Import.self, List.self])

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the deterministic sample bank: a portfolio CSV and its balance sheet YAML.",
            discussion: "Example: stresspack portfolio sample --exposures 250000 --seed 42 --out bank.csv")
        @Option(help: "Number of exposures.") var exposures = 250_000
        @Option(help: "Seed: the same seed and size give the same bytes.") var seed: UInt64 = 42
        @Option(help: "Portfolio CSV to write.") var out: String
        @Option(name: .customLong("balance-sheet"), help: "Balance sheet YAML (default <out>.balance-sheet.yaml).")
        var balanceSheet: String?
        @OptionGroup var compute: ComputeOptions

        func validate() throws {
            guard exposures >= 1 && exposures <= 1_000_000_000 else {
                throw ValidationError("--exposures must be between 1 and 1,000,000,000, got \(exposures)")
            }
        }

        func run() throws {
            let progress = ProgressReporter(quiet: compute.quiet)
            let sheet = balanceSheet ?? SampleBankFiles.balanceSheetPath(forPortfolio: out)
            let totals = try SampleBankFiles.write(exposures: exposures, seed: seed, portfolioPath: out,
                                                   balanceSheetPath: sheet, threads: compute.threads,
                                                   progress: progress)
            print("wrote \(totals.totalCount) exposures, EAD \(Int(totals.totalEAD.rounded())) EUR")
            print(out)
            print(sheet)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a portfolio CSV and print its summary; exit 2 with the first error.")
        @Argument(help: "Portfolio CSV.") var path: String
        func run() throws {
            let loaded = try PortfolioCSV.load(path: path)
            let s = PortfolioSummary(loaded.portfolio)
            print("\(path): ok, \(s.exposures) exposures, EAD \(String(format: "%.2f", s.totalEAD)), "
                  + "EL \(String(format: "%.2f", s.expectedLoss))")
            for f in loaded.findings { print("  \(f.severity.rawValue): \(f.message)") }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import a portfolio into the run store.")
        @Argument(help: "Portfolio CSV.") var path: String
        @Option(help: "Name in the store.") var name: String
        func run() throws { throw notAvailableYet("portfolio import", issue: 10) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the portfolios in the run store.")
        func run() throws { throw notAvailableYet("portfolio list", issue: 10) }
    }
}
