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

    static func run(scenario s: Scenario, portfolio: Portfolio, balanceSheet: BalanceSheet,
                    credit: CreditStage.Output, stressed: (el: Double, cet1: Double)? = nil,
                    threads: Int, reprojection: Reprojection? = nil) -> StressAttribution? {
        guard !(s.framework == .rbi && s.satellite == nil) else { return nil }
        let neutral = SeverityScaling.neutralValues(credit.configuration)
        let players = s.variables.map(\.name).filter { neutral[$0] != nil }.sorted()
        guard !players.isEmpty, players.count <= maximumVariables else { return nil }
        let periods = credit.plan.periods
        let reproject = reprojection ?? Reprojection(scenario: s, portfolio: portfolio, balanceSheet: balanceSheet,
                                                     credit: credit, threads: threads)
        var el = [Double](repeating: 0, count: 1 << players.count)
        var cet1 = el
        let all = (1 << players.count) - 1
        for mask in 0...all {
            // Every variable on its path is the scenario itself: its own projection's figures.
            if mask == all, let stressed {
                el[mask] = stressed.el
                cet1[mask] = stressed.cet1
                continue
            }
            var coalition = s
            coalition.variables = s.variables.map { v in
                guard let k = players.firstIndex(of: v.name), mask & (1 << k) == 0 else { return v }
                return ScenarioVariable(name: v.name, values: Array(repeating: neutral[v.name]!, count: v.values.count))
            }
            let plan = StressPlan.build(configuration: credit.configuration, scenario: coalition, portfolio: portfolio,
                                        periods: periods, sourceFile: "").0
            (el[mask], cet1[mask]) = reproject.figures(plan)
        }
        let elShares = shapley(count: players.count, value: el)
        let cet1Shares = shapley(count: players.count, value: cet1)
        return StressAttribution(
            neutralEL: el[0], stressedEL: el[all],
            byVariable: Dictionary(uniqueKeysWithValues: zip(players, elShares)),
            minCET1: .init(neutral: cet1[0], stressed: cet1[all],
                           byVariable: Dictionary(uniqueKeysWithValues: zip(players, cet1Shares))))
    }
}
