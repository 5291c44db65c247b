import Foundation
import RiskMath
import TestSupport
import XCTest

/// Φ, 1 − Φ, φ and Φ⁻¹ against 50-digit mpmath values (`NormalReferenceValues`), plus
/// identities and properties over fine grids.
final class NormalTests: XCTestCase {
    /// The accuracy requirement: 1e-14 relative.
    private let tolerance = 1e-14

    /// The largest relative error of `function` over `table`, and where it occurs.
    private func worstRelativeError(
        _ table: [(Double, Double)], _ function: (Double) -> Double
    ) -> (error: Double, at: Double) {
        var worst = (error: 0.0, at: Double.nan)
        for (argument, expected) in table {
            let error = TestSupport.relativeError(function(argument), expected)
            if !(error <= worst.error) { worst = (error, argument) }
        }
        return worst
    }

    // MARK: - Against mpmath

    func testCDFMatchesMpmathTo1e14Relative() {
        let worst = worstRelativeError(NormalReferenceValues.cdf, Normal.cdf)
        XCTAssertLessThanOrEqual(worst.error, tolerance,
                                 "Φ: max relative error \(worst.error) at x = \(worst.at)")
    }

    func testComplementaryCDFMatchesMpmathInTheUpperTail() {
        // 1 − Φ(x) = Φ(−x): the table's lower tail mirrored gives upper-tail references to x = 37.5.
        let mirrored = NormalReferenceValues.cdf.map { (-$0.0, $0.1) }
        let worst = worstRelativeError(mirrored, Normal.complementaryCDF)
        XCTAssertLessThanOrEqual(worst.error, tolerance,
                                 "1 − Φ: max relative error \(worst.error) at x = \(worst.at)")
    }

    func testPDFMatchesMpmathTo1e14Relative() {
        let worst = worstRelativeError(NormalReferenceValues.pdf, Normal.pdf)
        XCTAssertLessThanOrEqual(worst.error, tolerance,
                                 "φ: max relative error \(worst.error) at x = \(worst.at)")
    }

    func testQuantileMatchesMpmathTo1e14Relative() {
        let nonZero = NormalReferenceValues.quantile.filter { $0.1 != 0 }
        let worst = worstRelativeError(nonZero, Normal.quantile)
        XCTAssertLessThanOrEqual(worst.error, tolerance,
                                 "Φ⁻¹: max relative error \(worst.error) at p = \(worst.at)")
        XCTAssertEqual(Normal.quantile(0.5), 0)
    }

    /// The reference table is sharp enough to reject the textbook formula ½·erfc(−x/√2),
    /// whose rounding of x/√2 costs about x²·ε relative in the far tail, and a Φ that is
    /// only accurate to 1e-12: a regression to either would fail the tests above.
    func testReferenceTableRejectsLessAccurateFormulas() {
        let naive = worstRelativeError(NormalReferenceValues.cdf) { 0.5 * erfc(-$0 / 2.0.squareRoot()) }
        XCTAssertGreaterThan(naive.error, tolerance, "½·erfc(−x/√2): max relative error \(naive.error)")
        let perturbed = worstRelativeError(NormalReferenceValues.cdf) { Normal.cdf($0) * (1 + 1e-12) }
        XCTAssertGreaterThan(perturbed.error, tolerance)
        let perturbedQuantile = worstRelativeError(NormalReferenceValues.quantile) {
            Normal.quantile($0) * (1 + 1e-12)
        }
        XCTAssertGreaterThan(perturbedQuantile.error, tolerance)
    }

    // MARK: - Special values

    func testSpecialValues() {
        XCTAssertEqual(Normal.cdf(0), 0.5)
        XCTAssertEqual(Normal.cdf(-.infinity), 0)
        XCTAssertEqual(Normal.cdf(.infinity), 1)
        XCTAssertEqual(Normal.cdf(-40), 0)
        XCTAssertEqual(Normal.cdf(9), 1)
        XCTAssertGreaterThan(Normal.cdf(-38), 0, "Φ(−38) ≈ 2.9e-316 is a positive subnormal")
        XCTAssertTrue(Normal.cdf(.nan).isNaN)
        XCTAssertTrue(Normal.complementaryCDF(.nan).isNaN)
        XCTAssertEqual(Normal.pdf(.infinity), 0)
        XCTAssertEqual(Normal.pdf(-.infinity), 0)
        XCTAssertTrue(Normal.pdf(.nan).isNaN)
        XCTAssertEqual(Normal.quantile(0), -.infinity)
        XCTAssertEqual(Normal.quantile(1), .infinity)
        for invalid in [-1e-300, -0.5, 1.000_000_000_000_000_2, 2, .nan, .infinity, -.infinity] {
            XCTAssertTrue(Normal.quantile(invalid).isNaN, "Φ⁻¹(\(invalid)) should be NaN")
        }
        XCTAssertTrue(Normal.quantile(Double.leastNonzeroMagnitude).isFinite)
        XCTAssertLessThan(Normal.quantile(Double.leastNonzeroMagnitude), -38)
    }

