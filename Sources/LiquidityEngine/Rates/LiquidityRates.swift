import StressCore

/// The rates the LCR and the NSFR apply, by category, each with the Basel text it
/// comes from (METHODOLOGY §4).
///
/// `LiquidityRates.basel` is the Basel Committee calibration and mirrors the user-facing
/// table `tables/liquidity-basel.yaml`; a jurisdiction file may override single rates
/// (e.g. 3% for stable retail deposits where the deposit insurance scheme qualifies,
/// BCBS d238 ¶78). Category names are the keys of `BalanceSheet.Liquidity`'s maps:
/// a balance sheet category not defined here is an error, never silently ignored.
///
/// All rates are fractions in [0, 1]; `validate()` checks them and the caps.
public struct LiquidityRates: Sendable, Equatable {
    /// Short name of the calibration, e.g. `basel` or `basel+eu-3pct-stable`.
    public var name: String
    /// HQLA categories: their level and haircut (LCR30).
    public var hqla: [String: HQLAHaircut]
    /// Outflow categories: run-off or drawdown rate over 30 days (LCR40).
    public var outflows: [String: OutflowRate]
    /// Inflow categories: inflow rate over 30 days (LCR40).
    public var inflows: [String: LiquidityFactor]
    /// Available stable funding factors of liabilities and capital (NSF30).
    public var availableStableFunding: [String: LiquidityFactor]
    /// Required stable funding factors of assets and off-balance-sheet items (NSF30).
    public var requiredStableFunding: [String: LiquidityFactor]
    public var caps: LiquidityCaps
    public var stress: LiquidityStressParameters

    public init(name: String, hqla: [String: HQLAHaircut], outflows: [String: OutflowRate],
                inflows: [String: LiquidityFactor], availableStableFunding: [String: LiquidityFactor],
                requiredStableFunding: [String: LiquidityFactor], caps: LiquidityCaps,
                stress: LiquidityStressParameters) {
        self.name = name
        self.hqla = hqla
        self.outflows = outflows
        self.inflows = inflows
        self.availableStableFunding = availableStableFunding
        self.requiredStableFunding = requiredStableFunding
        self.caps = caps
        self.stress = stress
    }
}

/// An HQLA category: its level and the haircut on its market value (LCR30).
public struct HQLAHaircut: Sendable, Equatable {
    public var level: HQLALevel
    /// Fraction of market value deducted: 0 for Level 1, 0.15 for Level 2A, 0.25 or 0.50 for Level 2B.
    public var haircut: Double
    public var source: String

    public init(level: HQLALevel, haircut: Double, source: String) {
        self.level = level
        self.haircut = haircut
        self.source = source
    }
}

/// The three levels whose amounts the LCR caps limit (LCR30).
public enum HQLALevel: String, Sendable, CaseIterable, Codable {
    case level1, level2a, level2b
}

/// An outflow category: its 30-day run-off (or drawdown) rate, and whether it is a
/// deposit, to which a scenario's `deposit_runoff` shock adds.
public struct OutflowRate: Sendable, Equatable {
    public var runOff: Double
    public var isDeposit: Bool
    public var source: String

    public init(runOff: Double, isDeposit: Bool, source: String) {
        self.runOff = runOff
        self.isDeposit = isDeposit
        self.source = source
    }
}

/// A rate or factor in [0, 1] and where it comes from.
public struct LiquidityFactor: Sendable, Equatable {
    public var rate: Double
    public var source: String

    public init(_ rate: Double, source: String) {
        self.rate = rate
        self.source = source
    }
}

/// The LCR's caps: Level 2 at most 40% and Level 2B at most 15% of the stock of
/// HQLA (LCR30, BCBS d238 ¶46-47 and Annex 1), inflows at most 75% of outflows
/// (LCR40.1, d238 ¶69).
public struct LiquidityCaps: Sendable, Equatable {
    public var level2: LiquidityFactor
    public var level2B: LiquidityFactor
    public var inflows: LiquidityFactor

    public init(level2: LiquidityFactor, level2B: LiquidityFactor, inflows: LiquidityFactor) {
        self.level2 = level2
        self.level2B = level2B
        self.inflows = inflows
    }
}

/// Parameters of the stressed liquidity projection (METHODOLOGY §4): the shocks a
/// scenario of each severity gets when it does not give `deposit_runoff` or
/// `hqla_haircut` itself, and the daily outflow profile of the survival horizon.
public struct LiquidityStressParameters: Sendable, Equatable {
    /// Default shocks by scenario severity, applied in every period.
    public var severityDefaults: [Severity: LiquidityShock]
    /// Decay λ per day of the front-loaded daily outflow profile (0 = even outflows).
    public var dailyOutflowDecay: Double
    /// The longest survival horizon reported, in days; longer horizons are reported as this.
    public var survivalCapDays: Int
    public var source: String

    public init(severityDefaults: [Severity: LiquidityShock], dailyOutflowDecay: Double,
                survivalCapDays: Int, source: String) {
        self.severityDefaults = severityDefaults
        self.dailyOutflowDecay = dailyOutflowDecay
        self.survivalCapDays = survivalCapDays
        self.source = source
    }
}

/// A period's liquidity shock: an add-on to the run-off rate of every deposit
/// category and an extra haircut on the market value of every HQLA category.
public struct LiquidityShock: Sendable, Equatable, Codable {
    /// Added to the 30-day run-off rate of deposit categories, result clipped to [0, 1].
    public var depositRunoff: Double
    /// Fraction of HQLA market value lost before the regulatory haircuts.
    public var hqlaHaircut: Double

    public static let none = LiquidityShock(depositRunoff: 0, hqlaHaircut: 0)

    public init(depositRunoff: Double, hqlaHaircut: Double) {
        self.depositRunoff = depositRunoff
        self.hqlaHaircut = hqlaHaircut
    }

    enum CodingKeys: String, CodingKey {
        case depositRunoff = "deposit_runoff", hqlaHaircut = "hqla_haircut"
    }
}
