import StressCore

/// The seed's framework runs (creditriskengine 0.31.0 `EBAStressTest.run`,
/// `BoEACSStressTest.run`, `CCARScenario.run`, `multi_period_projection`),
/// reproduced on the projection kernel so golden vectors can pin the seed
/// behaviour, quirks included (METHODOLOGY §1; Tests/Golden/README.md):
/// the EBA projects as many periods as its GDP path has, a missing GDP path is
/// zeros (multiplier 1.04), BoE paths are cut to the horizon, CCAR keeps EAD.
public enum SeedFrameworks {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public struct Projection: Sendable, Equatable {
        public var periodEL: [Double]
        public var periodEAD: [Double]
        public var cumulativeEL: Double
        public var baselineEL: Double
        public var deltaEL: Double
        public var pdMultipliers: [Double]
        public var lgdAddOns: [Double]
    }

    public struct BoEResult: Sendable, Equatable {
        public var projection: Projection
        public var cet1Trajectory: [Double]
        public var minCET1Ratio: Double
        /// 1-based, as the seed.
        public var minCET1Year: Int
        public var hurdleBreach: Bool
    }

    public struct CCARResult: Sendable, Equatable {
        public var quarterlyLosses: [Double]
        public var netIncome: [Double]
        public var capitalTrajectory: [Double]
        public var minCapital: Double
        public var minCapitalQuarter: Int
        public var totalLoss: Double
    }

    static func portfolio(_ pd: [Double], _ lgd: [Double], _ ead: [Double], amortisation: [Double]? = nil) -> Portfolio {
        var p = Portfolio()
        p.ids = pd.indices.map(String.init)
        p.pd = pd
        p.lgd = lgd
        p.ead = ead
        p.assetClass = Array(repeating: .corporate, count: pd.count)
        p.amortisation = amortisation
        return p
    }

    /// `multi_period_projection`: given multipliers, add-ons and optional
    /// per-period amortisation (or a per-exposure column), with run-off.
    public static func multiPeriodProjection(pd: [Double], lgd: [Double], ead: [Double], multipliers: [Double],
                                             addOns: [Double], amortisation: [Double]? = nil,
                                             exposureAmortisation: [Double]? = nil) throws(Failure) -> Projection {
        guard addOns.count == multipliers.count else {
            throw Failure(message: "lgd_add_ons length must match pd_multipliers length.")
        }
        if let a = amortisation, a.count != multipliers.count {
            throw Failure(message: "amortisation_rates length must match n_periods.")
        }
        let n = multipliers.count
        let p = portfolio(pd, lgd, ead, amortisation: exposureAmortisation)
        let r = CreditProjector.project(
            portfolio: p, plan: StressPlan(periods: n, pd: .multipliers(multipliers), lgd: .addOns(addOns)),
            periodLabels: (0..<n).map(String.init),
            options: ProjectionOptions(balanceSheet: .runoff, pdFloor: 0, amortisation: amortisation ?? (exposureAmortisation == nil ? Array(repeating: 0, count: n) : nil)))
        return Projection(periodEL: r.periodEL, periodEAD: r.periodEAD, cumulativeEL: r.cumulativeEL,
                          baselineEL: r.baselineEL, deltaEL: r.deltaEL, pdMultipliers: multipliers, lgdAddOns: addOns)
    }

    /// `EBAStressTest(scenario, horizon_years, pd_floor).run(pd, lgd, ead)`.
    public static func eba(pd: [Double], lgd: [Double], ead: [Double], variables: [String: [Double]],
                           horizonYears: Int, pdFloor: Double = 0.0003,
                           gdpSensitivity: Double = 2.0) throws(Failure) -> Projection {
        guard horizonYears >= 3 else { throw Failure(message: "EBA stress test requires a minimum 3-year horizon.") }
        let gdp = variables["gdp_growth"] ?? Array(repeating: 0, count: horizonYears)
        let hpi = variables["house_price_index"] ?? Array(repeating: 0, count: horizonYears)
        let m = LinearSatellite.multipliers(gdp: gdp, unemployment: Array(repeating: 0, count: gdp.count),
                                            parameters: LinearPDParameters(gdpSensitivity: gdpSensitivity, gdpBaseline: 0.02))
        let a = LinearSatellite.lgdAddOns(housePrices: hpi, sensitivity: 0.5)
        var r = try multiPeriodProjection(pd: pd.map { max($0, pdFloor) }, lgd: lgd, ead: ead, multipliers: m, addOns: a)
        r.deltaEL = r.cumulativeEL - r.baselineEL * Double(horizonYears)
        return r
    }