    // MARK: - Identities

    func testQuantileInvertsCDFAcrossTheRange() {
        // x ≤ 0 through Φ, x > 0 through 1 − Φ (Φ(x) near 1 keeps only absolute precision).
        var worst = (error: 0.0, at: 0.0)
        var x = -37.5
        while x <= 37.5 {
            let roundTrip = x <= 0 ? Normal.quantile(Normal.cdf(x)) : -Normal.quantile(Normal.complementaryCDF(x))
            let error = abs(roundTrip - x) / max(abs(x), 1)
            if !(error <= worst.error) { worst = (error, x) }
            x += 0.007_812_5  // 1/128: exact steps
        }
        XCTAssertLessThanOrEqual(worst.error, tolerance,
                                 "Φ⁻¹(Φ(x)): max error \(worst.error) (relative to max(|x|, 1)) at x = \(worst.at)")
    }

    func testSymmetry() {
        var x = 0.0
        while x <= 37.5 {
            XCTAssertEqual(Normal.complementaryCDF(x), Normal.cdf(-x))
            XCTAssertEqual(Normal.pdf(x), Normal.pdf(-x))
            XCTAssertEqual(Normal.cdf(x) + Normal.cdf(-x), 1, accuracy: 2.3e-16, "Φ(x) + Φ(−x) at x = \(x)")
            x += 0.031_25
        }
        // Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly when both p and 1 − p are doubles (dyadic p).
        for k in 1..<1024 {
            let p = Double(k) / 1024
            XCTAssertEqual(Normal.quantile(1 - p), -Normal.quantile(p), "p = \(p)")
        }
        for j in 2...53 {
            let p = Double(sign: .plus, exponent: -j, significand: 1)
            XCTAssertEqual(Normal.quantile(1 - p), -Normal.quantile(p), "p = 2^-\(j)")
        }
    }

    // MARK: - Monotonicity

    func testCDFIsMonotoneOnAFineGrid() {
        var previous = (cdf: 0.0, complement: 1.0)
        var x = -39.0
        while x <= 9 {
            let value = (cdf: Normal.cdf(x), complement: Normal.complementaryCDF(x))
            if value.cdf < previous.cdf || value.complement > previous.complement {
                XCTFail("Φ not monotone at x = \(x): \(previous) → \(value)")
                return
            }
            previous = value
            x += 0.000_976_562_5  // 2⁻¹⁰
        }
        // Across the switches between Cody's three approximations (lower side, where Φ
        // keeps full relative precision; the upper side is the same code by symmetry):
        // no jump beyond the accuracy bound, and increasing over steps of 1e-9 relative.
        for edge in [-0.674_489_75, -5.656_854_249_492_380_195_206_754_896_838] {
            let at = Normal.cdf(edge)
            for neighbour in [edge.nextDown, edge.nextUp] {
                XCTAssertEqual(Normal.cdf(neighbour), at, accuracy: 2e-14 * at, "Φ jumps at \(edge)")
            }
            XCTAssertLessThan(Normal.cdf(edge * (1 + 1e-9)), at, "at \(edge)")
            XCTAssertLessThan(at, Normal.cdf(edge * (1 - 1e-9)), "at \(edge)")
        }
    }

    func testQuantileIsMonotoneOnAFineGrid() {
        var previous = -Double.infinity
        var probabilities: [Double] = []
        var logP = -300.0 * log(10.0)
        while logP < log(0.5) {  // geometric below ½
            probabilities.append(exp(logP))
            logP += 0.01
        }
        for k in 0..<80_000 {  // linear from ½ to 0.9
            probabilities.append(0.5 + Double(k) / 200_000)
        }
        var complement = 0.1
        while complement > 1e-16 {  // geometric toward 1
            probabilities.append(1 - complement)
            complement *= exp(-0.01)
        }
        for p in probabilities {
            let x = Normal.quantile(p)
            if x < previous {
                XCTFail("Φ⁻¹ not monotone at p = \(p): \(previous) → \(x)")
                return
            }
            previous = x
        }
        // Across the switches between AS 241's approximations (lower side; the upper side
        // is exactly antisymmetric, see testSymmetry): no jump beyond the accuracy bound —
        // adjacent doubles may still invert by an ulp there, as anywhere a function is not
        // correctly rounded — and increasing over steps of 1e-9 relative.
        for boundary in [0.075, exp(-25.0)] {
            let at = Normal.quantile(boundary)
            for neighbour in [boundary.nextDown, boundary.nextUp] {
                XCTAssertEqual(Normal.quantile(neighbour), at, accuracy: 2e-14 * abs(at), "Φ⁻¹ jumps at \(boundary)")
            }
            XCTAssertLessThan(Normal.quantile(boundary * (1 - 1e-9)), at, "at \(boundary)")
            XCTAssertLessThan(at, Normal.quantile(boundary * (1 + 1e-9)), "at \(boundary)")
        }
    }
}
