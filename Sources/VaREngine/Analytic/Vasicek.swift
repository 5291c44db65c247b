import RiskMath

/// The Vasicek asymptotic single risk factor (ASRF) model (Vasicek 2002, "The
/// distribution of loan portfolio value"; the model behind BCBS CRE31.4), as the seed
/// library `creditriskengine.portfolio.vasicek` implements it (METHODOLOGY §6).
///
/// Asset value A = √ρ·Z + √(1 − ρ)·ε with Z, ε independent N(0, 1); default when
/// A < Φ⁻¹(PD). Here z is the factor with its *loss* sign (a large z is a bad state), as in
/// the seed: conditional PD(z) = Φ((Φ⁻¹(PD) + √ρ·z)/√(1 − ρ)).
///
/// Seed behaviour kept (Tests/Golden/README.md, quirk 24): the loss quantile and the
/// loss distribution clamp PD to [1e-4, 0.9999]; the conditional default rate does not
/// (it returns 0 for PD ≤ 0 and 1 for PD ≥ 1 before validating ρ); EL and UL use the raw
/// PD for EL but the clamped one for VaR, so PD = 0 has a positive economic capital.
/// Rates are fractions of EAD; only `economicCapital` multiplies by EAD.
public enum Vasicek {
    /// Conditional default rate P(D | z) = Φ((Φ⁻¹(PD) + √ρ·z)/√(1 − ρ)).
    /// - Throws: `VaRError` when 0 < PD < 1 and ρ is outside the open interval (0, 1).
    public static func conditionalDefaultRate(pd: Double, rho: Double, z: Double) throws(VaRError) -> Double {
        if pd <= 0 { return 0 }
        if pd >= 1 { return 1 }
        try checkCorrelation(rho)
        let threshold = Normal.quantile(pd)
        return Normal.cdf((threshold + rho.squareRoot() * z) / (1 - rho).squareRoot())
    }

    /// Loss quantile of an infinitely granular portfolio at `confidence` (the IRB formula
    /// without the maturity adjustment): LGD·Φ((Φ⁻¹(PD′) + √ρ·Φ⁻¹(q))/√(1 − ρ)) with
    /// PD′ = PD clamped to [1e-4, 0.9999]. q = 1 gives LGD and q = 0 gives 0 (Φ⁻¹ = ±∞).
    /// - Throws: `VaRError` when ρ is outside (0, 1).
    public static func lossQuantile(pd: Double, rho: Double, lgd: Double, confidence: Double = 0.999) throws(VaRError) -> Double {
        try checkCorrelation(rho)
        let threshold = Normal.quantile(clampedPD(pd))
        let factor = Normal.quantile(confidence)
        return lgd * Normal.cdf((threshold + rho.squareRoot() * factor) / (1 - rho).squareRoot())
    }

    /// Expected loss rate EL = PD·LGD (raw PD, no clamp).
    @inlinable
    public static func expectedLoss(pd: Double, lgd: Double) -> Double { pd * lgd }

    /// Unexpected loss rate UL = max(VaR_q − EL, 0), VaR from `lossQuantile` (clamped PD),
    /// EL from the raw PD.
    public static func unexpectedLoss(pd: Double, rho: Double, lgd: Double, confidence: Double = 0.999) throws(VaRError) -> Double {
        let quantile = try lossQuantile(pd: pd, rho: rho, lgd: lgd, confidence: confidence)
        return max(quantile - expectedLoss(pd: pd, lgd: lgd), 0)
    }

    /// Economic capital of one exposure under the ASRF model, in currency and as rates.
    public struct EconomicCapital: Sendable, Equatable, Codable {
        /// EL·EAD.
        public var expectedLoss: Double
        /// VaR_q·EAD.
        public var valueAtRisk: Double
        /// UL·EAD.
        public var unexpectedLoss: Double
        /// Economic capital = UL·EAD.
        public var economicCapital: Double
        public var expectedLossRate: Double
        public var valueAtRiskRate: Double
        public var unexpectedLossRate: Double

