import ArgumentParser
import Foundation
import Inputs
import StressCore
import StressPipeline
import VaREngine

/// `stresspack backtest`: rolling one-day VaR on real daily index prices, with Kupiec's
/// and Christoffersen's tests and the Basel traffic light (METHODOLOGY §6).
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest rolling one-day VaR on daily price series (Kupiec, Christoffersen, Basel traffic light).",
        discussion: """
            Each day's VaR is forecast from the previous --window daily log returns, by \
            historical simulation (the empirical quantile, numpy's linear interpolation) and \
            by the normal parametric model (mean + z·sd); an exception is a day whose loss \
            (minus the log return) exceeds its forecast. The traffic light counts the \
            exceptions of the latest 250 forecast days: 0–4 green, 5–9 yellow, 10 or more \
            red at 99% (BCBS MAR99).
            Example: stresspack backtest --series data/market/sp500_daily.csv --window 250 --confidence 0.99
            """)

    @Option(name: .customLong("series"),
            help: "A daily price CSV with Date (M/D/YYYY) and Adj Close columns; repeat for several. Default: the S&P 500 and NASDAQ files in data/market/.")
    var seriesPaths: [String] = []

    @Option(help: "Days of returns behind each forecast.") var window = 250

    @Option(help: "VaR confidence level, in (0, 1).") var confidence = 0.99

    @Option(help: "Models to test: historical, parametric or both.") var model = "both"

    @Flag(help: "Print the results as JSON instead of a table.") var json = false

    static let defaultSeries = ["data/market/sp500_daily.csv", "data/market/nasdaq_daily.csv"]

    func validate() throws {
        guard window >= 2 else { throw ValidationError("--window must be at least 2 days, got \(window)") }
        guard confidence > 0 && confidence < 1 else {
            throw ValidationError("--confidence must be between 0 and 1 (exclusive), got \(confidence)")
        }
        guard ["historical", "parametric", "both"].contains(model) else {
            throw ValidationError("--model must be historical, parametric or both, got '\(model)'")
        }
    }

    var models: [VaRBacktest.Model] {
        model == "both" ? VaRBacktest.Model.allCases : [VaRBacktest.Model(rawValue: model)!]
    }

    func run() throws {
        var results: [VaRBacktest.Result] = []
        for path in (seriesPaths.isEmpty ? Self.defaultSeries : seriesPaths) {
            let series = try MarketSeries.load(path: Self.resolve(path))
            for m in models {
                do {
                    results.append(try VaRBacktest.run(series: series.name, returns: series.logReturns,
                                                       dates: series.returnDates, window: window,
                                                       confidence: confidence, model: m))
                } catch {
                    throw UsageError(message: "\(path): \(error)")
                }
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        } else {
            print(Self.table(results, window: window, confidence: confidence), terminator: "")
        }
    }

    /// A path as given when it exists, else relative to the project home (where data/ is).
    static func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        let candidate = ProjectPaths.home.appendingPathComponent(path).path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : path
    }

    static func trimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// The report: one block per series, one row per model.
    static func table(_ results: [VaRBacktest.Result], window: Int, confidence: Double) -> String {
        func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
        func pValue(_ p: Double) -> String { p < 0.0001 ? String(format: "%.1e", p) : fixed(p, 4) }
        func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: max(width, s.count), withPad: " ", startingAt: 0) }
        let level = fixed(confidence * 100, confidence * 100 == (confidence * 100).rounded() ? 0 : 1)
        var out = "VaR backtest: \(level)% one-day VaR, \(window)-day rolling window, loss = −log return\n"
        out += "Kupiec: proportion of failures (χ²₁); Christoffersen: independence (χ²₁) and conditional coverage (χ²₂);\n"
        out += "traffic light: exceptions in the latest 250 forecast days (Basel MAR99).\n"
        var current = ""
        let columns = [("model", 11), ("exceptions", 11), ("expected", 9), ("rate", 8), ("Kupiec LR", 10), ("p-value", 10),
                       ("indep. LR", 10), ("p-value", 10), ("cond. p", 10), ("last 250 days", 22), ("250-day windows G/Y/R", 22)]
        for r in results {
            if r.series != current {
                current = r.series
                out += "\n\(r.series): \(r.observations) forecast days, \(r.firstDate ?? "?") to \(r.lastDate ?? "?")\n"
                out += Self.trimmed("  " + columns.map { pad($0.0, $0.1) }.joined()) + "\n"
            }
            var light = "\(r.trafficLight.exceptions) \(r.trafficLight.zone.rawValue)"
            if let plus = r.trafficLight.plusFactor { light += " (+\(fixed(plus, 2)))" }
            let zones = "\(r.rollingZones.green)/\(r.rollingZones.yellow)/\(r.rollingZones.red)"
            let cells = [r.model.rawValue, "\(r.exceptions)", fixed(r.expectedExceptions, 1),
                         fixed(r.exceptionRate * 100, 2) + "%", fixed(r.kupiec.statistic, 2), pValue(r.kupiec.pValue),
                         fixed(r.christoffersen.statistic, 2), pValue(r.christoffersen.pValue),
                         pValue(r.conditionalCoverage.pValue), light, zones]
            out += Self.trimmed("  " + zip(cells, columns).map { pad($0, $1.1) }.joined()) + "\n"
        }
        return out
    }
}
