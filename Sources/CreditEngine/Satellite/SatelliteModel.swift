import StressCore

/// A satellite model turns a scenario's macro paths into per-period stress
/// (METHODOLOGY §2.1). Models are values built from a `SatelliteModelSpec`
/// (name and numeric parameters) merged over the framework's defaults.
public enum PDSatellite: Sendable, Equatable {
    case linear(LinearPDParameters)
    case vasicek(VasicekParameters)
    /// Multipliers per period given outright (seed CCAR, user overrides).
    case multipliers([Double])
}

public enum LGDSatellite: Sendable, Equatable {
    /// a_t = max(−h_t·s_h, 0) with h_t the house price change (seed).
    case hpiAddOn(sensitivity: Double)
    case collateral(haircut: Double, unsecuredSensitivity: Double)
    case addOns([Double])
}

/// The seed's linear PD rule: m_t = max(1, 1 − s_g·(g_t − g*) + s_u·max(u_t − u*, 0)).
public struct LinearPDParameters: Sendable, Equatable {
    public var gdpSensitivity: Double
    public var gdpBaseline: Double
    public var unemploymentSensitivity: Double
    public var unemploymentBaseline: Double

    public init(gdpSensitivity: Double, gdpBaseline: Double, unemploymentSensitivity: Double = 0,
                unemploymentBaseline: Double = 0.04) {
        self.gdpSensitivity = gdpSensitivity
        self.gdpBaseline = gdpBaseline
        self.unemploymentSensitivity = unemploymentSensitivity
        self.unemploymentBaseline = unemploymentBaseline
    }
}

/// Credit-cycle index Z_t = c + Σ_k β_k·(x_k,t − μ_k)/σ_k, estimated by
/// `stresspack satellite fit` on real history (μ, σ from the same sample).
public struct VasicekParameters: Sendable, Equatable {
    public struct Driver: Sendable, Equatable {
        public var variable: String
        public var beta: Double
        public var mean: Double
        public var standardDeviation: Double
        public init(variable: String, beta: Double, mean: Double, standardDeviation: Double) {
            self.variable = variable
            self.beta = beta
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    public var intercept: Double
    public var drivers: [Driver]

    public init(intercept: Double = 0, drivers: [Driver]) {
        self.intercept = intercept
        self.drivers = drivers
    }
}

/// The PD and LGD satellites of a run, with segment and asset-class overrides.
public struct SatelliteConfiguration: Sendable, Equatable {
    public var pd: PDSatellite
    public var lgd: LGDSatellite
    /// Override by segment name or asset-class name; a segment override wins.
    public var overrides: [String: (pd: PDSatellite?, lgd: LGDSatellite?)]

    public init(pd: PDSatellite, lgd: LGDSatellite, overrides: [String: (pd: PDSatellite?, lgd: LGDSatellite?)] = [:]) {
        self.pd = pd
        self.lgd = lgd
        self.overrides = overrides
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.pd == b.pd && a.lgd == b.lgd && a.overrides.keys.sorted() == b.overrides.keys.sorted()
            && a.overrides.keys.allSatisfy { a.overrides[$0]!.pd == b.overrides[$0]!.pd && a.overrides[$0]!.lgd == b.overrides[$0]!.lgd }
    }
}