        enum CodingKeys: String, CodingKey {
            case expectedLoss = "expected_loss", valueAtRisk = "var", unexpectedLoss = "unexpected_loss"
            case economicCapital = "economic_capital", expectedLossRate = "el_rate", valueAtRiskRate = "var_rate"
            case unexpectedLossRate = "ul_rate"
        }
    }

    /// EL, VaR, UL and economic capital (= UL) of an exposure: rates times EAD.
    public static func economicCapital(pd: Double, rho: Double, lgd: Double, ead: Double,
                                       confidence: Double = 0.999) throws(VaRError) -> EconomicCapital {
        let el = expectedLoss(pd: pd, lgd: lgd)
        let quantile = try lossQuantile(pd: pd, rho: rho, lgd: lgd, confidence: confidence)
        let ul = max(quantile - el, 0)
        return EconomicCapital(expectedLoss: el * ead, valueAtRisk: quantile * ead, unexpectedLoss: ul * ead,
                               economicCapital: ul * ead, expectedLossRate: el, valueAtRiskRate: quantile,
                               unexpectedLossRate: ul)
    }

    /// The seed's "portfolio loss distribution": on the factor grid z = linspace(−4, 4, n)
    /// (numpy's arithmetic), the conditional loss LGD·PD(z) (PD clamped to [1e-4, 0.9999])
    /// and φ(z), the density of the *factor* — not a density of losses (quirk 24). ρ is not
    /// checked (as in the seed, ρ outside (0, 1) gives NaN). For the distribution of losses
    /// themselves use `lossCDF` / `lossDensity`.
    public static func portfolioLossDistribution(pd: Double, rho: Double, lgd: Double,
                                                 points: Int = 1000) -> (losses: [Double], factorDensity: [Double]) {
        let grid = linspace(-4, 4, count: points)
        let threshold = Normal.quantile(clampedPD(pd))
        let losses = grid.map { lgd * Normal.cdf((threshold + rho.squareRoot() * $0) / (1 - rho).squareRoot()) }
        return (losses, grid.map(Normal.pdf))
    }

    /// P(L ≤ x) for the loss *rate* L = LGD·PD(Z) of an infinitely granular homogeneous
    /// portfolio (Vasicek's distribution): Φ((√(1 − ρ)·Φ⁻¹(x/LGD) − Φ⁻¹(PD))/√ρ) for
    /// 0 < x < LGD; 0 below, 1 at and above LGD. PD in (0, 1), ρ in (0, 1), LGD > 0.
    public static func lossCDF(_ x: Double, pd: Double, rho: Double, lgd: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= lgd { return 1 }
        return Normal.cdf(((1 - rho).squareRoot() * Normal.quantile(x / lgd) - Normal.quantile(pd)) / rho.squareRoot())
    }

    /// Density of the loss rate of `lossCDF` at 0 < x < LGD:
    /// √((1 − ρ)/ρ)·φ(a)/(LGD·φ(Φ⁻¹(x/LGD))) with a the argument of Φ in `lossCDF`.
    public static func lossDensity(_ x: Double, pd: Double, rho: Double, lgd: Double) -> Double {
        guard x > 0, x < lgd else { return 0 }
        let u = Normal.quantile(x / lgd)
        let a = ((1 - rho).squareRoot() * u - Normal.quantile(pd)) / rho.squareRoot()
        return ((1 - rho) / rho).squareRoot() * Normal.pdf(a) / (lgd * Normal.pdf(u))
    }

    // MARK: - Helpers

    /// PD clamped to [1e-4, 0.9999], the seed's guard in the quantile functions.
    @inlinable
    static func clampedPD(_ pd: Double) -> Double { max(min(pd, 0.9999), 0.0001) }

    static func checkCorrelation(_ rho: Double) throws(VaRError) {
        guard rho > 0, rho < 1 else { throw VaRError("rho must be in (0, 1), got \(rho)") }
    }

    /// numpy.linspace(start, stop, count) with numpy's arithmetic: start + k·step with
    /// step = (stop − start)/(count − 1), the last point set to `stop`; one point gives
    /// [start]; none gives [].
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var grid = (0..<count).map { Double($0) * step + start }
        grid[count - 1] = stop
        return grid
    }
}
