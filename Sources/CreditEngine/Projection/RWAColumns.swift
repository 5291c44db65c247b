import RiskMath
import StressCore

/// What a projection needs to sum credit RWA per period (METHODOLOGY §3.1): the IRB
/// weights with the rating philosophy, and the standardised weights, either or both.
///
/// IRB at regulatory parameters: with α the rating philosophy of the exposure's class,
///   Φ⁻¹(PD_reg,t) = (1 − α)·Φ⁻¹(PD_0) + α·Φ⁻¹(PD_t),   LGD_reg,t = LGD_0 + α·(LGD_t − LGD_0),
/// on the EAD outstanding during period t. α = 1 takes the point-in-time PD and LGD
/// themselves (no round trip through Φ⁻¹), α = 0 the jump-off ones.
///
/// Standardised, at the end of period t: the performing weight × exposure factor × the EAD
/// left after the period's defaults and amortisation, plus — when `retainDefaults` — every
/// default of the horizon net of its specific provisions (LGD_s × the defaulted amount)
/// at the defaulted weight of its provision coverage. Otherwise defaults leave the book:
/// charged off, and under a constant balance sheet replaced by like lending.
public struct RWAColumns: Sendable, Equatable {
    public var irb: RiskWeightColumns?
    /// α per asset class, in `AssetClass.allCases` order.
    public var ratingPhilosophy: [Double]
    public var standardised: StandardisedWeightColumns?
    public var retainDefaults: Bool

    public init(irb: RiskWeightColumns?, ratingPhilosophy: Double = 1, byAssetClass: [AssetClass: Double] = [:],
                standardised: StandardisedWeightColumns? = nil, retainDefaults: Bool = false) {
        precondition(irb != nil || standardised != nil, "RWAColumns: IRB or standardised weights")
        self.irb = irb
        self.ratingPhilosophy = AssetClass.allCases.map { byAssetClass[$0] ?? ratingPhilosophy }
        self.standardised = standardised
        self.retainDefaults = retainDefaults
    }

    /// The regulatory PD and LGD behind IRB RWA in a period, from the jump-off and the
    /// period's point-in-time figures; `probit0` and `probitT` are Φ⁻¹ of them when the
    /// caller has them, else NaN.
    @inlinable
    public static func regulatory(alpha: Double, pd0: Double, lgd0: Double, pdT: Double, lgdT: Double,
                                  probit0: Double = .nan, probitT: Double = .nan) -> (pd: Double, lgd: Double) {
        if alpha == 1 { return (pdT, lgdT) }
        if alpha == 0 || (pdT == pd0 && lgdT == lgd0) { return (pd0, lgd0) }
        let lgd = lgd0 + alpha * (lgdT - lgd0)
        if pd0 >= 1 || pdT >= 1 { return (pd0 + alpha * (pdT - pd0), lgd) }
        let z0 = probit0.isNaN ? Normal.quantile(pd0) : probit0
        let zT = probitT.isNaN ? Normal.quantile(pdT) : probitT
        return (Normal.cdf((1 - alpha) * z0 + alpha * zT), lgd)
    }
}
