import XCTest
import Inputs
import TestSupport
@testable import VaREngine

/// VaR backtesting on the real S&P 500 and NASDAQ series against an independent numpy /
/// scipy computation (numpy 2.4.6 `percentile`, scipy 1.17.1 `norm.ppf`, `chi2.sf`, same
/// definitions, run once in the reference venv of Tests/Golden/README.md).
final class BacktestTests: XCTestCase {
    struct Reference {
        var series: String, model: VaRBacktest.Model, observations: Int, exceptions: Int
        var kupiec: Double, kupiecP: Double, transitions: (Int, Int, Int, Int), independence: Double
        var independenceP: Double, conditionalP: Double, recent: Int, averageVaR: Double, latestVaR: Double
    }

    static let references = [
        Reference(series: "sp500_daily", model: .historical, observations: 4780, exceptions: 81,
                  kupiec: 19.276079465078624, kupiecP: 1.1311464969913592e-05, transitions: (4622, 76, 76, 5),
                  independence: 6.009447347279888, independenceP: 0.014229483454647404,
                  conditionalP: 3.2308561104338144e-06, recent: 7, averageVaR: 0.02880787089496099,
                  latestVaR: 0.033163470389540664),
        Reference(series: "sp500_daily", model: .parametric, observations: 4780, exceptions: 117,
                  kupiec: 72.08159682664677, kupiecP: 2.064804194650545e-17, transitions: (4555, 107, 107, 10),
                  independence: 11.655891226479298, independenceP: 0.000639995363447937,
                  conditionalP: 6.555948073029021e-19, recent: 15, averageVaR: 0.025297433527891253,
                  latestVaR: 0.025366251963483525),
        Reference(series: "nasdaq_daily", model: .historical, observations: 4780, exceptions: 78,
                  kupiec: 16.18371915918999, kupiecP: 5.748606769884496e-05, transitions: (4627, 74, 74, 4),
                  independence: 3.902825727900222, independenceP: 0.048204965160226224,
                  conditionalP: 4.347726311432602e-05, recent: 7, averageVaR: 0.03558607720840265,
                  latestVaR: 0.03927632895653038),
        Reference(series: "nasdaq_daily", model: .parametric, observations: 4780, exceptions: 112,
                  kupiec: 63.2049471609123, kupiecP: 1.8627994287449987e-15, transitions: (4561, 106, 106, 6),
                  independence: 3.383596977060506, independenceP: 0.06584819979203199,
                  conditionalP: 3.4712137821571768e-15, recent: 17, averageVaR: 0.03292344950897796,
                  latestVaR: 0.03094619977817018),
    ]

    func testRealSeriesAgainstNumpy() throws {
        for reference in Self.references {
            let path = TestSupport.repositoryRoot.appendingPathComponent("data/market/\(reference.series).csv").path
            let series = try MarketSeries.load(path: path)
            let result = try VaRBacktest.run(series: series.name, returns: series.logReturns, dates: series.returnDates,
                                             window: 250, confidence: 0.99, model: reference.model)
            let label = "\(reference.series) \(reference.model)"
            XCTAssertEqual(result.observations, reference.observations, label)
            XCTAssertEqual(result.exceptions, reference.exceptions, label)
            XCTAssertEqual(result.kupiec.statistic, reference.kupiec, accuracy: 1e-10 * reference.kupiec, label)
            XCTAssertEqual(result.kupiec.pValue, reference.kupiecP, accuracy: 1e-9 * reference.kupiecP, label)
            let t = result.transitions
            XCTAssertTrue((t.n00, t.n01, t.n10, t.n11) == reference.transitions, label)
            XCTAssertEqual(result.christoffersen.statistic, reference.independence, accuracy: 1e-10 * reference.independence)
            XCTAssertEqual(result.christoffersen.pValue, reference.independenceP, accuracy: 1e-9 * reference.independenceP)
            XCTAssertEqual(result.conditionalCoverage.pValue, reference.conditionalP, accuracy: 1e-9 * reference.conditionalP)
            XCTAssertEqual(result.trafficLight.exceptions, reference.recent, label)
            XCTAssertEqual(result.trafficLight.zone, reference.recent >= 10 ? .red : .yellow, label)
            XCTAssertEqual(result.averageVaR, reference.averageVaR, accuracy: 1e-12 * reference.averageVaR)
            XCTAssertEqual(result.latestVaR, reference.latestVaR, accuracy: 1e-12 * reference.latestVaR)
            XCTAssertEqual(result.firstDate, series.returnDates[250])
            XCTAssertEqual(result.lastDate, "2018-12-31")
            XCTAssertEqual(result.rollingZones.windows, 4780 - 250 + 1)
            XCTAssertEqual(result.rollingZones.green + result.rollingZones.yellow + result.rollingZones.red,
                           result.rollingZones.windows)
            XCTAssertTrue(result.kupiec.rejectedAt95, label)
        }
    }

