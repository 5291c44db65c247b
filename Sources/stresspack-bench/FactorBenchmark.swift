import FactorModel
import Foundation
import RiskMath

/// `stresspack-bench factors [ASSETS FACTORS DATES]`: the factor model fit on a synthetic
/// panel (default 3,000 assets × 60 factors — market, 40 industries, 10 countries, 9
/// styles — over 1,000 dates, exposures refreshed every 21 dates), median of 3 runs per
/// stage, with the dgemm rate measured in the same run as the peer (PERFORMANCE.md).
///
/// Stages: cross-sectional WLS (complete panel: one factorisation per snapshot; and with
/// 1% of returns missing, which forces one solve per date), the factor covariance (daily
/// options: half-lives 84/504, 2 Newey-West lags, Ledoit-Wolf, PD repair), specific risk,
/// GARCH(1,1) on every factor series, and a portfolio risk decomposition.
enum FactorBenchmark {
    static func run(arguments: [String]) throws {
        let numbers = arguments.compactMap { Int($0) }
        let assets = numbers.count > 0 ? numbers[0] : 3_000
        let factors = numbers.count > 1 ? numbers[1] : 60
        let dates = numbers.count > 2 ? numbers[2] : 1_000
        let threads = ProcessInfo.processInfo.activeProcessorCount
        BLASEnvironment.threadCount = 1
        // Split the factors as 1 market + 40/59 industries + 10/59 countries + 9/59 styles (≤ 12).
        let styles = min(12, max(1, (factors - 1) * 9 / 59))
        let countries = max(1, (factors - 1) * 10 / 59)
        let industries = factors - 1 - countries - styles
        guard industries >= 1 else {
            print("usage: stresspack-bench factors [ASSETS FACTORS DATES] with FACTORS ≥ 4")
            exit(2)
        }
        print("factor model benchmark: \(assets) assets × \(factors) factors (1 market, \(industries) industries, "
              + "\(countries) countries, \(styles) styles) × \(dates) dates; exposures every 21 dates; "
              + "\(threads) threads, BLAS 1 thread (\(BLASEnvironment.coreName))")

        var start = DispatchTime.now().uptimeNanoseconds
        let configuration = SyntheticFactorPanel.Configuration(
            assets: assets, dates: dates, industries: industries, countries: countries, styles: styles, snapshotInterval: 21)
        let synthetic = try SyntheticFactorPanel.generate(configuration)
        var missing = configuration
        missing.missingFraction = 0.01
        let sparse = try SyntheticFactorPanel.generate(missing)
        print("  panels generated in \(format(seconds(since: start))) s (not timed below)")

        var sink = 0.0
        var regressionSeconds = 0.0
        let regression = try measure("cross-sectional WLS, complete panel", seconds: &regressionSeconds) {
            let r = try CrossSectionalRegression.estimate(synthetic.panel, threads: threads)
            sink += r.values[0, 0]
            return r
        }
        _ = try measure("cross-sectional WLS, 1% returns missing (a solve per date)") {
            sink += try CrossSectionalRegression.estimate(sparse.panel, threads: threads).values[0, 0]
        }
        let covariance = try measure("factor covariance (EW 84/504, NW 2, Ledoit-Wolf, PD repair)") {
            try FactorCovarianceEstimator.estimate(regression.values, options: .daily, periodsPerYear: 252)
        }
        let specific = try measure("specific risk (EW, Bayesian shrinkage by size decile)") {
            try SpecificRisk.estimate(residuals: regression.residuals, marketCap: synthetic.panel.snapshots.last!.marketCap,
                                      halfLife: 84)
        }
        _ = try measure("GARCH(1,1) on all \(factors) factor series") {
            for k in 0..<factors { sink += try GARCH11.fit(regression.values.column(k).map { $0 * 100 }).logLikelihood }
        }
        let fit = try measure("whole fit (FactorModelEstimation.fit)") {
            try FactorModelEstimation.fit(synthetic.panel, options: .init(threads: threads))
        }
        let holdings = (0..<assets).map { _ in 1.0 / Double(assets) }
        _ = try measure("risk decomposition of one portfolio") {
            try RiskDecomposition.decompose(holdings: holdings, exposures: fit.exposures.exposures,
                                            covariance: fit.model.covariance, specificVariance: fit.specificVariance)
        }
        sink += covariance.covariance[0, 0] + specific.variance[0]

        // Recovery on the benchmark panel: correlation of estimated and true market returns.
        let estimated = regression.values.column(0), truth = synthetic.trueFactorReturns.column(0)
        print("  check: corr(estimated, true market factor return) = \(format(correlation(estimated, truth), 6)); "
              + "clipped eigenvalues \(covariance.clippedEigenvalues); Ledoit-Wolf intensity \(format(covariance.shrinkageIntensity, 4))")

        // Peer in the same run: dgemm at a size like the regression's (N × K times K × T).
        start = DispatchTime.now().uptimeNanoseconds
        let a = Matrix(rows: 2_000, columns: 2_000, repeating: 0.5), b = Matrix(rows: 2_000, columns: 2_000, repeating: 0.25)
        var rates: [Double] = []
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            var c = Matrix(rows: 2_000, columns: 2_000)
            try Matrix.gemm(a, b, into: &c)
            sink += c[0, 0]
            rates.append(2 * 8e9 / seconds(since: t0) / 1e9)
        }
        rates.sort()
        print("  peer: OpenBLAS dgemm 2000×2000, 1 thread: \(format(rates[1], 1)) GFLOPS (median of 3)")
        // Per snapshot: Z = X·R and ZᵀWZ; per date: B = r·WZ and U = r − f·Xᵀ (K' ≈ K − 2 free factors).
        let (n, k) = (Double(assets), Double(factors))
        let free = k - 2, snapshots = Double((dates + 20) / 21)
        let flops = snapshots * (2 * n * k * free + 2 * n * free * free) + Double(dates) * (2 * n * free + 2 * n * k)
        print("  regression's floating-point work ≈ \(format(flops / 1e9, 2)) GFLOP per fit of the complete panel "
              + "(\(format(flops / 1e9 / regressionSeconds, 1)) GFLOPS achieved on \(threads) threads)")
        if sink == 42 { print(sink) }
    }

    @discardableResult
    static func measure<T>(_ name: String, repetitions: Int = 3, _ body: () throws -> T) throws -> T {
        var ignored = 0.0
        return try measure(name, repetitions: repetitions, seconds: &ignored, body)
    }

    /// Runs `body` `repetitions` times, prints the median, stores it in `seconds`.
    static func measure<T>(_ name: String, repetitions: Int = 3, seconds median: inout Double,
                           _ body: () throws -> T) throws -> T {
        var times: [Double] = []
        var result: T?
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            result = try body()
            times.append(seconds(since: start))
        }
        times.sort()
        median = times[times.count / 2]
        print("  \(name.padding(toLength: 62, withPad: " ", startingAt: 0)) median \(format(times[times.count / 2])) s"
              + "  (min \(format(times.first!)), max \(format(times.last!)))")
        return result!
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func format(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in a.indices {
            sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) * (a[i] - ma); sbb += (b[i] - mb) * (b[i] - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }
}
