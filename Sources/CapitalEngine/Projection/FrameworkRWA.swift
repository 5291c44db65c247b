import StressCore

/// Credit RWA under a framework's own rules (METHODOLOGY §3.1), from the credit engine's
/// IRB and standardised RWA paths:
///
///   irb:          M_t = IRB_t at regulatory PDs and LGDs (rating philosophy α); with an
///                 output floor x_t (CRR Art. 92(3), Art. 465):
///                 M_t = max(IRB_t + other, x_t·(SA_t + other)) − other
///   standardised: M_t = SA_t (weights move with balances and defaults, never with PDs)
///
/// `other` is the market and operational RWA, held; the floor compares whole totals, as
/// Art. 92(3) does. The capital projection then scales the credit part of the reported
/// RWA by M_t / M_0, floored at 1 when `floorAtStart`.
public enum FrameworkRWA {
    public struct Inputs: Sendable {
        public var rules: CapitalRules
        public var irbStart: Double?
        public var irbPeriods: [Double]?
        public var standardisedStart: Double?
        public var standardisedPeriods: [Double]?
        public var otherRWA: Double
        /// Calendar year of the jump-off and of each period (output-floor factors).
        public var startYear: Int
        public var periodYears: [Int]

        public init(rules: CapitalRules, irbStart: Double?, irbPeriods: [Double]?, standardisedStart: Double?,
                    standardisedPeriods: [Double]?, otherRWA: Double, startYear: Int, periodYears: [Int]) {
            self.rules = rules
            self.irbStart = irbStart
            self.irbPeriods = irbPeriods
            self.standardisedStart = standardisedStart
            self.standardisedPeriods = standardisedPeriods
            self.otherRWA = otherRWA
            self.startYear = startYear
            self.periodYears = periodYears
        }
    }

    /// The model path for the capital projection and the report of how it was made; nil
    /// when the credit engine produced no path for the framework's approach.
    public static func project(_ input: Inputs) -> (CreditRWAPath, RWAProjectionReport)? {
        let rules = input.rules
        let n = input.periodYears.count
        let other = input.otherRWA
        var factors: [Double?] = [rules.outputFloorFactor(year: input.startYear)]
        factors += input.periodYears.map { rules.outputFloorFactor(year: $0) }
        let start: Double, periods: [Double]
        var binding = [Bool](repeating: false, count: n + 1)
        switch rules.approach {
        case .standardised:
            guard let s0 = input.standardisedStart, let s = input.standardisedPeriods, s.count == n else { return nil }
            start = s0
            periods = s
        case .irb:
            guard let i0 = input.irbStart, let irb = input.irbPeriods, irb.count == n else { return nil }
            let sa = [input.standardisedStart] + (input.standardisedPeriods?.map { Optional($0) }
                                                  ?? Array(repeating: nil, count: n))
            let raw = [i0] + irb
            var floored = raw
            for k in 0...n {
                guard let x = factors[k], let s = sa[k] else { continue }
                let floor = x * (s + other) - other
                if floor > raw[k] { floored[k] = floor; binding[k] = true }
            }
            start = floored[0]
            periods = Array(floored.dropFirst())
        }
        let report = RWAProjectionReport(
            approach: rules.approach, ratingPhilosophy: rules.approach == .irb ? rules.ratingPhilosophy : nil,
            floorAtStart: rules.floorAtStart, standardisedTable: rules.standardisedTable,
            defaultedExposures: rules.approach == .standardised ? rules.defaultedExposures : nil,
            irbStart: input.irbStart, irbPeriods: input.irbPeriods,
            standardisedStart: input.standardisedStart, standardisedPeriods: input.standardisedPeriods,
            outputFloorFactors: factors.allSatisfy { $0 == nil } ? nil : factors.map { $0 ?? 0 },
            outputFloorBinding: binding.contains(true) ? binding : nil,
            modelStart: start, modelPeriods: periods, sources: rules.sources)
        return (CreditRWAPath(jumpOff: start, periods: periods, floorAtStart: rules.floorAtStart), report)
    }
}

/// How a scenario's credit RWA was projected: results.json `capital.rwa_projection`.
/// `model_*` is the framework's credit RWA (after any output floor), whose relative change
/// moves the credit part of the reported RWA; index 0 of the floor arrays is the jump-off.
public struct RWAProjectionReport: Sendable, Equatable, Codable {
    public var approach: CapitalRules.Approach
    public var ratingPhilosophy: Double?
    public var floorAtStart: Bool
    public var standardisedTable: String?
    public var defaultedExposures: CapitalRules.DefaultedExposures?
    public var irbStart: Double?
    public var irbPeriods: [Double]?
    public var standardisedStart: Double?
    public var standardisedPeriods: [Double]?
    public var outputFloorFactors: [Double]?
    public var outputFloorBinding: [Bool]?
    public var modelStart: Double
    public var modelPeriods: [Double]
    public var sources: [String: String]

    enum CodingKeys: String, CodingKey {
        case approach, ratingPhilosophy = "rating_philosophy", floorAtStart = "floor_at_start"
        case standardisedTable = "standardised_table", defaultedExposures = "defaulted_exposures"
        case irbStart = "irb_start", irbPeriods = "irb_periods", standardisedStart = "standardised_start"
        case standardisedPeriods = "standardised_periods", outputFloorFactors = "output_floor_factors"
        case outputFloorBinding = "output_floor_binding", modelStart = "model_start", modelPeriods = "model_periods"
        case sources
    }
}
