import StressCore

/// The Basel IRB asset correlation ρ of an exposure (CRE31.5–31.16), which the credit
/// factor mapping uses as each obligor's systematic share of asset-value variance:
///
/// - corporate, sovereign, bank, CRE: 0.12·a + 0.24·(1 − a), a = (1 − e^{−50·PD})/(1 − e^{−50}) (CRE31.5);
/// - SME (turnover S in EUR m, clamped to [5, 50]): the corporate value − 0.04·(1 − (S − 5)/45)
///   (CRE31.9); no adjustment when the turnover is not given;
/// - residential mortgage: 0.15 (CRE31.14); QRRE: 0.04 (CRE31.15);
/// - other retail: 0.03·b + 0.16·(1 − b), b = (1 − e^{−35·PD})/(1 − e^{−35}) (CRE31.16).
///
/// PD is clamped to [1e-4, 0.9999] as METHODOLOGY §6 does. Simplified: no 1.25 multiplier
/// for large financial institutions (CRE31.7), HVCRE treated as corporate.
public enum AssetCorrelation {
    /// StressCore's CRE31 correlation (the one the credit and capital engines use)
    /// at the clamped PD, so the factor model and the engines cannot drift apart.
    public static func basel(_ assetClass: AssetClass, pd: Double, turnoverEURm: Double? = nil) -> Double {
        StressCore.AssetCorrelation.value(assetClass, pd: clampedPD(pd), turnoverEURm: turnoverEURm ?? .nan)
    }

    /// PD clamped to [1e-4, 0.9999]; NaN stays NaN.
    public static func clampedPD(_ pd: Double) -> Double {
        pd.isNaN ? pd : Swift.min(Swift.max(pd, 1e-4), 0.9999)
    }
}
