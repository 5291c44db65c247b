import Foundation

/// The regularised incomplete beta function I_x(a, b) by the continued fraction of
/// Numerical Recipes §6.4 (modified Lentz), used on the side where it converges fast
/// (x < (a + 1)/(a + b + 2)), with I_x(a, b) = 1 − I_{1−x}(b, a) on the other. Student's t
/// (VaREngine) and the binomial and Jeffreys tests of PD validation (PDModel) use it.
public enum IncompleteBeta {
    /// I_x(a, b) for 0 ≤ x ≤ 1 with `complement` = 1 − x given exactly by the caller.
    public static func regularized(a: Double, b: Double, x: Double, complement: Double) -> Double {
        if x <= 0 { return 0 }
        if complement <= 0 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(complement)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logFront) * continuedFraction(a: b, b: a, x: complement) / b
    }

    /// The continued fraction of I_x(a, b)·a / (x^a (1 − x)^b / B(a, b)).
    static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
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
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The x with I_x(a, b) = p: Newton on the density, kept inside a bisection bracket.
    public static func inverse(_ p: Double, a: Double, b: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        var lo = 0.0, hi = 1.0, x = a / (a + b)
        let logB = lgamma(a) + lgamma(b) - lgamma(a + b)
        for _ in 0..<200 {
            let f = regularized(a: a, b: b, x: x, complement: 1 - x) - p
            if f > 0 { hi = x } else { lo = x }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logB)
            var next = x - f / density
            if !(next > lo && next < hi) || !next.isFinite { next = (lo + hi) / 2 }
            if abs(next - x) <= 1e-15 * max(x, 1e-300) { return next }
            x = next
        }
        return x
    }
}
