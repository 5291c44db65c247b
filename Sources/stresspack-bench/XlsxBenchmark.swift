import Foundation
import Inputs
import Reports
import StressCore
import StressRun

/// `stresspack-bench xlsx PORTFOLIO.csv OUT.xlsx [REPETITIONS]`: the exposure
/// sheet of a workbook (every input column, one row per exposure, totals as
/// formulas, constant-memory mode) written from a loaded portfolio. Loading is
/// not timed; building the report model and writing the file are. The peer is
/// scripts/bench/xlsx_plain.c, run by scripts/bench/xlsx.sh on the same file.
enum XlsxBenchmark {
    static func run(arguments: [String]) throws {
        guard arguments.count >= 2 else {
            print("usage: stresspack-bench xlsx PORTFOLIO.csv OUT.xlsx [REPETITIONS]")
            exit(2)
        }
        let repetitions = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 3) : 3
        let portfolio = try PortfolioCSV.load(path: arguments[0]).portfolio
        let results = RunResults(
            run: RunInfo(id: "bench", asOf: "2025-12-31", seed: 0, pack: "bench", inputs: []),
            portfolio: PortfolioSummary(portfolio), balanceSheet: nil, scenarios: [],
            dataQuality: DataQuality(findings: []))
        let template = ReportTemplate(id: "bench", title: "Exposure sheet benchmark",
                                      sheets: [.init(section: .exposures)])
        var seconds: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            try WorkbookRenderer.render(results: results, portfolio: portfolio, template: template, to: arguments[1])
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        print("StressPack exposure sheet, \(portfolio.count) rows: median \(String(format: "%.3f", median)) s "
              + "(min \(String(format: "%.3f", seconds.first!)), max \(String(format: "%.3f", seconds.last!)))")
        print("swift_seconds=\(String(format: "%.4f", median))")
    }
}