    /// Kupiec statistics against scipy, and the Basel table from the binomial rule.
    func testKupiecAndTrafficLight() {
        let reference: [(Int, Int, Double, Double)] = [
            (250, 0, 5.025167926750726, 0.02498150305344973), (250, 2, 0.10843521623679919, 0.7419327009526281),
            (250, 5, 1.956809788230622, 0.1618549171960387), (250, 12, 19.016185661391603, 1.296143301763101e-05),
            (1000, 25, 16.042965938670278, 6.192122972318636e-05),
        ]
        for (n, x, statistic, p) in reference {
            let outcome = CoverageTests.kupiec(exceptions: x, observations: n, expectedRate: 0.01)
            XCTAssertEqual(outcome.statistic, statistic, accuracy: 1e-12 * statistic)
            XCTAssertEqual(outcome.pValue, p, accuracy: 1e-10 * p)
        }
        let zones = (0...12).map { TrafficLight.zone(exceptions: $0, observations: 250, confidence: 0.99) }
        XCTAssertEqual(zones, [TrafficLight](repeating: .green, count: 5) + [TrafficLight](repeating: .yellow, count: 5)
                       + [TrafficLight](repeating: .red, count: 3))
        XCTAssertEqual(TrafficLight.binomialCDF(5, trials: 250, probability: 0.01), 0.9588168159301517, accuracy: 1e-13)
        XCTAssertEqual(TrafficLight.plusFactor(exceptions: 7, observations: 250, confidence: 0.99), 0.65)
        XCTAssertNil(TrafficLight.plusFactor(exceptions: 7, observations: 500, confidence: 0.99))
    }

    /// A hand-made sequence: forecasts, exceptions and clustering.
    func testSmallSeries() throws {
        // Window 4, returns with a crash cluster at the end.
        let returns = [0.01, -0.01, 0.02, -0.02, 0.0, -0.05, -0.06, 0.01]
        let result = try VaRBacktest.run(series: "toy", returns: returns, window: 4, confidence: 0.75, model: .historical)
        // VaR_4 = 75% quantile of losses [-0.01, 0.01, -0.02, 0.02] = 0.0125 (linear); loss 0 → no exception.
        XCTAssertEqual(VaRBacktest.forecasts(returns: returns, window: 4, confidence: 0.75, model: .historical)[0], 0.0125,
                       accuracy: 1e-15)
        XCTAssertEqual(result.observations, 4)
        XCTAssertEqual(result.exceptions, 2)  // days 5 and 6
        XCTAssertEqual(result.transitions, { var t = CoverageTests.Transitions([]); t.n01 = 1; t.n11 = 1; t.n10 = 1; return t }())
        XCTAssertThrowsError(try VaRBacktest.run(series: "toy", returns: returns, window: 8, model: .historical))
        XCTAssertThrowsError(try VaRBacktest.run(series: "toy", returns: returns, window: 4, confidence: 1, model: .parametric))
    }
}
