import RiskMath

/// The IRB risk-weight function (RiskMath `IRBRiskWeight`, used by the capital
/// and credit engines for RWA) at points of the Basel II illustrative table:
/// Annex 5 of the June 2006 framework (Basel Framework CRE99), risk weights for
/// unexpected loss with M = 2.5 years, no 1.06 scaling, printed to two decimals
/// of a percent, so the tolerance is 0.005%. The SME column assumes turnover
/// EUR 5 million (the firm-size adjustment of CRE31.9). Its PD 1% entry, 72.40%,
/// is 72.3947% to four places (20-digit evaluation), outside half a unit of the
/// printed digits, so the SME row uses the PD 0.25% entry.
enum IRBChecks {
    static let source = "Basel II (June 2006) Annex 5, illustrative IRB risk weights for UL, M = 2.5 (Basel Framework CRE99)"

    static var all: [ReferenceCheck] {
        [
            check("corporate", .corporate, pd: 0.0025, lgd: 0.45, turnover: .nan, published: 0.4947),
            check("corporate", .corporate, pd: 0.01, lgd: 0.45, turnover: .nan, published: 0.9232),
            check("corporate SME, turnover EUR 5m", .corporate, pd: 0.0025, lgd: 0.45, turnover: 5, published: 0.3901),
            check("residential mortgage", .residentialMortgage, pd: 0.02, lgd: 0.25, turnover: .nan, published: 0.4885),
            check("other retail", .otherRetail, pd: 0.01, lgd: 0.85, turnover: .nan, published: 0.8646),
            check("qualifying revolving retail", .qrre, pd: 0.02, lgd: 0.45, turnover: .nan, published: 0.2892),
        ]
    }

    static func check(_ label: String, _ exposureClass: IRBExposureClass, pd: Double, lgd: Double, turnover: Double,
                      published: Double) -> ReferenceCheck {
        ReferenceCheck(name: "IRB risk weight, \(label), PD \(pd * 100)%, LGD \(Int((lgd * 100).rounded()))%",
                       function: "RiskMath IRBRiskWeight.riskWeight (CRE31, scaling 1)", reference: source,
                       expected: published, tolerance: 0.00005, kind: .percent(decimals: 4)) {
            IRBRiskWeight.riskWeight(exposureClass, pd: pd, lgd: lgd, maturity: 2.5, turnoverEURm: turnover,
                                     floors: .basel3, scaling: 1)
        }
    }
}
