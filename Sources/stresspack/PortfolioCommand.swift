import ArgumentParser
import Foundation
import Inputs
import RunStore
import StressPipeline
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
        @Flag(help: "Give card and consumer loan rows their borrowers' characteristics (run --pd-model).")
        var borrowers = false
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
                                                   progress: progress, borrowers: borrowers)
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
        static let configuration = CommandConfiguration(
            abstract: "Validate a portfolio CSV and import it into the run store under a name.",
            discussion: "A file that fails validation changes nothing in the store. Use the name with run --portfolio NAME.")
        @Argument(help: "Portfolio CSV.") var path: String
        @Option(help: "Name in the store.") var name: String
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let record = try PortfolioImport.run(path: path, name: name, store: try storeOptions.open())
            print("imported \(record.name): \(record.exposures) exposures, EAD \(String(format: "%.2f", record.totalEAD)), sha256 \(record.sha256)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the portfolios in the run store.")
        @OptionGroup var storeOptions: StoreOptions
        func run() throws {
            let portfolios = try storeOptions.open().portfolios()
            if portfolios.isEmpty { print("no portfolios in \(storeOptions.store)") }
            for p in portfolios {
                print("\(p.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(String(p.exposures).leftPadded(10)) exposures  "
                      + "EAD \(String(format: "%.0f", p.totalEAD).leftPadded(16))  \(p.sha256.prefix(16))…  \(p.importedAt)")
            }
        }
    }
}
