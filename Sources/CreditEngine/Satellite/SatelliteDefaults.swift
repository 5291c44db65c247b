import StressCore

/// The seed's satellite defaults per framework (METHODOLOGY §2.1), used where
/// neither the framework file nor the scenario gives a satellite.
public enum SatelliteDefaults {
    public static func linear(_ framework: Framework) -> LinearPDParameters {
        switch framework {
        case .eba: return LinearPDParameters(gdpSensitivity: 2.0, gdpBaseline: 0.02)
        case .boe, .ccar, .rbi:
            // BoE seed rule; CCAR applies it to annualised quarterly growth (§2.3).
            return LinearPDParameters(gdpSensitivity: 2.5, gdpBaseline: 0.015,
                                      unemploymentSensitivity: 1.5, unemploymentBaseline: 0.04)
        }
    }

    public static func hpiSensitivity(_ framework: Framework) -> Double {
        switch framework {
        case .eba: return 0.5
        case .boe, .ccar, .rbi: return 0.6
        }
    }

    public static func configuration(_ framework: Framework) -> SatelliteConfiguration {
        SatelliteConfiguration(pd: .linear(linear(framework)), lgd: .hpiAddOn(sensitivity: hpiSensitivity(framework)))
    }

    /// PD floor: the seed's 0.03% (CRR Art. 160 as it stood); none for CCAR (seed).
    public static func pdFloor(_ framework: Framework) -> Double {
        framework == .ccar ? 0 : 0.0003
    }
}
