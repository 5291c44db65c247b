#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import StressCore

/// The pieces of the stressed liquidity projection (METHODOLOGY §4): the shocks of
/// each period and the survival horizon under a daily outflow profile.
public enum LiquidityStress {
    /// The LCR's stress horizon in calendar days (LCR20).
    public static let lcrHorizonDays = 30

    // MARK: - Shocks per period

    /// Where a period's shock came from.
    public enum ShockSource: String, Sendable, Codable {
        /// The scenario's `deposit_runoff` / `hqla_haircut` path.
        case scenario
        /// The rate table's default for the scenario's severity (`stress.severity_defaults`).
        case severityDefault = "severity_default"
    }

    /// The shocks of the first `periods` periods: the scenario's `deposit_runoff` and
    /// `hqla_haircut` values where it gives them (value t applies in period t, not
    /// cumulated), otherwise the severity's default in every period. Each variable
    /// falls back on its own.
    public static func shocks(for scenario: Scenario, periods: Int, parameters: LiquidityStressParameters)
        throws(LiquidityError) -> (shocks: [LiquidityShock], depositRunoff: ShockSource, hqlaHaircut: ShockSource) {
        let fallback = parameters.severityDefaults[scenario.severity] ?? .none
        func path(_ name: String, _ fallback: Double) throws(LiquidityError) -> ([Double], ShockSource) {
            guard let values = scenario.path(name) else {
                return (Array(repeating: fallback, count: periods), .severityDefault)
            }
            guard values.count >= periods else {
                throw .invalidShock(name, index: nil, "expected one value per period (\(periods)), found \(values.count)")
            }
            return (Array(values.prefix(periods)), .scenario)
        }
        let (runoffs, runoffSource) = try path("deposit_runoff", fallback.depositRunoff)
        let (haircuts, haircutSource) = try path("hqla_haircut", fallback.hqlaHaircut)
        var shocks: [LiquidityShock] = []
        for t in 0..<periods {
            let shock = LiquidityShock(depositRunoff: runoffs[t], hqlaHaircut: haircuts[t])
            try check(shock, index: t)
            shocks.append(shock)
        }
        return (shocks, runoffSource, haircutSource)
    }

    /// A deposit run-off add-on in [-1, 1] and an HQLA haircut in [0, 1].
    static func check(_ shock: LiquidityShock, key: String, input: LiquidityError.Input) throws(LiquidityError) {
        if let problem = runoffProblem(shock.depositRunoff) {
            throw LiquidityError(input: input, key: key + ".deposit_runoff", message: problem)
        }
        if let problem = haircutProblem(shock.hqlaHaircut) {
            throw LiquidityError(input: input, key: key + ".hqla_haircut", message: problem)
        }
    }

    private static func check(_ shock: LiquidityShock, index: Int) throws(LiquidityError) {
        if let problem = runoffProblem(shock.depositRunoff) { throw .invalidShock("deposit_runoff", index: index, problem) }
        if let problem = haircutProblem(shock.hqlaHaircut) { throw .invalidShock("hqla_haircut", index: index, problem) }
    }

    private static func runoffProblem(_ value: Double) -> String? {
        guard value.isFinite, value >= -1, value <= 1 else {
            return "expected an additional deposit run-off as a fraction in [-1, 1] (0.05 adds 5 points to every deposit run-off rate), found \(LiquidityError.text(value))"
        }
        return nil
    }

    private static func haircutProblem(_ value: Double) -> String? {
        guard value.isFinite, value >= 0, value <= 1 else {
            return "expected an additional HQLA haircut as a fraction in [0, 1] (0.05 = 5% of market value), found \(LiquidityError.text(value))"
        }
        return nil
    }

    // MARK: - Survival horizon

    /// Share of the 30-day net cash outflow that has left by the end of `day`.
    ///
    /// Days 1-30 follow a front-loaded profile with decay λ per day: day d carries
    /// weight ∝ e^(−λ(d−1)), so by day d ≤ 30 the share is (1 − e^(−λd)) / (1 − e^(−30λ))
    /// (d/30 when λ = 0), and 1 at day 30. After day 30 the run continues at the
    /// 30-day average rate, 1/30 of the LCR's net cash outflow a day: share
    /// 1 + (d − 30)/30. (With λ = 0.05 about 38% leaves in the first week.)
    public static func cumulativeOutflowShare(day: Int, decay: Double) -> Double {
        let horizon = Double(lcrHorizonDays)
        if day >= lcrHorizonDays { return 1 + Double(day - lcrHorizonDays) / horizon }
        if day <= 0 { return 0 }
        if decay == 0 { return Double(day) / horizon }
        return expm1(-decay * Double(day)) / expm1(-decay * horizon)
    }

    /// The survival horizon in days: the first day on which cumulative net cash
    /// outflows exceed the stock of HQLA (METHODOLOGY §4), under the daily profile of
    /// `cumulativeOutflowShare`; `capDays` when no day up to it does (read "capDays or
    /// more"). With the run-rate tail, an LCR ℓ ≥ 1 gives ⌊30·ℓ⌋ + 1 days.
    public static func survivalDays(hqla: Double, netCashOutflows: Double, decay: Double, capDays: Int) -> Int {
        guard netCashOutflows > 0 else { return capDays }
        guard capDays >= 1 else { return capDays }
        for day in 1...capDays where netCashOutflows * cumulativeOutflowShare(day: day, decay: decay) > hqla {
            return day
        }
        return capDays
    }
}
