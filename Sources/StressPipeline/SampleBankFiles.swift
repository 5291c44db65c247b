import Foundation
import SampleBank

/// Writes the sample bank's portfolio CSV and balance-sheet YAML.
public enum SampleBankFiles {
    /// The balance sheet that goes with a portfolio file: `bank.csv` → `bank.balance-sheet.yaml`.
    public static func balanceSheetPath(forPortfolio path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.pathExtension.lowercased() == "csv" ? url.deletingPathExtension().lastPathComponent
                                                            : url.lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(stem + ".balance-sheet.yaml").path
    }

    @discardableResult
    public static func write(exposures: Int, seed: UInt64, portfolioPath: String, balanceSheetPath: String,
                             threads: Int, progress: ProgressReporter, borrowers: Bool = false) throws -> SampleBankTotals {
        let directory = URL(fileURLWithPath: portfolioPath).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let generator = SampleBankGenerator(exposures: exposures, seed: seed, borrowers: borrowers)
        let totals = try generator.writePortfolio(to: portfolioPath, threads: threads) { done in
            progress.update("sample bank", done: done, total: exposures)
        }
        let sheet = SampleBalanceSheet.make(totals: totals)
        let yaml = BalanceSheetYAML.render(sheet, comment: """
            Sample Bank AG: balance sheet matching the sample portfolio \
            (stresspack portfolio sample --exposures \(exposures) --seed \(seed)).
            Amounts in EUR; rates as fractions.
            """)
        let temporary = balanceSheetPath + ".partial-\(getpid())"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, balanceSheetPath) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw UsageError(message: "\(balanceSheetPath): cannot write the balance sheet")
        }
        return totals
    }

    /// The demo's sample bank under reports/sample-bank/. Regenerated on every
    /// call (about a second for 250,000 rows): the files are a pure function of
    /// size and seed, so a stale copy from an older generator can never be run.
    public static func ensureDemoBank(exposures: Int, seed: UInt64, threads: Int,
                               progress: ProgressReporter) throws -> (portfolio: String, balanceSheet: String) {
        let directory = "reports/sample-bank"
        let portfolio = "\(directory)/sample-bank-\(exposures)-\(seed).csv"
        let balanceSheet = balanceSheetPath(forPortfolio: portfolio)
        progress.note("generating the sample bank (\(exposures) exposures, seed \(seed))")
        try write(exposures: exposures, seed: seed, portfolioPath: portfolio,
                  balanceSheetPath: balanceSheet, threads: threads, progress: progress)
        return (portfolio, balanceSheet)
    }
}
