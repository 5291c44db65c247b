import StressCore

/// The path of one reference rate over a scenario, and where it came from (results.json
/// `income.rate_paths`). A path not taken from the scenario is a stated default, reported
/// as a data-quality finding.
public struct RatePath: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable {
        /// The scenario's own variable for this rate.
        case scenario
        /// Interpolated in tenor between the scenario's curve rates (flat beyond them).
        case interpolated
        /// Every rate moved by the scenario's parallel change (`policy_rate_change`).
        case parallelChange = "parallel_change"
        /// The scenario has no rates: held at the jump-off level (a stated default).
        case heldAtJumpOff = "held_at_jump_off"
    }

    /// How a scenario level became the bank's rate.
    public enum Basis: String, Sendable, Codable {
        /// The bank's jump-off rate plus the scenario's move from its own jump-off level.
        case change
        /// The scenario's level itself (no jump-off level known for the scenario's variable).
        case level
    }

    public var rate: ReferenceRate
    public var jumpOff: Double
    /// Per period (period average), after the lower bound.
    public var values: [Double]
    public var source: Source
    /// The scenario variables it was made from.
    public var variables: [String]
    public var basis: Basis?
    /// Periods in which the lower bound (`IncomeRules.referenceRateLowerBound`) bound.
    public var flooredPeriods: [Int]

    /// Not from the scenario: a default path.
    public var isDefault: Bool { source == .heldAtJumpOff }

    enum CodingKeys: String, CodingKey {
        case rate, jumpOff = "jump_off", values, source, variables, basis, flooredPeriods = "floored_periods"
    }
}

/// Builds the reference-rate paths of a scenario for a banking book (METHODOLOGY §8.1,
/// "Rate paths"). Per reference rate R with jump-off level R₀ and tenor τ_R:
///
/// 1. The scenario gives R (`ScenarioRates.variables`: `policy_rate`/`bank_rate`,
///    `short_rate`/`treasury_3m`, `long_rate`/`treasury_10y`, `treasury_5y`, `mortgage_rate`,
///    `prime_rate`, …): R_t = R₀ + (X_t − X₀) when the scenario's own jump-off level X₀ is
///    known (`scenarioJumpOff`, e.g. the Fed's 2025Q4 and the Bank of England's 2024Q4
///    figures), so the scenario's move applies to the bank's own curve; else R_t = X_t
///    (the scenario's level), with a finding when the book's currency is not the
///    framework's.
/// 2. Else, when the scenario gives any risk-free curve rate (policy, 3-month, 2-, 5-,
///    10-year): R moves by the change interpolated linearly in tenor between the nearest
///    such rates, flat beyond them (a 2-year rate between the 3-month and the 5-year).
/// 3. Else, with `policy_rate_change` (the seed library's deviation of rates from the
///    start, "rates +300bps"): R_t = R₀ + change_t, a parallel move.
/// 4. Else R_t = R₀: held at jump-off, a stated default and a warning finding. This is
///    the bundled EBA and RBI scenarios' case: their published data here have no rates.
///
/// Every path is floored at min(R₀, `rules.referenceRateLowerBound`).
///
/// The funding-spread shock Δs_t is the first of `rules.fundingSpreadVariables` the
/// scenario gives: `sovereign_spread_change` as given (a deviation from the start), a
/// level (`corporate_spread`, `bbb_spread`) less the scenario's jump-off level; zero when
/// none is given or a level has no jump-off.
public enum ScenarioRates {
    /// Scenario variables for each reference rate, first found wins.
    public static let variables: [ReferenceRate: [String]] = [
        .policyRate: ["policy_rate", "bank_rate"],
        .shortRate: ["short_rate", "treasury_3m"],
        .twoYear: ["treasury_2y", "gilt_2y", "swap_2y"],
        .fiveYear: ["treasury_5y", "gilt_5y", "swap_5y"],
        .tenYear: ["long_rate", "treasury_10y", "gilt_10y", "swap_10y"],
        .mortgageRate: ["mortgage_rate"],
        .primeRate: ["prime_rate"],
    ]
    public static let parallelChangeVariable = "policy_rate_change"
    public static let levelSpreadVariables: Set<String> = ["corporate_spread", "bbb_spread"]

    /// The currency whose rates a framework's scenarios describe.
    public static func homeCurrency(_ framework: Framework) -> String {
        switch framework {
        case .eba: return "EUR"
        case .boe: return "GBP"
        case .ccar: return "USD"
        case .rbi: return "INR"
        }
    }

    public struct Paths: Sendable, Equatable {
        public var rates: [ReferenceRate: RatePath]
        /// Δs_t per period (0 when the scenario has no spread).
        public var fundingSpread: [Double]
        public var fundingSpreadVariable: String?
        public var findings: [DataQualityFinding]
    }

