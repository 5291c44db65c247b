#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Normal {
    // MARK: - Quantile function

    /// Φ⁻¹(p): the x with Φ(x) = p (the "percentage point" or probit).
    ///
    /// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
    /// Applied Statistics 37 (1988) 477–484, routine PPND16, with the coefficients of the
    /// paper (as in R's `qnorm`):
    /// - |p − ½| ≤ 0.425: x = q·A(r)/B(r) with q = p − ½, r = 0.180625 − q²;
    /// - otherwise with r = √(−ln min(p, 1 − p)): x = ±C(r − 1.6)/D(r − 1.6) for r ≤ 5
    ///   (min(p, 1 − p) ≥ 1.4e-11), else ±E(r − 5)/F(r − 5);
    /// A…F polynomials of degree 7. No Newton/Halley refinement is needed: the
    /// approximation's own error is about 1e-16, and the evaluated function measures at
    /// most 6.7e-16 relative against 50-digit mpmath values over p in [1e-300, 1 − 2⁻⁵³]
    /// (tolerance 1e-14). Not monotone at the ulp level: adjacent doubles can map to
    /// values inverted by an ulp (as for any function that is not correctly rounded).
    ///
    /// Exactly antisymmetric: `quantile(1 − p) == -quantile(p)` whenever 1 − p is exact
    /// (p ≥ 0.25). Returns −∞ for p = 0, +∞ for p = 1 and NaN for p outside [0, 1] or NaN.
    /// Subnormal p (below 2.2e-308) is accepted; there the answer carries p's reduced
    /// precision.
    @inlinable
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            return q * centralQuantileRatio(0.180_625 - q * q)
        }
        // min(p, 1 − p); 1 − p is exact here because p > 0.925.
        let tailProbability = q < 0 ? p : (0.5 - p) + 0.5
        let magnitude = tailQuantile(radius: (-log(tailProbability)).squareRoot())
        return q < 0 ? -magnitude : magnitude
    }

    // MARK: - AS 241 rational functions

    /// A(r)/B(r) for the central region, 0.0 ≤ r ≤ 0.180625.
    @inlinable
    static func centralQuantileRatio(_ r: Double) -> Double {
        var numerator = 2_509.080_928_730_122_672_7
        numerator = numerator * r + 33_430.575_583_588_128_105
        numerator = numerator * r + 67_265.770_927_008_700_853
        numerator = numerator * r + 45_921.953_931_549_871_457
        numerator = numerator * r + 13_731.693_765_509_461_125
        numerator = numerator * r + 1_971.590_950_306_551_442_7
        numerator = numerator * r + 133.141_667_891_784_377_45
        numerator = numerator * r + 3.387_132_872_796_366_608
        var denominator = 5_226.495_278_852_854_561
        denominator = denominator * r + 28_729.085_735_721_942_674
        denominator = denominator * r + 39_307.895_800_092_710_61
        denominator = denominator * r + 21_213.794_301_586_595_867
        denominator = denominator * r + 5_394.196_021_424_751_107_7
        denominator = denominator * r + 687.187_007_492_057_908_3
        denominator = denominator * r + 42.313_330_701_600_911_252
        denominator = denominator * r + 1
        return numerator / denominator
    }

    /// |Φ⁻¹(p)| for min(p, 1 − p) < 0.075 from r = √(−ln min(p, 1 − p)) ≥ 1.6.
    @inlinable
    static func tailQuantile(radius: Double) -> Double {
        if radius <= 5 {
            let r = radius - 1.6
            var numerator = 7.745_450_142_783_414_076_4e-4
            numerator = numerator * r + 0.022_723_844_989_269_184_583_3
            numerator = numerator * r + 0.241_780_725_177_450_611_77
            numerator = numerator * r + 1.270_458_252_452_368_382_58
            numerator = numerator * r + 3.647_848_324_763_204_605_04
            numerator = numerator * r + 5.769_497_221_460_691_405_5
            numerator = numerator * r + 4.630_337_846_156_545_295_9
            numerator = numerator * r + 1.423_437_110_749_683_577_34
            var denominator = 1.050_750_071_644_416_843_24e-9
            denominator = denominator * r + 5.475_938_084_995_344_946e-4
            denominator = denominator * r + 0.015_198_666_563_616_457_196_6
            denominator = denominator * r + 0.148_103_976_427_480_074_59
            denominator = denominator * r + 0.689_767_334_985_100_004_55
            denominator = denominator * r + 1.676_384_830_183_803_849_4
            denominator = denominator * r + 2.053_191_626_637_758_821_87
            denominator = denominator * r + 1
            return numerator / denominator
        }
        let r = radius - 5
        var numerator = 2.010_334_399_292_288_132_65e-7
        numerator = numerator * r + 2.711_555_568_743_487_578_15e-5
        numerator = numerator * r + 0.001_242_660_947_388_078_438_6
        numerator = numerator * r + 0.026_532_189_526_576_123_093
        numerator = numerator * r + 0.296_560_571_828_504_891_23
        numerator = numerator * r + 1.784_826_539_917_291_335_8
        numerator = numerator * r + 5.463_784_911_164_114_369_9
        numerator = numerator * r + 6.657_904_643_501_103_777_2
        var denominator = 2.044_263_103_389_939_785_64e-15
        denominator = denominator * r + 1.421_511_758_316_445_888_7e-7
        denominator = denominator * r + 1.846_318_317_510_054_681_8e-5
        denominator = denominator * r + 7.868_691_311_456_132_591e-4
        denominator = denominator * r + 0.014_875_361_290_850_614_852_5
        denominator = denominator * r + 0.136_929_880_922_735_805_31
        denominator = denominator * r + 0.599_832_206_555_887_937_69
        denominator = denominator * r + 1
        return numerator / denominator
    }
}
