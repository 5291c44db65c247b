import CreditEngine
import StressCore

/// Stress attribution (METHODOLOGY §5): the change from the neutral path
/// (every variable the satellites read at its satellite baseline) to the
/// scenario, in cumulative EL and in minimum CET1 ratio, split over the
/// scenario variables by exact Shapley values:
///
///   φ_i = Σ_{S ⊆ N∖{i}} |S|!(K − |S| − 1)!/K! · (v(S ∪ {i}) − v(S))
///
/// where v(S) is the figure with the variables in S on their scenario paths and
/// the others at baseline. The 2^K coalitions are each a re-projection, so
/// only the variables the satellites read take part (K ≤ 12); by construction
/// Σ φ_i = v(N) − v(∅) (efficiency), up to rounding.
public struct StressAttribution: Sendable, Equatable, Codable {
    public var neutralEL: Double
    public var stressedEL: Double
    public var byVariable: [String: Double]
    public var minCET1: CET1Attribution

    public struct CET1Attribution: Sendable, Equatable, Codable {
        public var neutral: Double
        public var stressed: Double
        public var byVariable: [String: Double]
        enum CodingKeys: String, CodingKey { case neutral, stressed, byVariable = "by_variable" }
    }

    enum CodingKeys: String, CodingKey {
        case neutralEL = "neutral_el", stressedEL = "stressed_el", byVariable = "by_variable", minCET1 = "min_cet1"
    }
}

public enum AttributionStage {
    public static let maximumVariables = 12

    /// Exact Shapley values of a set function over `count` players, given v on
    /// every coalition as a bitmask (bit i set = player i in the coalition).
    public static func shapley(count k: Int, value: [Double]) -> [Double] {
        precondition(value.count == 1 << k)
        var factorial = [1.0]
        for n in 1...max(1, k) { factorial.append(factorial[n - 1] * Double(n)) }
        var phi = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let bit = 1 << i
            for mask in 0..<(1 << k) where mask & bit == 0 {
                let size = mask.nonzeroBitCount
                let weight = factorial[size] * factorial[k - size - 1] / factorial[k]
                phi[i] += weight * (value[mask | bit] - value[mask])
            }
        }
        return phi
    }

    /// The variables that take part in the scenario's attribution, sorted; nil when it has
    /// none (an RBI severity table, no variable the satellites read, or more than 12).
    static func players(_ s: Scenario, credit: CreditStage.Output) -> [String]? {
        guard !(s.framework == .rbi && s.satellite == nil) else { return nil }
        let neutral = SeverityScaling.neutralValues(credit.configuration)
        let players = s.variables.map(\.name).filter { neutral[$0] != nil }.sorted()
        guard !players.isEmpty, players.count <= maximumVariables else { return nil }
        return players
    }

    /// Part `part` of `parts` of the coalitions a shard computes: contiguous ranges of the
    /// 2^K − 1 masks below the full coalition (which is the scenario's own projection).
    public static func masks(part: Int, of parts: Int, players: Int) -> Range<Int> {
        let count = (1 << players) - 1
        return (count * part / parts)..<(count * (part + 1) / parts)
    }

    static func run(scenario s: Scenario, portfolio: Portfolio, balanceSheet: BalanceSheet,
                    credit: CreditStage.Output, stressed: (el: Double, cet1: Double)? = nil,
                    threads: Int, reprojection: Reprojection? = nil) -> StressAttribution? {
        guard let players = players(s, credit: credit) else { return nil }
        let all = (1 << players.count) - 1
        // Every variable on its path is the scenario itself: its own projection's figures, when given.
        var (el, cet1) = values(scenario: s, portfolio: portfolio, balanceSheet: balanceSheet, credit: credit,
                                players: players, masks: 0..<(stressed == nil ? all + 1 : all), threads: threads,
                                reprojection: reprojection)
        if let stressed {
            el.append(stressed.el)
            cet1.append(stressed.cet1)
        }
        return assemble(players: players, el: el, cet1: cet1)
    }

    /// v(S) in cumulative EL and minimum CET1 ratio for each coalition S in `masks`, in order.
    static func values(scenario s: Scenario, portfolio: Portfolio, balanceSheet: BalanceSheet, credit: CreditStage.Output,
                       players: [String], masks: Range<Int>, threads: Int,
                       reprojection: Reprojection? = nil) -> (el: [Double], cet1: [Double]) {
        let neutral = SeverityScaling.neutralValues(credit.configuration)
        let periods = credit.plan.periods
        let reproject = reprojection ?? Reprojection(scenario: s, portfolio: portfolio, balanceSheet: balanceSheet,
                                                     credit: credit, threads: threads)
        let plans = masks.map { mask in
            var coalition = s
            coalition.variables = s.variables.map { v in
                guard let k = players.firstIndex(of: v.name), mask & (1 << k) == 0 else { return v }
                return ScenarioVariable(name: v.name, values: Array(repeating: neutral[v.name]!, count: v.values.count))
            }
            return StressPlan.build(configuration: credit.configuration, scenario: coalition, portfolio: portfolio,
                                    periods: periods, sourceFile: "").0
        }
        // All coalitions in one pass: an exposure whose paths two coalitions share is evaluated once.
        let figures = reproject.figures(plans)
        return (figures.map(\.el), figures.map(\.cet1))
    }

    /// The attribution from v on every coalition (bitmask order, the full coalition last).
    public static func assemble(players: [String], el: [Double], cet1: [Double]) -> StressAttribution {
        let all = (1 << players.count) - 1
        let elShares = shapley(count: players.count, value: el)
        let cet1Shares = shapley(count: players.count, value: cet1)
        return StressAttribution(
            neutralEL: el[0], stressedEL: el[all],
            byVariable: Dictionary(uniqueKeysWithValues: zip(players, elShares)),
            minCET1: .init(neutral: cet1[0], stressed: cet1[all],
                           byVariable: Dictionary(uniqueKeysWithValues: zip(players, cet1Shares))))
    }
}

/// A shard's part of a scenario's attribution (`RunUnit.attribution`): v(S) on a range of
/// the coalitions, exact doubles, put back together in mask order by the merge.
public struct AttributionPart: Codable, Sendable, Equatable {
    public var scenario: Int
    public var part: Int
    /// The variables taking part (empty when the scenario has no attribution).
    public var players: [String]
    public var masks: Range<Int>
    public var el: [Double]
    public var cet1: [Double]

    public init(scenario: Int, part: Int, players: [String], masks: Range<Int>, el: [Double], cet1: [Double]) {
        self.scenario = scenario
        self.part = part
        self.players = players
        self.masks = masks
        self.el = el
        self.cet1 = cet1
    }

    /// The scenario's attribution from all its parts (in any order) and its own figures
    /// (the full coalition); nil when it has none.
    public static func assemble(_ parts: [AttributionPart], stressed: (el: Double, cet1: Double)) -> StressAttribution? {
        guard let players = parts.first?.players, !players.isEmpty else { return nil }
        let count = (1 << players.count) - 1
        var el = [Double](repeating: .nan, count: count + 1), cet1 = el
        for p in parts {
            for (offset, mask) in p.masks.enumerated() {
                el[mask] = p.el[offset]
                cet1[mask] = p.cet1[offset]
            }
        }
        el[count] = stressed.el
        cet1[count] = stressed.cet1
        return AttributionStage.assemble(players: players, el: el, cet1: cet1)
    }
}
