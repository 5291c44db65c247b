import StressCore

/// The sample bank's credit quality by asset class: IFRS 9 stage shares, effective
/// interest rates and remaining terms of a typical European universal bank.
///
/// Shares by number of exposures within each segment, chosen so that the book carries
/// about 9.5% of its EAD in stage 2 and 1.8% in stage 3, the EU averages of the EBA Risk
/// Dashboard (Q4 2024: stage 2 loans 9.7% of loans and advances; Q2 2025: NPL ratio
/// 1.84%). Stage 2 exposures have four times their segment's PD (capped at 35%) and an
/// origination PD of the segment's own level, so they pass the significant-increase test;
/// stage 3 exposures are in default (PD 1, default flag) 90 to 700 days past due, with
/// provisions of LGD + 5 pp (about 42% of NPL EAD, the EBA dashboard's NPL coverage); stage 1
/// and 2 exposures carry no held provision, so the run takes the model's.
struct CreditQualityProfile: Sendable {
    let stage2Share: Double
    let stage3Share: Double
    /// Effective interest rate: base ± 1 pp.
    let eir: Double
    /// Remaining term in years, uniform in [low, high]; nil takes the exposure's maturity.
    let remainingTerm: (low: Double, high: Double)?

    static func of(_ c: AssetClass) -> CreditQualityProfile {
        switch c {
        case .residentialMortgage: return .init(stage2Share: 0.09, stage3Share: 0.012, eir: 0.035, remainingTerm: (5, 25))
        case .qrre: return .init(stage2Share: 0.12, stage3Share: 0.04, eir: 0.16, remainingTerm: (1, 1))
        case .otherRetail: return .init(stage2Share: 0.12, stage3Share: 0.04, eir: 0.07, remainingTerm: (1, 5))
        case .sme: return .init(stage2Share: 0.14, stage3Share: 0.035, eir: 0.055, remainingTerm: nil)
        case .corporate: return .init(stage2Share: 0.12, stage3Share: 0.025, eir: 0.045, remainingTerm: nil)
        case .cre: return .init(stage2Share: 0.14, stage3Share: 0.03, eir: 0.05, remainingTerm: nil)
        case .bank: return .init(stage2Share: 0.01, stage3Share: 0, eir: 0.035, remainingTerm: nil)
        case .sovereign: return .init(stage2Share: 0, stage3Share: 0, eir: 0.03, remainingTerm: nil)
        }
    }
}
