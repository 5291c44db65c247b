#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The IRB exposure classes with their own risk-weight function (BCBS CRE31).
///
/// RiskMath does not know StressCore's `AssetClass`; the capital engine maps it:
/// `corporate`, `sme` and `cre` (income-producing real estate under the corporate
/// formula) → `.corporate` (the firm-size adjustment is used only when a turnover is
/// passed), and the other cases one to one. The raw values are the spellings of the
/// reference library creditriskengine 0.31.0 (`rwa.irb.formulas`).
public enum IRBExposureClass: String, Sendable, CaseIterable, Codable {
    case corporate
    case sovereign
    case bank
    case residentialMortgage = "residential_mortgage"
    /// Qualifying revolving retail exposures (credit cards, overdrafts).
    case qrre
    case otherRetail = "other_retail"

    /// Retail classes have no maturity adjustment (CRE31).
    @inlinable
    public var isRetail: Bool {
        switch self {
        case .residentialMortgage, .qrre, .otherRetail: return true
        case .corporate, .sovereign, .bank: return false
        }
    }
}

extension IRBRiskWeight {
    /// Asset correlation R (CRE31.5–31.16), for a PD as given (no floor applied here):
    /// - corporate, sovereign, bank (CRE31.5): R = 0.12·w + 0.24·(1 − w),
    ///   w = (1 − e^(−50·PD)) / (1 − e^(−50)); for corporates with a finite
    ///   `turnoverEURm` plus the firm-size adjustment (CRE31.9, `firmSizeAdjustment`),
    ///   R floored at 0 (it cannot go below 0.08 in fact);
    /// - residential mortgage R = 0.15 (CRE31.14); QRRE R = 0.04 (CRE31.15);
    /// - other retail (CRE31.16): R = 0.03·w + 0.16·(1 − w), w = (1 − e^(−35·PD)) / (1 − e^(−35)).
    ///
    /// The same figures as StressCore's `AssetCorrelation`, which should call this
    /// function (it predates it).
    @inlinable
    public static func correlation(_ exposureClass: IRBExposureClass, pd: Double,
                                   turnoverEURm: Double = .nan) -> Double {
        switch exposureClass {
        case .corporate, .sovereign, .bank:
            let w = (1 - exp(-50 * pd)) / (1 - exp(-50))
            var r = 0.12 * w + 0.24 * (1 - w)
            if exposureClass == .corporate && turnoverEURm.isFinite {
                r = max(r + firmSizeAdjustment(turnoverEURm: turnoverEURm), 0)
            }
            return r
        case .residentialMortgage:
            return 0.15
        case .qrre:
            return 0.04
        case .otherRetail:
            let w = (1 - exp(-35 * pd)) / (1 - exp(-35))
            return 0.03 * w + 0.16 * (1 - w)
        }
    }

    /// The SME firm-size adjustment to R (CRE31.9): −0.04·(1 − (S − 5)/45), with S the
    /// annual turnover in EUR millions clipped to [5, 50] (so −0.04 at or below EUR 5m,
    /// 0 at or above EUR 50m).
    @inlinable
    public static func firmSizeAdjustment(turnoverEURm: Double) -> Double {
        let s = min(max(turnoverEURm, 5), 50)
        return -0.04 * (1 - (s - 5) / 45)
    }
}
