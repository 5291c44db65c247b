import StressCore

/// The ratio a capital test looks at.
public enum CapitalMeasure: String, Sendable, Codable, CaseIterable {
    case cet1Ratio = "cet1_ratio"
    case tier1Ratio = "tier1_ratio"
    case totalCapitalRatio = "total_capital_ratio"
    case leverageRatio = "leverage_ratio"
}

/// A framework's capital tests and the buffers above its CET1 minimum (METHODOLOGY §2.4, §3).
///
/// | framework | tests (a breach is a minimum strictly below the threshold) |
/// |---|---|
/// | EBA | none: CET1 depletion only, no pass mark |
/// | BoE | CET1 ≥ 4.5% + systemic reference point; leverage ≥ 3.25% |
/// | CCAR | CET1 ≥ 4.5%, Tier 1 ≥ 6%, total capital ≥ 8%, Tier 1 leverage ≥ 4% (12 CFR 217.10) |
/// | RBI | CRAR (total capital ratio) ≥ 9%; CET1 ≥ 5.5% + 2.5% CCB = 8% |
///
/// Buffers (RBC30, RBC40): the capital conservation buffer 2.5%, the countercyclical
/// buffer and the G-SIB/D-SIB buffer from the balance sheet; their sum is the combined
/// buffer requirement (CBR) above the Pillar 1 CET1 minimum (4.5%; RBI 5.5%), which sets
/// the maximum distributable amount (`ConservationBuffer`). For CCAR the same 2.5% is used
/// within the projection; the stress capital buffer computed from the run is what would
/// replace it in the following year's requirement.
public struct CapitalRequirements: Sendable, Equatable, Codable {
    public struct Test: Sendable, Equatable, Codable {
        public var name: String
        public var measure: CapitalMeasure
        public var threshold: Double
        public var source: String

        public init(name: String, measure: CapitalMeasure, threshold: Double, source: String) {
            self.name = name
            self.measure = measure
            self.threshold = threshold
            self.source = source
        }
    }

    public var tests: [Test]
    /// Pillar 1 CET1 minimum on which the buffers sit.
    public var minimumCET1: Double
    public var conservationBuffer: Double
    public var countercyclicalBuffer: Double
    public var systemicBuffer: Double

    public init(tests: [Test], minimumCET1: Double, conservationBuffer: Double = 0.025,
                countercyclicalBuffer: Double = 0, systemicBuffer: Double = 0) {
        self.tests = tests
        self.minimumCET1 = minimumCET1
        self.conservationBuffer = conservationBuffer
        self.countercyclicalBuffer = countercyclicalBuffer
        self.systemicBuffer = systemicBuffer
    }

    /// CBR = conservation + countercyclical + systemic buffer.
    public var combinedBuffer: Double { conservationBuffer + countercyclicalBuffer + systemicBuffer }

    /// The CET1 test's threshold (nil for the EBA).
    public var cet1Hurdle: Double? { tests.first { $0.measure == .cet1Ratio }?.threshold }
    public var leverageHurdle: Double? { tests.first { $0.measure == .leverageRatio }?.threshold }

    enum CodingKeys: String, CodingKey {
        case tests, minimumCET1 = "minimum_cet1", conservationBuffer = "capital_conservation_buffer"
        case countercyclicalBuffer = "countercyclical_buffer", systemicBuffer = "systemic_buffer"
    }

    public static func of(_ framework: Framework, balanceSheet b: BalanceSheet) -> CapitalRequirements {
        let tests: [Test]
        var minimum = 0.045
        switch framework {
        case .eba:
            tests = []
        case .boe:
            tests = [
                Test(name: "cet1_hurdle", measure: .cet1Ratio, threshold: 0.045 + b.capital.systemicReferencePoint,
                     source: "Bank of England stress test: CET1 hurdle 4.5% of RWA plus the systemic reference point"),
                Test(name: "leverage_hurdle", measure: .leverageRatio, threshold: 0.0325,
                     source: "Bank of England stress test: Tier 1 leverage hurdle 3.25%"),
            ]
        case .ccar:
            tests = [
                Test(name: "cet1_minimum", measure: .cet1Ratio, threshold: 0.045, source: "12 CFR 217.10(a)(1)(i)"),
                Test(name: "tier1_minimum", measure: .tier1Ratio, threshold: 0.06, source: "12 CFR 217.10(a)(1)(ii)"),
                Test(name: "total_capital_minimum", measure: .totalCapitalRatio, threshold: 0.08,
                     source: "12 CFR 217.10(a)(1)(iii)"),
                Test(name: "tier1_leverage_minimum", measure: .leverageRatio, threshold: 0.04,
                     source: "12 CFR 217.10(a)(1)(iv)"),
            ]
        case .rbi:
            minimum = 0.055
            tests = [
                Test(name: "crar_minimum", measure: .totalCapitalRatio, threshold: 0.09,
                     source: "RBI Basel III capital regulations: minimum total capital (CRAR) 9% of RWA"),
                Test(name: "cet1_with_ccb", measure: .cet1Ratio, threshold: 0.055 + 0.025,
                     source: "RBI Basel III capital regulations: CET1 5.5% plus capital conservation buffer 2.5%"),
            ]
        }
        return CapitalRequirements(tests: tests, minimumCET1: minimum, conservationBuffer: 0.025,
                                   countercyclicalBuffer: b.capital.countercyclicalBuffer,
                                   systemicBuffer: b.capital.systemicBuffer)
    }
}
