/// How each period stresses PDs and LGDs, for each group of exposures: the
/// output of the satellite models and the input of the projection kernels.
/// Groups come from segment and asset-class overrides (METHODOLOGY §2.1).
public struct StressPlan: Sendable, Equatable {
    public var periods: Int
    /// One entry per group; group 0 is the default.
    public var groups: [GroupStress]
    /// Group of each exposure; nil when every exposure is in group 0.
    public var groupOfExposure: [UInt16]?

    public init(periods: Int, groups: [GroupStress], groupOfExposure: [UInt16]? = nil) {
        self.periods = periods
        self.groups = groups
        self.groupOfExposure = groupOfExposure
    }

    /// One group for the whole portfolio.
    public init(periods: Int, pd: PDStress, lgd: LGDStress) {
        self.init(periods: periods, groups: [GroupStress(pd: pd, lgd: lgd)])
    }

    /// The neutral plan: multipliers 1 and add-ons 0 (no stress).
    public static func neutral(periods: Int) -> StressPlan {
        StressPlan(periods: periods, pd: .multipliers(Array(repeating: 1, count: periods)),
                   lgd: .addOns(Array(repeating: 0, count: periods)))
    }
}

public struct GroupStress: Sendable, Equatable {
    public var pd: PDStress
    public var lgd: LGDStress
    public init(pd: PDStress, lgd: LGDStress) {
        self.pd = pd
        self.lgd = lgd
    }
}

/// Stressed PD per period.
public enum PDStress: Sendable, Equatable {
    /// PD_t = min(PD·m_t, 1): the seed's linear rule, or multipliers given outright.
    case multipliers([Double])
    /// Vasicek Z-shift: PD_t = Φ((Φ⁻¹(PD) − √ρ·Z_t) / √(1 − ρ)), ρ the Basel
    /// asset correlation of the exposure (CRE31); Z_t < 0 in a downturn. The
    /// input PD is read as through-the-cycle: Z = 0 is the median year (PD below
    /// the TTC PD), and the average over Z ~ N(0, 1) is the TTC PD.
    case zShift([Double])
}

/// Stressed LGD per period.
public enum LGDStress: Sendable, Equatable {
    /// LGD_t = clip(LGD + a_t, 0, 1).
    case addOns([Double])
    /// Collateral revaluation for exposures with collateral (METHODOLOGY §2.1):
    /// C_t = C·Π(1 + h_s), LGD_t = clip(max(LGD, (EAD_t − (1 − haircut)·C_t) / EAD_t), 0, 1),
    /// with the house price path for residential mortgages and the commercial
    /// property path otherwise. Exposures without collateral take `unsecuredAddOns`.
    /// The modelled LGD is the floor: a stress never lowers an LGD.
    case collateral(CollateralStress)
}

public struct CollateralStress: Sendable, Equatable {
    /// Cumulative index factor Π_{s≤t}(1 + h_s) per period.
    public var residentialIndex: [Double]
    public var commercialIndex: [Double]
    /// Forced-sale discount and costs of realisation, as a fraction of value.
    public var haircut: Double
    public var unsecuredAddOns: [Double]

    public init(residentialIndex: [Double], commercialIndex: [Double], haircut: Double, unsecuredAddOns: [Double]) {
        self.residentialIndex = residentialIndex
        self.commercialIndex = commercialIndex
        self.haircut = haircut
        self.unsecuredAddOns = unsecuredAddOns
    }
}
