#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution N(0, 1): density φ, distribution function Φ, its
/// complement 1 − Φ, and the quantile function Φ⁻¹ (in `Normal+Quantile.swift`).
///
/// Every function is accurate to 1e-14 *relative* error wherever the result is a normal
/// (not subnormal) double: Φ(x) for x ≥ −37.5 (Φ(−37.5) = 4.6e-308), 1 − Φ(x) for
/// x ≤ 37.5, φ(x) for |x| ≤ 37.5, and Φ⁻¹(p) for p in [1e-300, 1 − 2⁻⁵³]. `NormalTests`
/// checks this against 50-digit mpmath values; the largest errors measured are 6.0e-16
/// (Φ), 4.1e-16 (φ) and 6.7e-16 (Φ⁻¹) over thousands of random arguments. Below
/// 2.2e-308 results are subnormal and carry only the absolute precision of the subnormal
/// grid (4.9e-324); Φ(x) underflows to 0 near x = −38.5.
///
/// What does *not* hold: Φ(x) near 1 is limited by the spacing of doubles below 1
/// (1.1e-16), so use `complementaryCDF(x)` rather than `1 − cdf(x)` for upper tails.
@frozen
public enum Normal {
    /// 1/√(2π).
    @inlinable static var inverseSqrtTwoPi: Double { 0.398_942_280_401_432_677_939_946_059_934 }

    // MARK: - Density

    /// The standard normal density φ(x) = exp(−x²/2)/√(2π).
    ///
    /// x² is not formed directly (its rounding error would become a relative error of
    /// x²·ε/2 ≈ 1.5e-13 at x = 37): x is split into x_h, x rounded toward zero to a
    /// multiple of 1/16 (so x_h² is exact), and the rest, with x² = x_h² + (x − x_h)(x + x_h)
    /// and exp(−x²/2) = exp(−x_h²/2)·exp(−(x − x_h)(x + x_h)/2) — Cody's device, as in R's
    /// `pnorm`. Relative error below 1e-15 while φ(x) is a normal double (|x| ≲ 37.5).
    @inlinable
    public static func pdf(_ x: Double) -> Double {
        let y = abs(x)
        guard y < 40 else { return x.isNaN ? x : 0 }
        return gaussianFactor(y, times: inverseSqrtTwoPi)
    }

    /// c·exp(−y²/2) for 0 ≤ y < 40, with the split described at `pdf(_:)`. The factor
    /// exp(−x_h²/2) is applied last so that a subnormal result is rounded only once.
    @inlinable
    static func gaussianFactor(_ y: Double, times c: Double) -> Double {
        // 0 ≤ y·16 < 640: the integer conversion truncates toward zero exactly as
        // `rounded(.towardZero)`, in one instruction where baseline x86-64 calls libm's trunc.
        let high = Double(Int(y * 16)) / 16
        let remainder = (y - high) * (y + high)
        return (c * exp(-0.5 * remainder)) * exp(-0.5 * high * high)
    }

    // MARK: - Distribution function

