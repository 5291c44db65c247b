import CapitalEngine
import CreditEngine
import StressCore

/// Reverse stress per scenario (METHODOLOGY §2.5): the uniform PD multiplier
/// at which one year's losses take CET1 to the hurdle, and the factor k by
/// which the scenario's deviations from neutral must be scaled to breach it.
public struct ReverseStressResult: Sendable, Equatable, Codable {
    /// The floor the reverse tests aim at (the framework hurdle; 4.5% for the EBA).
    public var cet1Floor: Double
    public var capitalBreachMultiplier: Double?
    public var capitalBreachEL: Double?
    /// Why no multiplier was found (already breached, or not even at 10×).
    public var capitalBreachNote: String?
    /// Severity scaling factor k (1 = the scenario as published); nil when not breached at k = 5.
    public var severityScalingFactor: Double?

    enum CodingKeys: String, CodingKey {
        case cet1Floor = "cet1_floor", capitalBreachMultiplier = "capital_breach_multiplier"
        case capitalBreachEL = "capital_breach_el", capitalBreachNote = "capital_breach_note"
        case severityScalingFactor = "severity_scaling_factor"
    }
}

enum ReverseStage {
    /// RWA(m) for the capital breach: the jump-off RWA moved by the IRB credit RWA
    /// recomputed at PD·m (CRE31) passed through the framework's rating philosophy, or
    /// held when the run has no RWA model or the framework uses the standardised approach
    /// (whose weights do not move with PDs).
    static func run(scenario s: Scenario, portfolio: Portfolio, balanceSheet b: BalanceSheet,
                    credit: CreditStage.Output, rwaModel: PortfolioRWA?, neutralCET1: Double? = nil,
                    scenarioCET1: Double? = nil, threads: Int, reprojection: Reprojection? = nil,
                    capitalBreaches: CapitalBreachMemo? = nil, sampleRows: Int? = nil) -> ReverseStressResult {
        let floor = CapitalRequirements.of(s.framework, balanceSheet: b).cet1Hurdle ?? 0.045
        let irb = credit.capitalRules.approach != .standardised
        let alpha = credit.rwa?.ratingPhilosophy
        var result = ReverseStressResult(cet1Floor: floor)
        func capitalBreach() -> CapitalBreachMemo.Breach {
            let pd = portfolio.pd.map { max($0, credit.pdFloor) }
            let model = irb ? rwaModel?.replacingPD(pd) : nil
            let modelStart = model?.total() ?? 0
            let rwa0 = b.capital.rwa ?? (modelStart + b.capital.otherRWA)
            do {
                let breach = try ReverseStress.capitalBreachMultiplier(pd: pd, lgd: portfolio.lgd, ead: portfolio.ead,
                                                                       cet1: b.capital.cet1, floor: floor) { m in
                    model.map { rwa0 + ($0.total(pdMultiplier: m, ratingPhilosophy: alpha) - modelStart) } ?? rwa0
                }
                return .init(multiplier: breach.multiplier, stressedEL: breach.stressedEL)
            } catch {
                return .init(note: error.description)
            }
        }
        let key = CapitalBreachMemo.Key(floor: floor, pdFloor: credit.pdFloor, irb: irb, ratingPhilosophy: alpha)
        let breach = capitalBreaches?.breach(key, compute: capitalBreach) ?? capitalBreach()
        result.capitalBreachMultiplier = breach.multiplier
        result.capitalBreachEL = breach.stressedEL
        result.capitalBreachNote = breach.note

        let reproject = reprojection ?? Reprojection(scenario: s, portfolio: portfolio, balanceSheet: b, credit: credit,
                                                     threads: threads)
        func plan(_ k: Double) -> StressPlan {
            SeverityScaling.scaled(credit.plan, scenario: s, configuration: credit.configuration, portfolio: portfolio,
                                   factor: k)
        }
        let rows = sampleRows ?? Self.sampleRows(portfolio.count)
        // k = 0 is every variable at neutral: the attribution's empty coalition when it ran, else
        // the search's first step, taken here when the surrogate needs it to calibrate.
        let zeroCET1 = neutralCET1 ?? (rows == nil ? nil : reproject.figures(plan(0)).cet1)
        let atZero = zeroCET1.map { (breached: $0 < floor, margin: $0 - floor) }
        let guides = scenarioCET1.map { [(k: 1.0, margin: $0 - floor)] } ?? []
        let surrogate = atZero?.breached == true ? nil : rows.flatMap {
            SampledMargin(design: SampleDesign(portfolio: portfolio, rows: $0), reprojection: reproject, plan: plan,
                          floor: floor, known: [(0, zeroCET1), (1, scenarioCET1)])
        }
        result.severityScalingFactor = ReverseStress.severityScalingOnGrid(tolerance: 1e-3, atZero: atZero,
                                                                           guides: guides,
                                                                           surrogate: surrogate?.margin) { k in
            let ratio = reproject.figures(plan(k)).cet1
            return (ratio < floor, ratio - floor)
        }
        return result
    }

    /// Exposures the severity search's surrogate re-projects (`SampleDesign`): none below
    /// `sampledFrom`, where the search's own steps are cheap.
    static func sampleRows(_ count: Int) -> Int? {
        count < sampledFrom ? nil : sampleRows
    }

    static let sampledFrom = 200_000
    static let sampleRows = 40_000
}

/// Scales a scenario's severity by k: every macro variable the satellites use
/// becomes neutral + k·(x − neutral), where neutral is the satellite's own
/// baseline (the linear rule's g* and u*, the Vasicek sample means, zero price
/// change). A severity-table plan (RBI) scales m − 1 and the add-ons instead.
public enum SeverityScaling {
    public static func neutralValues(_ c: SatelliteConfiguration) -> [String: Double] {
        var neutral: [String: Double] = ["house_price_index": 0, "commercial_property_index": 0]
        func add(_ pd: PDSatellite) {
            switch pd {
            case let .linear(p):
                neutral["gdp_growth"] = p.gdpBaseline
                neutral["unemployment"] = p.unemploymentBaseline
            case let .vasicek(v):
                for d in v.drivers { neutral[d.variable] = d.mean }
            case .multipliers: break
            }
        }
        add(c.pd)
        for o in c.overrides.values { if let pd = o.pd { add(pd) } }
        return neutral
    }

    public static func scaled(_ plan: StressPlan, scenario: Scenario, configuration: SatelliteConfiguration,
                              portfolio: Portfolio, factor k: Double) -> StressPlan {
        if scenario.framework == .rbi && scenario.satellite == nil {
            var scaled = plan
            scaled.groups = plan.groups.map { g in
                var g = g
                if case let .multipliers(m) = g.pd { g.pd = .multipliers(m.map { 1 + k * ($0 - 1) }) }
                if case let .addOns(a) = g.lgd { g.lgd = .addOns(a.map { k * $0 }) }
                return g
            }
            return scaled
        }
        let neutral = neutralValues(configuration)
        var s = scenario
        s.variables = scenario.variables.map { v in
            guard let n = neutral[v.name] else { return v }
            return ScenarioVariable(name: v.name, values: v.values.map { n + k * ($0 - n) })
        }
        return StressPlan.build(configuration: configuration, scenario: s, portfolio: portfolio,
                                periods: plan.periods, sourceFile: "").0
    }
}
