import StressCore

/// A liquidity rate table (`tables/liquidity-basel.yaml`, optionally with a
/// jurisdiction override) as validated values: every LCR and NSFR rate by category
/// with its source, the LCR caps and the stress parameters (METHODOLOGY §4).
///
/// Inputs does not depend on the engines; the run turns this value into the
/// LiquidityEngine's `LiquidityRates` field by field (the names correspond).
public struct LiquidityTable: Sendable, Equatable {
    /// A rate or factor in [0, 1] and where it comes from.
    public struct Rate: Sendable, Equatable {
        /// Haircut (HQLA), run-off rate (outflows), inflow rate, ASF or RSF factor, cap.
        public var value: Double
        public var source: String
        /// HQLA entries only: `level1`, `level2a` or `level2b`.
        public var level: String?
        /// Outflow entries only: a deposit category, to which a scenario's deposit_runoff adds.
        public var isDeposit: Bool

        public init(value: Double, source: String, level: String? = nil, isDeposit: Bool = false) {
            self.value = value
            self.source = source
            self.level = level
            self.isDeposit = isDeposit
        }
    }

    /// A period's default liquidity shock for a severity.
    public struct Shock: Sendable, Equatable {
        public var depositRunoff: Double
        public var hqlaHaircut: Double

        public init(depositRunoff: Double, hqlaHaircut: Double) {
            self.depositRunoff = depositRunoff
            self.hqlaHaircut = hqlaHaircut
        }
    }

    public struct Stress: Sendable, Equatable {
        public var severityDefaults: [Severity: Shock]
        public var dailyOutflowDecay: Double
        public var survivalCapDays: Int
        public var source: String

        public init(severityDefaults: [Severity: Shock], dailyOutflowDecay: Double, survivalCapDays: Int, source: String) {
            self.severityDefaults = severityDefaults
            self.dailyOutflowDecay = dailyOutflowDecay
            self.survivalCapDays = survivalCapDays
            self.source = source
        }
    }

    /// `basel`, or `basel+<override name>` with a jurisdiction override.
    public var name: String
    public var source: String
    public var level2Cap: Rate
    public var level2BCap: Rate
    public var inflowCap: Rate
    public var hqla: [String: Rate]
    public var outflows: [String: Rate]
    public var inflows: [String: Rate]
    public var availableStableFunding: [String: Rate]
    public var requiredStableFunding: [String: Rate]
    public var stress: Stress
    /// The files read, base table first, for the run's manifest.
    public var files: [String]

    public init(name: String, source: String, level2Cap: Rate, level2BCap: Rate, inflowCap: Rate,
                hqla: [String: Rate], outflows: [String: Rate], inflows: [String: Rate],
                availableStableFunding: [String: Rate], requiredStableFunding: [String: Rate],
                stress: Stress, files: [String]) {
        self.name = name
        self.source = source
        self.level2Cap = level2Cap
        self.level2BCap = level2BCap
        self.inflowCap = inflowCap
        self.hqla = hqla
        self.outflows = outflows
        self.inflows = inflows
        self.availableStableFunding = availableStableFunding
        self.requiredStableFunding = requiredStableFunding
        self.stress = stress
        self.files = files
    }
}
