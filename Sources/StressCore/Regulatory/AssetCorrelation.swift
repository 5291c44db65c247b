#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Basel IRB asset correlation R by asset class (BCBS CRE31.5–31.15), the ρ of
/// the single-factor model that both the capital formula and the Vasicek
/// Z-shift satellite use.
public enum AssetCorrelation {
    /// R for an exposure. PD is the (floored) one-year PD; `turnoverEURm` is
    /// used only for SME (NaN: no firm-size adjustment).
    @inlinable
    public static func value(_ assetClass: AssetClass, pd: Double, turnoverEURm: Double = .nan) -> Double {
        switch assetClass {
        case .corporate, .sovereign, .bank, .cre, .sme:
            // CRE31.5: R = 0.12·w + 0.24·(1 − w), w = (1 − e^(−50·PD)) / (1 − e^(−50)).
            let w = (1 - exp(-50 * pd)) / (1 - exp(-50))
            var r = 0.12 * w + 0.24 * (1 - w)
            if assetClass == .sme && turnoverEURm.isFinite {
                // CRE31.9: firm-size adjustment −0.04·(1 − (S − 5)/45), S clipped to [5, 50].
                let s = min(max(turnoverEURm, 5), 50)
                r -= 0.04 * (1 - (s - 5) / 45)
            }
            return r
        case .residentialMortgage:
            return 0.15 // CRE31.14
        case .qrre:
            return 0.04 // CRE31.15
        case .otherRetail:
            // CRE31.16: R = 0.03·w + 0.16·(1 − w), w = (1 − e^(−35·PD)) / (1 − e^(−35)).
            let w = (1 - exp(-35 * pd)) / (1 - exp(-35))
            return 0.03 * w + 0.16 * (1 - w)
        }
    }
}
