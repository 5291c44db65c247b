import CreditEngine
import StressCore

/// The Vasicek Z-shift of the credit projection at the IRB confidence level,
/// Z = −Φ⁻¹(0.999), on a one-exposure portfolio: the projected PD is the
/// conditional PD Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(0.999))/√(1 − ρ)), and for the retail
/// classes (no maturity adjustment) 12.5·LGD·(PD₉₉.₉ − PD) is the IRB risk
/// weight that Basel II Annex 5 (June 2006; Basel Framework CRE99) tabulates.
/// The table prints two decimals of a percent, so the tolerance is 0.005%.
enum VasicekChecks {
    static let source = "Basel II (June 2006) Annex 5, illustrative IRB risk weights for UL (Basel Framework CRE99)"

    static var all: [ReferenceCheck] {
        [
            riskWeight(.residentialMortgage, "residential mortgage, ρ = 0.15", pd: 0.01, lgd: 0.45, published: 0.5640),
            riskWeight(.residentialMortgage, "residential mortgage, ρ = 0.15", pd: 0.0025, lgd: 0.45, published: 0.2130),
            riskWeight(.qrre, "qualifying revolving retail, ρ = 0.04", pd: 0.01, lgd: 0.85, published: 0.3253),
            ReferenceCheck(name: "Corporate asset correlation at PD 1% (CRE31.5)", function: "StressCore AssetCorrelation.value",
                           reference: "CRE31.5 evaluated by hand: 0.24 − 0.12·(1 − e^−0.5)/(1 − e^−50) = 0.19278367916551601",
                           expected: 0.19278367916551601, tolerance: 1e-14, kind: .number(decimals: 15)) {
                AssetCorrelation.value(.corporate, pd: 0.01, turnoverEURm: .nan)
            },
        ]
    }

    static func riskWeight(_ assetClass: AssetClass, _ label: String, pd: Double, lgd: Double,
                           published: Double) -> ReferenceCheck {
        ReferenceCheck(
            name: "Risk weight 12.5·LGD·(PD₉₉.₉ − PD), \(label), PD \(pd * 100)%, LGD \(Int((lgd * 100).rounded()))%",
            function: "CreditProjector.project, Vasicek Z-shift at Z = −Φ⁻¹(0.999)", reference: source,
            expected: published, tolerance: 0.00005, kind: .percent(decimals: 4)) {
                let stressedPD = try conditionalPD(assetClass, pd: pd, lgd: lgd)
                return 12.5 * lgd * (stressedPD - pd)
            }
    }

    /// The projection's PD for one exposure in one period at the 99.9% shift.
    static func conditionalPD(_ assetClass: AssetClass, pd: Double, lgd: Double) throws -> Double {
        var p = Portfolio()
        p.ids = ["reference"]
        p.pd = [pd]
        p.lgd = [lgd]
        p.ead = [1]
        p.assetClass = [assetClass]
        let z = -3.0902323061678135415
        let plan = StressPlan(periods: 1, pd: .zShift([z]), lgd: .addOns([0]))
        let options = ProjectionOptions(frequency: .annual, balanceSheet: .static, pdFloor: 0, threads: 1)
        return CreditProjector.project(portfolio: p, plan: plan, periodLabels: ["t1"], options: options).averagePD[0]
    }
}