    /// Φ(x) = P(Z ≤ x) = ½·erfc(−x/√2).
    ///
    /// W. J. Cody's near-minimax rational approximations ("Rational Chebyshev
    /// approximations for the error function", Math. Comp. 23 (1969) 631–637; the ANORM
    /// routine of Algorithm 715 SPECFUN, ACM TOMS 19 (1993) 22–32), arranged as R's
    /// `pnorm_both` (src/nmath/pnorm.c), with the same coefficients:
    /// - |x| ≤ 0.674 (≈ Φ⁻¹(3/4)): Φ = ½ + x·P₄(x²)/Q₄(x²);
    /// - 0.674 < |x| ≤ √32: tail = exp(−x²/2)·P₈(|x|)/Q₈(|x|);
    /// - √32 < |x| < 40: tail = exp(−x²/2)/|x|·(1/√(2π) − x⁻²·P₅(x⁻²)/Q₅(x⁻²)),
    /// where "tail" is Φ(−|x|) and exp(−x²/2) is formed as in `pdf(_:)`.
    /// Tolerance: 1e-14 relative for Φ(x) ≥ 2.2e-308 (about x ≥ −37.5); see the type's notes.
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        let y = abs(x)
        if y <= 0.674_489_75 {
            return 0.5 + centralOffset(x)
        }
        guard y < 40 else {
            if x.isNaN { return x }
            return x > 0 ? 1 : 0
        }
        let tail = lowerTail(y)
        return x > 0 ? 1 - tail : tail
    }

    /// 1 − Φ(x) = Φ(−x), accurate in the upper tail (Φ is symmetric and the negation is
    /// exact, so this is `cdf(-x)`). Same tolerance as `cdf(_:)` mirrored: 1e-14 relative
    /// for x ≤ 37.5.
    @inlinable
    public static func complementaryCDF(_ x: Double) -> Double {
        cdf(-x)
    }

    // MARK: - Cody's rational approximations

    /// Φ(x) − ½ for |x| ≤ 0.674, Cody's first approximation: x·P(x²)/Q(x²).
    @inlinable
    static func centralOffset(_ x: Double) -> Double {
        let s = x * x
        var numerator = 0.065_682_337_918_207_449_113 * s
        var denominator = s
        numerator = (numerator + 2.235_252_035_460_683_928_7) * s
        denominator = (denominator + 47.202_581_904_688_241_87) * s
        numerator = (numerator + 161.028_231_068_555_878_81) * s
        denominator = (denominator + 976.098_551_737_776_693_22) * s
        numerator = (numerator + 1_067.689_485_460_370_958_2) * s
        denominator = (denominator + 10_260.932_208_618_978_205) * s
        return x * (numerator + 18_154.981_253_343_561_249) / (denominator + 45_507.789_335_026_729_956)
    }

    /// Φ(−y) for 0.674 < y < 40 (Cody's second and third approximations).
    @inlinable
    static func lowerTail(_ y: Double) -> Double {
        let ratio: Double
        if y <= 5.656_854_249_492_380_195_206_754_896_838 {  // √32
            var numerator = 1.076_557_677_372_019_231_7e-8 * y
            var denominator = y
            numerator = (numerator + 0.398_941_512_088_134_667_64) * y
            denominator = (denominator + 22.266_688_044_328_115_691) * y
            numerator = (numerator + 8.883_149_794_388_375_941_2) * y
            denominator = (denominator + 235.387_901_782_624_998_61) * y
            numerator = (numerator + 93.506_656_132_177_855_979) * y
            denominator = (denominator + 1_519.377_599_407_554_805) * y
            numerator = (numerator + 597.270_276_394_800_262_26) * y
            denominator = (denominator + 6_485.558_298_266_760_755) * y
            numerator = (numerator + 2_494.537_585_290_372_671_1) * y
            denominator = (denominator + 18_615.571_640_885_098_091) * y
            numerator = (numerator + 6_848.190_450_536_282_332_6) * y
            denominator = (denominator + 34_900.952_721_145_977_266) * y
            numerator = (numerator + 11_602.651_437_647_350_124) * y
            denominator = (denominator + 38_912.003_286_093_271_411) * y
            ratio = (numerator + 9_842.714_838_383_978_021_8) / (denominator + 19_685.429_676_859_990_727)
        } else {
            let s = 1 / (y * y)
            var numerator = 0.023_073_441_764_940_173_03 * s
            var denominator = s
            numerator = (numerator + 0.215_898_534_057_956_99) * s
            denominator = (denominator + 1.284_260_096_144_911_21) * s
            numerator = (numerator + 0.127_401_161_160_247_363_9) * s
            denominator = (denominator + 0.468_238_212_480_865_118) * s
            numerator = (numerator + 0.022_235_277_870_649_807) * s
            denominator = (denominator + 0.065_988_137_868_928_551_5) * s
            numerator = (numerator + 0.001_421_619_193_227_893_466) * s
            denominator = (denominator + 0.003_782_396_332_027_582_44) * s
            let correction = s * (numerator + 2.911_287_495_116_879_2e-5)
                / (denominator + 7.297_515_550_839_662_05e-5)
            ratio = (inverseSqrtTwoPi - correction) / y
        }
        return gaussianFactor(y, times: ratio)
    }
}
