import FactorModel
import Foundation
import Inputs
import RiskMath
import StressCore

/// Building the factor models from the bundled files (data/market/), for `factors fit`
/// and for runs (the credit model of results.json `factor_risk`).
public enum FactorData {
    public struct Paths {
        public var famaFrench: String?
        public var sp500: String?
        public var nasdaq: String?

        public init(famaFrench: String? = nil, sp500: String? = nil, nasdaq: String? = nil) {
            self.famaFrench = famaFrench
            self.sp500 = sp500
            self.nasdaq = nasdaq
        }

        public static func bundled(_ name: String) -> String {
            ProjectPaths.home.appendingPathComponent("data/market/\(name)").path
        }

        public var famaFrenchPath: String { famaFrench ?? Self.bundled("fama_french_monthly.csv") }
        public var sp500Path: String { sp500 ?? Self.bundled("sp500_daily.csv") }
        public var nasdaqPath: String { nasdaq ?? Self.bundled("nasdaq_daily.csv") }
    }

    /// The Fama-French Mkt-RF, SMB, HML as decimal monthly returns.
    public static func famaFrenchSeries(_ ff: FamaFrenchFactors) throws(FactorModelError) -> FactorReturnSeries {
        try FactorReturnSeries(names: FamaFrenchFactors.factorNames, labels: ff.labels,
                               returns: makeMatrix(rows: ff.count, columns: 3, ff.decimalReturns), periodsPerYear: 12)
    }

    /// The credit factor model a run uses: the market factor from the bundled Fama-French
    /// Mkt-RF (monthly options), with the standard sector/country structure.
    public static func creditModel(famaFrenchPath: String = Paths.bundled("fama_french_monthly.csv"),
                            options: FactorCovarianceOptions = .monthly) throws -> FactorRiskModel {
        let ff = try FamaFrenchFactors.load(path: famaFrenchPath)
        return try CreditFactorModel.marketModel(history: famaFrenchSeries(ff), marketColumn: "Mkt-RF", options: options,
                                                 source: "Fama-French monthly factors (\(URL(fileURLWithPath: famaFrenchPath).lastPathComponent))")
    }

    public static func fit(paths: Paths, options: FactorCovarianceOptions) throws -> FactorModelDocument {
        let ff = try FamaFrenchFactors.load(path: paths.famaFrenchPath)
        var series = try famaFrenchSeries(ff)
        if let window = options.window { series = series.suffix(window) }
        let sample = "\(series.labels.first ?? "")..\(series.labels.last ?? "")"
        let estimate = try FactorCovarianceEstimator.estimate(series.returns, options: options, periodsPerYear: 12)
        let styleModel = try FactorRiskModel(
            factors: [Factor(name: "Mkt-RF", kind: .market), Factor(name: "SMB", kind: .style), Factor(name: "HML", kind: .style)],
            covariance: estimate.covariance,
            provenance: .init(estimation: "exponentially weighted covariance of monthly decimal returns, annualised × 12",
                              realData: ["Fama-French Mkt-RF, SMB, HML, \(sample) (Kenneth R. French Data Library via arch)"],
                              assumptions: ["half-lives, lags and shrinkage as in `options`"]))
        let creditModel = try CreditFactorModel.marketModel(history: series, marketColumn: "Mkt-RF", options: options,
                                                            source: "Fama-French monthly factors (\(URL(fileURLWithPath: paths.famaFrenchPath).lastPathComponent))")

        var garch: [FactorModelDocument.GARCHSummary] = []
        let percent = [ff.marketExcess, ff.smb, ff.hml]
        for (k, name) in FamaFrenchFactors.factorNames.enumerated() {
            let values = Array(percent[k].suffix(series.labels.count))
            garch.append(.init(series: name, units: "percent per month", sample: sample, periodsPerYear: 12,
                               fit: try GARCH11.fit(values)))
        }
        var inputs = [paths.famaFrenchPath]
        var attribution: FactorModelDocument.Attribution?
        for (name, path) in [("S&P 500", paths.sp500Path), ("NASDAQ Composite", paths.nasdaqPath)] {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let prices = try MarketSeries.load(path: path)
            inputs.append(path)
            garch.append(.init(series: name, units: "100 × daily log return",
                               sample: "\(prices.returnDates.first ?? "")..\(prices.returnDates.last ?? "")",
                               periodsPerYear: 252, fit: try GARCH11.fit(prices.logReturns.map { 100 * $0 })))
            if attribution == nil {
                attribution = FactorModelDocument.Attribution(series: "\(name) monthly excess return", fit: try monthlyAttribution(prices, ff))
            }
        }
        return FactorModelDocument(
            engineVersion: EngineVersion.current,
            styleModel: .init(model: styleModel, options: options, sample: sample, estimate: estimate),
            creditModel: creditModel, garch: garch, attribution: attribution,
            inputs: try inputs.map { .init(path: $0, sha256: try FileDigest.sha256(path: $0).hex) })
    }

    /// Month-end adjusted closes → monthly returns minus the Fama-French risk-free rate,
    /// regressed on Mkt-RF, SMB, HML over the months both cover.
    public static func monthlyAttribution(_ prices: MarketSeries, _ ff: FamaFrenchFactors) throws -> TimeSeriesAttribution {
        var months: [Int] = [], closes: [Double] = []
        for (date, close) in zip(prices.dates, prices.adjustedClose) {
            let key = Int(date.prefix(4))! * 100 + Int(date.dropFirst(5).prefix(2))!
            if months.last == key { closes[closes.count - 1] = close } else { months.append(key); closes.append(close) }
        }
        guard months.count > 2 else { throw UsageError(message: "\(prices.name): fewer than three months of prices") }
        let window = ff.between(months[1], min(months.last!, ff.months.last!))
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        var excess: [Double] = []
        for (t, month) in window.months.enumerated() {
            guard let k = index[month], k > 0 else { throw UsageError(message: "\(prices.name): no close for \(month)") }
            excess.append(closes[k] / closes[k - 1] - 1 - window.riskFree[t] / 100)
        }
        return try TimeSeriesAttribution.fit(returns: excess, factors: famaFrenchSeries(window))
    }

    // MARK: - Text



    public static func makeMatrix(rows: Int, columns: Int, _ elements: [Double]) throws(FactorModelError) -> Matrix {
        do {
            return try Matrix(rows: rows, columns: columns, elements: elements)
        } catch {
            throw FactorModelError(stage: "factor data", message: "\(error)")
        }
    }
}