    public static func build(jumpOff: [ReferenceRate: Double], scenario: Scenario, periodCount n: Int,
                             scenarioJumpOff: [String: Double], rules: IncomeRules, currency: String,
                             scenarioFile: String) -> Paths {
        var findings: [DataQualityFinding] = []
        func path(_ name: String) -> [Double]? {
            guard let values = scenario.path(name) else { return nil }
            return Array(values.prefix(n)) + Array(repeating: values.last ?? 0, count: max(0, n - values.count))
        }

        // Changes of every rate the scenario gives directly (the anchors).
        var anchors: [ReferenceRate: (change: [Double], variable: String, basis: RatePath.Basis, level: [Double])] = [:]
        var levelBasis: [String] = []
        for rate in ReferenceRate.allCases {
            guard let variable = variables[rate]!.first(where: { scenario.path($0) != nil }), let x = path(variable) else { continue }
            if let x0 = scenarioJumpOff[variable] {
                anchors[rate] = (x.map { $0 - x0 }, variable, .change, x)
            } else if let r0 = jumpOff[rate] {
                anchors[rate] = (x.map { $0 - r0 }, variable, .level, x)
                levelBasis.append(variable)
            }
        }
        let curve = anchors.filter { $0.key.isRiskFree }.sorted { $0.key.tenor < $1.key.tenor }
        let parallel = path(parallelChangeVariable)

        var paths: [ReferenceRate: RatePath] = [:]
        var held: [ReferenceRate] = [], interpolated: [ReferenceRate] = [], shifted: [ReferenceRate] = []
        for rate in ReferenceRate.allCases {
            guard let r0 = jumpOff[rate] else { continue }
            var change = [Double](repeating: 0, count: n)
            var source = RatePath.Source.heldAtJumpOff
            var used: [String] = []
            var basis: RatePath.Basis?
            var level: [Double]?
            if let anchor = anchors[rate] {
                (change, source, used, basis) = (anchor.change, .scenario, [anchor.variable], anchor.basis)
                if anchor.basis == .level { level = anchor.level }
            } else if !curve.isEmpty {
                let tenor = rate.tenor
                let below = curve.last { $0.key.tenor <= tenor }, above = curve.first { $0.key.tenor >= tenor }
                switch (below, above) {
                case let (b?, a?) where a.key.tenor > b.key.tenor:
                    let w = (tenor - b.key.tenor) / (a.key.tenor - b.key.tenor)
                    change = (0..<n).map { (1 - w) * b.value.change[$0] + w * a.value.change[$0] }
                    used = [b.value.variable, a.value.variable]
                case let (b?, _):
                    change = b.value.change; used = [b.value.variable]
                case let (nil, a?):
                    change = a.value.change; used = [a.value.variable]
                case (nil, nil):
                    break
                }
                source = .interpolated
                basis = curve.contains { $0.value.basis == .level } ? .level : .change
                interpolated.append(rate)
            } else if let parallel {
                (change, source, used) = (parallel, .parallelChange, [parallelChangeVariable])
                shifted.append(rate)
            } else {
                held.append(rate)
            }
            let bound = min(r0, rules.referenceRateLowerBound)
            var floored: [Int] = []
            let values = change.enumerated().map { t, d -> Double in
                let v = level?[t] ?? r0 + d
                if v < bound { floored.append(t); return bound }
                return v
            }
            paths[rate] = RatePath(rate: rate, jumpOff: r0, values: values, source: source, variables: used,
                                   basis: basis, flooredPeriods: floored)
        }

        if !held.isEmpty {
            findings.append(DataQualityFinding(
                severity: .warning, file: scenarioFile, field: "variables",
                message: "scenario \(scenario.id) gives no interest-rate path: "
                    + held.map { "\($0.rawValue) \(percent(jumpOff[$0]!))" }.joined(separator: ", ")
                    + " held at their jump-off levels (a stated default, not a scenario figure)"))
        }
        if !interpolated.isEmpty {
            findings.append(DataQualityFinding(
                severity: .info, file: scenarioFile, field: "variables",
                message: "scenario \(scenario.id): " + interpolated.map { rate in
                    "\(rate.rawValue) moves with \(paths[rate]!.variables.joined(separator: " and "))"
                }.joined(separator: "; ") + " (interpolated in tenor; no path of its own)"))
        }
        if !shifted.isEmpty {
            findings.append(DataQualityFinding(
                severity: .info, file: scenarioFile, field: "variables.\(parallelChangeVariable)",
                message: "scenario \(scenario.id): " + shifted.map(\.rawValue).joined(separator: ", ")
                    + " moved in parallel by \(parallelChangeVariable) (the deviation of rates from the start)"))
        }
        let home = homeCurrency(scenario.framework)
        if !levelBasis.isEmpty && home != currency {
            findings.append(DataQualityFinding(
                severity: .warning, file: scenarioFile, field: "variables",
                message: "scenario \(scenario.id) gives \(home) rate levels (\(levelBasis.joined(separator: ", "))) without "
                    + "their jump-off levels: taken as the \(currency) banking book's rates"))
        }
        let floored = paths.values.filter { !$0.flooredPeriods.isEmpty }.map(\.rate.rawValue).sorted()
        if !floored.isEmpty {
            findings.append(DataQualityFinding(
                severity: .info, file: scenarioFile, field: "variables",
                message: "scenario \(scenario.id): \(floored.joined(separator: ", ")) floored at "
                    + "\(percent(rules.referenceRateLowerBound)) (IncomeRules.referenceRateLowerBound)"))
        }

        // Funding spread.
        var spread = [Double](repeating: 0, count: n)
        var spreadVariable: String?
        if let variable = rules.fundingSpreadVariables.first(where: { scenario.path($0) != nil }), let x = path(variable) {
            if !levelSpreadVariables.contains(variable) {
                spread = x
                spreadVariable = variable
            } else if let x0 = scenarioJumpOff[variable] {
                spread = x.map { $0 - x0 }
                spreadVariable = variable
            } else {
                findings.append(DataQualityFinding(
                    severity: .info, file: scenarioFile, field: "variables.\(variable)",
                    message: "scenario \(scenario.id): no jump-off level for \(variable), so its change is unknown; "
                        + "no funding-spread shock is passed to repricing funding"))
            }
        }
        return Paths(rates: paths, fundingSpread: spread, fundingSpreadVariable: spreadVariable, findings: findings)
    }

    static func percent(_ x: Double) -> String {
        let bp = (x * 10_000).rounded() / 100
        return "\(bp)%"
    }
}
