@testable import FactorModel
import Foundation
import Inputs
import RiskMath
import TestSupport
import XCTest

/// The real-data features: the Fama-French factor covariance, the credit model's market
/// factor, and the attribution of S&P 500 returns to the Fama-French factors.
final class FamaFrenchModelTests: XCTestCase {
    func famaFrench() throws -> FactorReturnSeries {
        let ff = try FamaFrenchFactors.load(path: marketData("fama_french_monthly.csv"))
        return try FactorReturnSeries(names: FamaFrenchFactors.factorNames, labels: ff.labels,
                                      returns: Matrix(rows: ff.count, columns: 3, elements: ff.decimalReturns), periodsPerYear: 12)
    }

    /// Equal weights, no lags, no shrinkage: the covariance is the plain sample covariance
    /// (divisor T) × 12, computed here directly from the file's columns.
    func testPlainCovarianceMatchesDirectComputation() throws {
        let series = try famaFrench()
        let e = try FactorCovarianceEstimator.estimate(series.returns, options: FactorCovarianceOptions(), periodsPerYear: 12)
        let columns = (0..<3).map { series.returns.column($0) }
        let t = Double(columns[0].count)
        let means = columns.map { $0.reduce(0, +) / t }
        for a in 0..<3 {
            for b in 0..<3 {
                var s = 0.0
                for i in columns[0].indices { s += (columns[a][i] - means[a]) * (columns[b][i] - means[b]) }
                XCTAssertEqual(e.covariance[a, b], 12 * s / t, accuracy: 1e-14)
            }
        }
        // Mkt-RF 1926–2018: about 18.5% a year.
        XCTAssertEqual(e.volatility[0], 0.185, accuracy: 0.01)
    }

    func testMonthlyModelIsPositiveDefiniteWithShrinkage() throws {
        let e = try FactorCovarianceEstimator.estimate(try famaFrench().returns, options: .monthly, periodsPerYear: 12)
        XCTAssertNoThrow(try e.covariance.cholesky())
        XCTAssertGreaterThanOrEqual(e.shrinkageIntensity, 0)
        XCTAssertLessThanOrEqual(e.shrinkageIntensity, 1)
        XCTAssertEqual(e.effectiveObservations.volatility, 2 * 36 / log(2), accuracy: 5, "≈ 2h/ln 2 effective months")
    }

    func testCreditMarketModelFromFamaFrench() throws {
        let model = try CreditFactorModel.marketModel(history: try famaFrench(), marketColumn: "Mkt-RF",
                                                      source: "data/market/fama_french_monthly.csv")
        XCTAssertEqual(model.factors, [.market])
        XCTAssertGreaterThan(model.volatility[0], 0.08)
        XCTAssertLessThan(model.volatility[0], 0.30)
        XCTAssertTrue(model.provenance.realData[0].contains("1926-07..2018-11"), model.provenance.realData[0])
        XCTAssertFalse(model.provenance.assumptions.isEmpty)
        XCTAssertThrowsError(try CreditFactorModel.marketModel(history: try famaFrench(), marketColumn: "nope", source: ""))
    }

    /// S&P 500 monthly excess returns 1999-02..2018-11 on Mkt-RF, SMB, HML: β_market near
    /// 1, a high R², a negative size loading (large caps), and the identities of OLS.
    func testSP500AttributionToFamaFrench() throws {
        let sp = try MarketSeries.load(path: marketData("sp500_daily.csv"))
        var months: [Int] = [], closes: [Double] = []
        for (date, close) in zip(sp.dates, sp.adjustedClose) {
            let key = Int(date.prefix(4))! * 100 + Int(date.dropFirst(5).prefix(2))!
            if months.last == key { closes[closes.count - 1] = close } else { months.append(key); closes.append(close) }
        }
        let ff = try FamaFrenchFactors.load(path: marketData("fama_french_monthly.csv"))
        let window = ff.between(months[1], ff.months.last!)
        var excess: [Double] = []
        for (t, month) in window.months.enumerated() {
            let k = months.firstIndex(of: month)!
            excess.append(closes[k] / closes[k - 1] - 1 - window.riskFree[t] / 100)
        }
        let factors = try FactorReturnSeries(names: FamaFrenchFactors.factorNames, labels: window.labels,
                                             returns: Matrix(rows: window.count, columns: 3, elements: window.decimalReturns),
                                             periodsPerYear: 12)
        let a = try TimeSeriesAttribution.fit(returns: excess, factors: factors)
        XCTAssertEqual(a.periods.first, "1999-02")
        XCTAssertEqual(a.exposures[0], 1, accuracy: 0.1)
        XCTAssertLessThan(a.exposures[1], 0)
        XCTAssertGreaterThan(a.rSquared, 0.95)
        for t in 0..<excess.count {
            XCTAssertEqual(a.contributions[t].reduce(0, +) + a.specific[t], excess[t], accuracy: 1e-15)
        }
        XCTAssertEqual(a.cumulativeSpecific, a.alpha * Double(excess.count), accuracy: 1e-12, "OLS residuals sum to zero")
        XCTAssertEqual(a.cumulativeFactorContributions.reduce(0, +) + a.cumulativeSpecific, a.cumulativeTotal, accuracy: 1e-12)
    }
}

extension FamaFrenchModelTests {
    /// The model file round-trips: encode → decode → encode gives the same bytes.
    func testModelDocumentRoundTrips() throws {
        let series = try famaFrench()
        let estimate = try FactorCovarianceEstimator.estimate(series.returns, options: .monthly, periodsPerYear: 12)
        let style = try FactorRiskModel(
            factors: [Factor(name: "Mkt-RF", kind: .market), Factor(name: "SMB", kind: .style), Factor(name: "HML", kind: .style)],
            covariance: estimate.covariance, provenance: .init(estimation: "test", realData: ["ff"], assumptions: []))
        let credit = try CreditFactorModel.marketModel(history: series, marketColumn: "Mkt-RF", source: "ff")
        let garch = try GARCH11.fit(series.returns.column(0).map { $0 * 100 })
        let document = FactorModelDocument(
            engineVersion: "test", styleModel: .init(model: style, options: .monthly, sample: "all", estimate: estimate),
            creditModel: credit,
            garch: [.init(series: "Mkt-RF", units: "percent per month", sample: "all", periodsPerYear: 12, fit: garch)],
            attribution: nil, inputs: [.init(path: "ff.csv", sha256: "00")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(document)
        let decoded = try JSONDecoder().decode(FactorModelDocument.self, from: first)
        XCTAssertEqual(try encoder.encode(decoded), first)
        XCTAssertEqual(decoded.creditModel, credit)
        XCTAssertEqual(decoded.garch[0].fit.parameters, garch.parameters)
        XCTAssertTrue(garch.converged)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("\"credit_structure\""))
        XCTAssertTrue(text.contains("\"log_likelihood\""))
    }
}