    /// `BoEACSStressTest(scenario, horizon_years, cet1_hurdle_pct, pd_floor).run(pd, lgd, ead,
    /// initial_cet1_ratio, total_rwa)`: CET1 ratio_t = ratio_t−1 − EL_t / RWA (RWA default Σ EAD).
    public static func boe(pd: [Double], lgd: [Double], ead: [Double], variables: [String: [Double]],
                           horizonYears: Int, initialCET1Ratio: Double = 0.12, totalRWA: Double? = nil,
                           hurdle: Double = 0.045, pdFloor: Double = 0.0003) throws(Failure) -> BoEResult {
        guard horizonYears >= 5 else { throw Failure(message: "BoE ACS stress test requires a minimum 5-year horizon.") }
        let h = horizonYears
        let gdp = Array((variables["gdp_growth"] ?? Array(repeating: 0, count: h)).prefix(h))
        let unemployment = Array((variables["unemployment"] ?? Array(repeating: 0, count: h)).prefix(h))
        let hpi = Array((variables["house_price_index"] ?? Array(repeating: 0, count: h)).prefix(h))
        guard gdp.count == unemployment.count else {
            throw Failure(message: "operands could not be broadcast together")
        }
        let m = LinearSatellite.multipliers(gdp: gdp, unemployment: unemployment,
                                            parameters: SatelliteDefaults.linear(.boe))
        let a = LinearSatellite.lgdAddOns(housePrices: hpi, sensitivity: 0.6)
        let floored = pd.map { max($0, pdFloor) }
        var projection = try multiPeriodProjection(pd: floored, lgd: lgd, ead: ead, multipliers: m, addOns: a)
        projection.deltaEL = projection.cumulativeEL - projection.baselineEL * Double(h)
        let rwa = totalRWA ?? ead.reduce(0, +)
        var ratio = initialCET1Ratio
        var trajectory: [Double] = []
        for t in 0..<h {
            // The seed reads period_el[t] only when RWA > 0: a path shorter than the
            // horizon is an IndexError there, and a flat ratio when RWA is zero.
            if rwa > 0 {
                guard t < projection.periodEL.count else {
                    throw Failure(message: "index \(t) is out of bounds for axis 0 with size \(projection.periodEL.count)")
                }
                ratio -= projection.periodEL[t] / rwa
            }
            trajectory.append(ratio)
        }
        let minIndex = trajectory.indices.min { trajectory[$0] < trajectory[$1] }!
        return BoEResult(projection: projection, cet1Trajectory: trajectory, minCET1Ratio: trajectory[minIndex],
                         minCET1Year: minIndex + 1, hurdleBreach: trajectory[minIndex] < hurdle)
    }

    /// `CCARScenario(scenario, quarters, ppnr).run(pd, lgd, ead, multipliers, add_ons, initial_capital)`.
    public static func ccar(pd: [Double], lgd: [Double], ead: [Double], multipliers: [Double]?, addOns: [Double]?,
                            ppnr: [Double]?, initialCapital: Double = 0, quarters: Int = 9) throws(Failure) -> CCARResult {
        let income = ppnr ?? Array(repeating: 0, count: quarters)
        guard income.count == quarters else {
            throw Failure(message: "ppnr_quarterly must have exactly \(quarters) elements.")
        }
        // Short multiplier arrays fall back to 1; add-ons must cover every quarter.
        let m = (0..<quarters).map { q in multipliers.map { q < $0.count ? $0[q] : 1 } ?? 1 }
        let a = addOns ?? Array(repeating: 0, count: quarters)
        guard a.count >= quarters else {
            throw Failure(message: "index \(a.count) is out of bounds for axis 0 with size \(a.count)")
        }
        let r = CreditProjector.project(
            portfolio: portfolio(pd, lgd, ead),
            plan: StressPlan(periods: quarters, pd: .multipliers(m), lgd: .addOns(Array(a.prefix(quarters)))),
            periodLabels: (0..<quarters).map(String.init),
            options: ProjectionOptions(frequency: .quarterly, pdFloor: 0))
        var capital = initialCapital
        var trajectory: [Double] = []
        var net: [Double] = []
        for q in 0..<quarters {
            net.append(income[q] - r.periodEL[q])
            capital += net[q]
            trajectory.append(capital)
        }
        let minIndex = trajectory.indices.min { trajectory[$0] < trajectory[$1] }!
        return CCARResult(quarterlyLosses: r.periodEL, netIncome: net, capitalTrajectory: trajectory,
                          minCapital: trajectory[minIndex], minCapitalQuarter: minIndex + 1,
                          totalLoss: r.periodEL.reduce(0, +))
    }
}
