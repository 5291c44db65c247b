import Foundation

/// The distribution functions the validation tests need: the regularized incomplete beta
/// (binomial tail probabilities, the Jeffreys test, its intervals) and the regularized
/// incomplete gamma (χ² tail of Hosmer–Lemeshow). Continued fractions evaluated by the
/// modified Lentz method, and a series where it converges faster; about 1e-14 relative
/// against SciPy's `betainc` and `gammainc` (Tests/PDModelTests/Golden).
enum SpecialFunctions {
    /// I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0 and 0 ≤ x ≤ 1.
    static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // The fraction converges quickly for x < (a + 1)/(a + b + 2); use the symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaFraction(x, a, b) / a
        }
        return 1 - exp(logFront) * betaFraction(1 - x, b, a) / b
    }

    /// The continued fraction for I_x(a, b) (Numerical Recipes' `betacf` form), by Lentz.
    static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The x with I_x(a, b) = p: bisection to bracket, then Newton on the density.
    static func inverseIncompleteBeta(_ p: Double, _ a: Double, _ b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var lo = 0.0, hi = 1.0, x = a / (a + b)
        let logB = lgamma(a) + lgamma(b) - lgamma(a + b)
        for _ in 0..<200 {
            let f = incompleteBeta(x, a, b) - p
            if f > 0 { hi = x } else { lo = x }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB)
            var next = x - f / density
            if !(next > lo && next < hi) || !next.isFinite { next = (lo + hi) / 2 }
            if abs(next - x) <= 1e-15 * max(x, 1e-300) { return next }
            x = next
        }
        return x
    }

    /// P(a, x): the regularized lower incomplete gamma function.
    static func incompleteGamma(_ a: Double, _ x: Double) -> Double {
        x < a + 1 ? lowerGammaSeries(a, x) : 1 - upperGammaFraction(a, x)
    }

    /// Q(a, x) = 1 − P(a, x), computed directly where it is small, so tails keep their digits.
    static func complementaryIncompleteGamma(_ a: Double, _ x: Double) -> Double {
        x < a + 1 ? 1 - lowerGammaSeries(a, x) : upperGammaFraction(a, x)
    }

    static func lowerGammaSeries(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        do {
            // Series: e^−x x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)).
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return sum * exp(-x + a * log(x) - lgamma(a))
        }
    }

    /// Q(a, x) by its continued fraction (Lentz), for x ≥ a + 1.
    static func upperGammaFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }

    /// Upper tail of χ² with k degrees of freedom: 1 − P(k/2, x/2).
    static func chiSquaredSurvival(_ x: Double, degrees k: Double) -> Double {
        complementaryIncompleteGamma(k / 2, x / 2)
    }

    /// P(X ≥ d) for X ~ Binomial(n, p): I_p(d, n − d + 1); 1 for d = 0.
    static func binomialUpperTail(_ d: Int, _ n: Int, _ p: Double) -> Double {
        d <= 0 ? 1 : d > n ? 0 : incompleteBeta(p, Double(d), Double(n - d + 1))
    }
}
