#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RiskMath

/// Student's t distribution with ν > 0 degrees of freedom (not necessarily an integer):
/// the marginal of the t copula's latent variables (METHODOLOGY §6).
///
/// F(t) = ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≤ 0 and 1 − F(−t) above, with I the regularised
/// incomplete beta function (`IncompleteBeta`); the quantile solves F(t) = p by Newton's
/// method on log F, safeguarded by bisection inside a bracket, to 1e-14 relative.
/// Tolerance: 1e-12 relative for the CDF's lower tail and the quantile for p in
/// [1e-300, 1 − 1e-12] (checked against scipy.stats.t in `StudentTTests`). Uses `lgamma`,
/// which is not thread-safe on every libc (it writes `signgam`): call it from one thread
/// (the copula calls it while it prepares its plan).
public struct StudentT: Sendable, Equatable {
    public let degreesOfFreedom: Double
    /// log Γ((ν + 1)/2) − log Γ(ν/2) − ½·log(νπ).
    let logNormaliser: Double

    /// - Precondition: ν > 0 and finite.
    public init(degreesOfFreedom nu: Double) {
        precondition(nu > 0 && nu.isFinite, "StudentT: degrees of freedom must be positive, got \(nu)")
        degreesOfFreedom = nu
        logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
    }

    /// Density f(t) = exp(logNormaliser − (ν + 1)/2·log(1 + t²/ν)).
    public func pdf(_ t: Double) -> Double {
        exp(logNormaliser - (degreesOfFreedom + 1) / 2 * log1p(t * t / degreesOfFreedom))
    }

    /// F(t) = P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return t }
        if t > 0 { return 1 - lowerTail(-t) }
        return lowerTail(t)
    }

    /// F(t) for t ≤ 0, accurate to 1e-12 relative however small.
    func lowerTail(_ t: Double) -> Double {
        if t == -.infinity { return 0 }
        let nu = degreesOfFreedom
        let t2 = t * t
        // x = ν/(ν + t²) and 1 − x = t²/(ν + t²), both formed without cancellation.
        let x = nu / (nu + t2)
        let complement = t2 / (nu + t2)
        return 0.5 * IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: x, complement: complement)
    }

    /// The quantile F⁻¹(p): −∞ at 0, +∞ at 1, NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        if p == 0.5 { return 0 }
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// The t ≤ 0 with F(t) = p, for 0 < p < ½.
    func lowerQuantile(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        if nu == 1 { return -1 / tan(Double.pi * p) }  // Cauchy, exact
        if nu == 2 { return -(1 - 2 * p) / (2 * p * (1 - p)).squareRoot() }  // closed form
        // Bracket [low, high] with F(low) ≤ p ≤ F(high) = ½.
        var high = 0.0
        var low = min(Normal.quantile(p), -1)
        while lowerTail(low) > p {
            high = low
            low *= 2
            if !low.isFinite { return -.infinity }
        }
        let target = log(p)
        var t = (low + high) / 2
        // Start from the normal quantile when it lies inside the bracket.
        let z = Normal.quantile(p)
        if z > low && z < high { t = z }
        for _ in 0..<200 {
            let f = lowerTail(t)
            let g = log(f) - target
            if g > 0 { high = t } else { low = t }
            // Newton on log F: d/dt log F = f(t)/F(t).
            let step = g * f / pdf(t)
            var next = t - step
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * abs(next) || high - low <= 1e-15 * abs(low) { return next }
            t = next
        }
        return t
    }
}
