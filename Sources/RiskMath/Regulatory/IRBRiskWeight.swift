#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The IRB risk-weight functions (BCBS CRE31; METHODOLOGY §3), as pure functions of one
/// exposure's parameters. Both the capital engine (jump-off RWA, RWA at PD·m for reverse
/// stress) and the credit engine (stressed RWA per period, in its own pass over the
/// exposures) call them, so the two agree to the bit.
///
/// For an exposure not in default, with PD ← max(PD, floor of its class):
///
///   K  = LGD·[Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999)) / √(1 − R)) − PD]            (CRE31.5, 31.14–31.16)
///   K ← K·MA, MA = (1 + (M − 2.5)·b) / (1 − 1.5·b), b = (0.11852 − 0.05478·ln PD)²   (non-retail)
///   K ← K·0.75 for QRRE transactors                                    (METHODOLOGY §3, see below)
///   RW = 12.5·K·s, s = 1 or the 1.06 scaling factor where the jurisdiction keeps it
///
/// with R from `correlation(_:pd:turnoverEURm:)`; M the effective maturity in years,
/// 2.5 when not given (NaN; CRE32.47), floored at 1 and capped at 5 (CRE32). K < 0
/// (LGD < 0) is set to 0, and PD ≤ 0 after the floor gives K = 0 (no default, no capital;
/// PD = 0 is possible only with a zero floor, e.g. sovereigns under Basel III).
///
/// Defaulted exposures (PD ≥ 1): K = max(0, LGD − EL_BE) (CRE31), EL_BE the bank's best
/// estimate of expected loss, which defaults to LGD, so K = 0 unless it is given. The
/// 1.06 factor does not apply to them (CRR Art. 153(1)(i) and 154(1)(i)).
///
/// Risk weights are fractions (0.75 = 75%). The reference library creditriskengine
/// 0.31.0 returns percent; with `PDFloors.creditRiskEngine` and s = 1 these functions
/// reproduce its `irb_risk_weight` to 1e-10 relative over its whole test grid
/// (`IRBRiskWeightTests`), and the Basel II Annex 5 illustrative risk weights to the
/// published two decimals.
///
/// QRRE transactors: METHODOLOGY §3 and the reference library scale the QRRE risk weight
/// of transactors by 0.75. We found no such scalar in CRE31 itself; Basel III treats
/// transactors through the lower PD floor (`PDFloors.basel3.qrreTransactor`) and, in the
/// standardised approach, the 45% risk weight (CRE20.66). Pass `transactor: false` for
/// the plain CRE31 function.
///
/// What does not hold: RW is not monotone in PD. It rises with PD up to about PD = 0.28
/// (corporates, M = 5) to 0.40 (other retail), then falls to 0 as PD → 1, because the
/// loss becomes expected (provisioned) rather than unexpected. It is non-decreasing on
/// [floor, 0.25] for every class and maturity in [1, 5] (`IRBRiskWeightTests`).
///
/// Not modelled: double default, equity, specialised-lending slotting, the SME
/// supporting factor (CRR Art. 501), the output floor.
public enum IRBRiskWeight {
    /// Φ⁻¹(0.999) to double precision (the 99.9% confidence level of CRE31).
    @inlinable
    public static var confidenceQuantile: Double { 3.090_232_306_167_813 }

    /// The Basel II scaling factor applied to IRB risk-weighted assets (Basel II ¶44; CRR
    /// Art. 153(1)(ii)); Basel III (CRE31) and CRR3 drop it.
    public static let basel2ScalingFactor = 1.06

    /// Effective maturity when none is given (CRE32.47), in years.
    public static let defaultMaturity = 2.5

    // MARK: - Pieces of the formula

    /// b = (0.11852 − 0.05478·ln PD)², the slope of the maturity adjustment (CRE31.5).
    @inlinable
    public static func maturitySlope(pd: Double) -> Double {
        let x = 0.118_52 - 0.054_78 * log(pd)
        return x * x
    }

    /// MA = (1 + (M − 2.5)·b) / (1 − 1.5·b) for PD and M exactly as given (no floor, no
    /// clamp; `capitalRequirement` floors PD and clamps M to [1, 5] before calling it).
    @inlinable
    public static func maturityAdjustment(pd: Double, maturity: Double) -> Double {
        let b = maturitySlope(pd: pd)
        return (1 + (maturity - 2.5) * b) / (1 - 1.5 * b)
    }

    /// The unexpected-loss capital before any maturity adjustment,
    /// LGD·[Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999)) / √(1 − R)) − PD], floored at 0, for PD in (0, 1)
    /// and R in (0, 1) as given; 0 for PD ≤ 0 or PD ≥ 1.
    @inlinable
    public static func unexpectedLoss(pd: Double, lgd: Double, correlation r: Double) -> Double {
        guard pd > 0 && pd < 1 else { return 0 }
        let x = (Normal.quantile(pd) + r.squareRoot() * confidenceQuantile) / (1 - r).squareRoot()
        return max(lgd * (Normal.cdf(x) - pd), 0)
    }

    // MARK: - Capital requirement and risk weight

    /// K per unit of EAD (see the type's notes): `maturity` and `turnoverEURm` NaN mean
    /// "not given"; `turnoverEURm` is used for `.corporate` only (the SME firm-size
    /// adjustment), `maturity` for non-retail classes only, `transactor` for QRRE only.
    @inlinable
    public static func capitalRequirement(_ exposureClass: IRBExposureClass, pd: Double, lgd: Double,
                                          maturity: Double = .nan, turnoverEURm: Double = .nan,
                                          transactor: Bool = false, floors: PDFloors = .basel3,
                                          defaultedBestEstimateEL: Double? = nil) -> Double {
        if pd >= 1 { return max(0, lgd - (defaultedBestEstimateEL ?? lgd)) }
        let p = max(pd, floors.floor(for: exposureClass, transactor: transactor))
        guard p > 0 else { return 0 }
        let r = correlation(exposureClass, pd: p, turnoverEURm: turnoverEURm)
        var k = unexpectedLoss(pd: p, lgd: lgd, correlation: r)
        if !exposureClass.isRetail {
            let m = maturity.isNaN ? defaultMaturity : min(max(maturity, 1), 5)
            k *= maturityAdjustment(pd: p, maturity: m)
        } else if exposureClass == .qrre && transactor {
            k *= 0.75
        }
        return k
    }

    /// RW = 12.5·K·scaling (12.5·K for defaulted exposures), as a fraction.
    @inlinable
    public static func riskWeight(_ exposureClass: IRBExposureClass, pd: Double, lgd: Double,
                                  maturity: Double = .nan, turnoverEURm: Double = .nan, transactor: Bool = false,
                                  floors: PDFloors = .basel3, scaling: Double = 1,
                                  defaultedBestEstimateEL: Double? = nil) -> Double {
        let k = capitalRequirement(exposureClass, pd: pd, lgd: lgd, maturity: maturity, turnoverEURm: turnoverEURm,
                                   transactor: transactor, floors: floors,
                                   defaultedBestEstimateEL: defaultedBestEstimateEL)
        return pd >= 1 ? 12.5 * k : 12.5 * k * scaling
    }
}
