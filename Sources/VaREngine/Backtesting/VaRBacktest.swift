import RiskMath

/// Rolling one-day VaR forecasts on a return series and their backtest (METHODOLOGY §6):
/// on day t the forecast uses the `window` returns before t only; the day's loss is
/// ℓ_t = −r_t (r_t the log return) and an *exception* is ℓ_t > VaR_t.
///
/// Models:
/// - `historical`: VaR_t = the q-quantile of the window's losses with the seed's
///   convention (numpy linear interpolation, `VaREstimators.historicalSimulationVaR`);
/// - `parametric`: VaR_t = mean + Φ⁻¹(q)·sd of the window's losses (sd with divisor
///   window − 1), the normal model (`VaREstimators.parametricVaR`).
///
/// Then Kupiec's and Christoffersen's tests on all forecast days, and the Basel traffic
/// light on the latest 250 days (the regulatory sample) and on every 250-day window.
public enum VaRBacktest {
    public enum Model: String, Sendable, Codable, CaseIterable {
        case historical, parametric
    }

    /// Outcome of one model on one series.
    public struct Result: Sendable, Equatable, Codable {
        public var series: String
        public var model: Model
        public var window: Int
        public var confidence: Double
        /// Forecast days (returns after the first window).
        public var observations: Int
        public var firstDate: String?
        public var lastDate: String?
        public var exceptions: Int
        public var expectedExceptions: Double
        public var exceptionRate: Double
        public var kupiec: CoverageTests.Outcome
        public var christoffersen: CoverageTests.Outcome
        public var conditionalCoverage: CoverageTests.Outcome
        public var transitions: CoverageTests.Transitions
        /// The Basel light on the latest `regulatorySample` forecast days.
        public var trafficLight: RecentZone
        /// Zones of every window of `regulatorySample` consecutive forecast days.
        public var rollingZones: RollingZones
        /// Average forecast VaR and the latest one (fractions of the position).
        public var averageVaR: Double
        public var latestVaR: Double

        enum CodingKeys: String, CodingKey {
            case series, model, window, confidence, observations, firstDate = "first_date", lastDate = "last_date"
            case exceptions, expectedExceptions = "expected_exceptions", exceptionRate = "exception_rate"
            case kupiec, christoffersen, conditionalCoverage = "conditional_coverage", transitions
            case trafficLight = "traffic_light", rollingZones = "rolling_zones", averageVaR = "average_var"
            case latestVaR = "latest_var"
        }
    }

    public struct RecentZone: Sendable, Equatable, Codable {
        public var zone: TrafficLight
        public var exceptions: Int
        public var observations: Int
        /// MAR99 plus factor (250 days at 99% only).
        public var plusFactor: Double?

        enum CodingKeys: String, CodingKey { case zone, exceptions, observations, plusFactor = "plus_factor" }
    }

    public struct RollingZones: Sendable, Equatable, Codable {
        public var windows: Int
        public var green: Int
        public var yellow: Int
        public var red: Int
        public var worstExceptions: Int
        /// Last date of the (first) window with the most exceptions.
        public var worstWindowEnd: String?

        enum CodingKeys: String, CodingKey {
            case windows, green, yellow, red, worstExceptions = "worst_exceptions", worstWindowEnd = "worst_window_end"
        }
    }

    /// Days in the Basel backtesting sample.
    public static let regulatorySample = 250

