import RiskMath

/// The ASRF (Vasicek) figures of a whole portfolio, each exposure with its own asset
/// correlation ρ_i on the one systematic factor (BCBS CRE31.4–31.16, METHODOLOGY §6).
///
/// With X the systematic factor (a low X is a bad state) and
/// p_i(x) = Φ((Φ⁻¹(PD_i) − √ρ_i·x)/√(1 − ρ_i)), the loss of an infinitely granular
/// portfolio is L∞(X) = Σ EAD_i·LGD_i·p_i(X), decreasing in X, so its q-quantile is exact:
/// VaR_q = Σ EAD_i·LGD_i·p_i(Φ⁻¹(1 − q)). It is additive, so each exposure's (and each
/// segment's) contribution is its own term. PD is not clamped here (unlike the seed's
/// one-exposure `Vasicek.lossQuantile`): PD ≤ 0 contributes 0 and PD ≥ 1 its LGD·EAD, as in
/// the Monte Carlo model. A finite portfolio adds the granularity adjustment.
public struct ASRFPortfolio: Sendable {
    public let pd: [Double]
    public let lgd: [Double]
    public let ead: [Double]
    /// Asset correlation per exposure, in (0, 1).
    public let rho: [Double]

    public init(pd: [Double], lgd: [Double], ead: [Double], rho: [Double]) {
        precondition(pd.count == lgd.count && pd.count == ead.count && pd.count == rho.count,
                     "ASRFPortfolio: columns of different lengths")
        self.pd = pd
        self.lgd = lgd
        self.ead = ead
        self.rho = rho
    }

    public var count: Int { pd.count }

    /// Σ EAD.
    public var totalEAD: Double { ead.reduce(0, +) }

    /// EL = Σ PD_i·LGD_i·EAD_i (raw PD, clipped to [0, 1]).
    public var expectedLoss: Double {
        var sum = 0.0
        for i in 0..<count { sum += min(max(pd[i], 0), 1) * lgd[i] * ead[i] }
        return sum
    }

    /// Conditional default probability of exposure i at factor value x.
    @inlinable
    public func conditionalPD(_ i: Int, factor x: Double) -> Double {
        if pd[i] <= 0 { return 0 }
        if pd[i] >= 1 { return 1 }
        return Normal.cdf((Normal.quantile(pd[i]) - rho[i].squareRoot() * x) / (1 - rho[i]).squareRoot())
    }

    /// Exposure i's term of the ASRF VaR at `confidence`: EAD_i·LGD_i·p_i(Φ⁻¹(1 − q)).
    public func varContribution(_ i: Int, confidence: Double) -> Double {
        ead[i] * lgd[i] * conditionalPD(i, factor: Normal.quantile(1 - confidence))
    }

    /// ASRF VaR_q = Σ EAD_i·LGD_i·p_i(Φ⁻¹(1 − q)), in currency.
    public func valueAtRisk(confidence: Double) -> Double {
        let x = Normal.quantile(1 - confidence)
        var sum = 0.0
        for i in 0..<count { sum += ead[i] * lgd[i] * conditionalPD(i, factor: x) }
        return sum
    }

    /// Granularity adjustment at `confidence`, in currency (add it to `valueAtRisk`), by
    /// the second-order expansion of Martin & Wilde (2002) and Gordy (2003) with
    /// deterministic LGD (the seed's `granularity_adjustment`, with per-exposure ρ and the
    /// outer derivative taken analytically instead of by a central difference):
    ///
    ///     GA = −1/(2h(x))·d/dx[h(x)·σ²(x)/μ′(x)] at x = Φ⁻¹(1 − q)
    ///        = −(1/(2μ′))·(σ²′ − σ²·(x + μ″/μ′))     (h = φ, h′ = −x·h)
    ///
    /// with s_i = EAD_i/ΣEAD, μ(x) = Σ s_i·LGD_i·p_i(x), σ²(x) = Σ s_i²·LGD_i²·p_i(1 − p_i),
    /// p_i′ = −β_i·φ(g_i), p_i″ = −g_i·β_i²·φ(g_i), g_i = (Φ⁻¹(PD_i) − √ρ_i·x)/√(1 − ρ_i),
    /// β_i = √ρ_i/√(1 − ρ_i). It falls like 1/n for a homogeneous book. Exposures with
    /// PD ≤ 0 or ≥ 1 carry no idiosyncratic variance. Floored at 0, as in the seed; 0 for
    /// an empty or loss-free book. (The seed multiplies fractions of EAD; this returns
    /// GA·ΣEAD.)
    public func granularityAdjustment(confidence: Double) -> Double {
        let total = totalEAD
        guard total > 0, expectedLoss > 0 else { return 0 }
        let x = Normal.quantile(1 - confidence)
        var slope = 0.0, curvature = 0.0, variance = 0.0, varianceSlope = 0.0
        for i in 0..<count where pd[i] > 0 && pd[i] < 1 {
            let share = ead[i] / total
            let weight = share * lgd[i]
            let rootRho = rho[i].squareRoot(), rootComplement = (1 - rho[i]).squareRoot()
            let beta = rootRho / rootComplement
            let g = (Normal.quantile(pd[i]) - rootRho * x) / rootComplement
            let p = Normal.cdf(g)
            let density = Normal.pdf(g)
            let dp = -beta * density
            slope += weight * dp
            curvature += weight * (-g * beta * beta * density)
            variance += weight * weight * p * (1 - p)
            varianceSlope += weight * weight * dp * (1 - 2 * p)
        }
        guard abs(slope) >= 1e-15 else { return 0 }
        let ga = -(varianceSlope - variance * (x + curvature / slope)) / (2 * slope)
        return max(ga, 0) * total
    }
}