    /// The forecasts VaR_t for t = window ..< returns.count (losses are −returns).
    public static func forecasts(returns: [Double], window: Int, confidence: Double, model: Model) -> [Double] {
        guard window >= 2, returns.count > window else { return [] }
        let losses = returns.map { -$0 }
        let z = Normal.quantile(confidence)
        var out: [Double] = []
        out.reserveCapacity(returns.count - window)
        // The window's losses kept sorted: each day one leaves and one enters (O(window)).
        var sorted = Array(losses[0..<window]).sorted()
        for t in window..<returns.count {
            if t > window {
                let leaving = losses[t - window - 1], entering = losses[t - 1]
                sorted.remove(at: position(of: leaving, in: sorted))
                sorted.insert(entering, at: position(of: entering, in: sorted))
            }
            switch model {
            case .historical:
                out.append(VaREstimators.quantile(sorted: sorted, confidence: confidence))
            case .parametric:
                // Two-pass mean and variance over the window, recomputed each day so
                // that no running sum drifts.
                var mean = 0.0
                for k in (t - window)..<t { mean += losses[k] }
                mean /= Double(window)
                var squares = 0.0
                for k in (t - window)..<t { squares += (losses[k] - mean) * (losses[k] - mean) }
                out.append(mean + z * (squares / Double(window - 1)).squareRoot())
            }
        }
        return out
    }

    /// First index of a sorted array whose element is ≥ `value`.
    static func position(of value: Double, in sorted: [Double]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Backtests `model` on `returns` (dated by `dates` when given, same length).
    /// - Throws: `VaRError` unless 2 ≤ window < returns.count and 0 < confidence < 1.
    public static func run(series: String, returns: [Double], dates: [String]? = nil, window: Int = 250,
                           confidence: Double = 0.99, model: Model) throws(VaRError) -> Result {
        guard confidence > 0, confidence < 1 else { throw VaRError("confidence must be in (0, 1), got \(confidence)") }
        guard window >= 2 else { throw VaRError("window must be at least 2 days, got \(window)") }
        guard returns.count > window else {
            throw VaRError("\(series): \(returns.count) returns leave no forecast day after a \(window)-day window")
        }
        if let dates, dates.count != returns.count { throw VaRError("\(series): dates and returns differ in length") }
        let forecast = forecasts(returns: returns, window: window, confidence: confidence, model: model)
        let n = forecast.count
        let hits = (0..<n).map { -returns[window + $0] > forecast[$0] }
        let x = hits.filter { $0 }.count
        let p = 1 - confidence
        let kupiec = CoverageTests.kupiec(exceptions: x, observations: n, expectedRate: p)
        let transitions = CoverageTests.Transitions(hits)
        let independence = CoverageTests.christoffersen(transitions)

        let sample = min(regulatorySample, n)
        let recent = hits.suffix(sample).filter { $0 }.count
        var rolling = RollingZones(windows: 0, green: 0, yellow: 0, red: 0, worstExceptions: -1, worstWindowEnd: nil)
        if n >= regulatorySample {
            var count = hits.prefix(regulatorySample).filter { $0 }.count
            for end in (regulatorySample - 1)..<n {
                if end >= regulatorySample {
                    count += (hits[end] ? 1 : 0) - (hits[end - regulatorySample] ? 1 : 0)
                }
                rolling.windows += 1
                switch TrafficLight.zone(exceptions: count, observations: regulatorySample, confidence: confidence) {
                case .green: rolling.green += 1
                case .yellow: rolling.yellow += 1
                case .red: rolling.red += 1
                }
                if count > rolling.worstExceptions {
                    rolling.worstExceptions = count
                    rolling.worstWindowEnd = dates?[window + end]
                }
            }
        }
        rolling.worstExceptions = max(rolling.worstExceptions, 0)
        return Result(
            series: series, model: model, window: window, confidence: confidence, observations: n,
            firstDate: dates?[window], lastDate: dates?.last, exceptions: x, expectedExceptions: p * Double(n),
            exceptionRate: Double(x) / Double(n), kupiec: kupiec, christoffersen: independence,
            conditionalCoverage: CoverageTests.conditionalCoverage(kupiec: kupiec, independence: independence),
            transitions: transitions,
            trafficLight: RecentZone(zone: TrafficLight.zone(exceptions: recent, observations: sample, confidence: confidence),
                                     exceptions: recent, observations: sample,
                                     plusFactor: TrafficLight.plusFactor(exceptions: recent, observations: sample,
                                                                         confidence: confidence)),
            rollingZones: rolling, averageVaR: forecast.reduce(0, +) / Double(n), latestVaR: forecast[n - 1])
    }
}
