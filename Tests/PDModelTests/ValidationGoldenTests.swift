import Foundation
import PDModel
import RiskMath
import TestSupport
import XCTest

/// The validation statistics against creditriskengine 0.31.0 and SciPy on a random sample
/// (Golden/validation.json, scripts/golden/pd_validation.py).
final class ValidationGoldenTests: XCTestCase {
    private var golden: [String: Any]!
    private var pd: [Double] = []
    private var defaults: [UInt8] = []

    override func setUpWithError() throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/PDModelTests/Golden/validation.json")
        golden = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        pd = (golden["pd"] as! [Any]).map(exact)
        defaults = (golden["defaults"] as! [Any]).map { UInt8(exact($0)) }
    }

    private func exact(_ value: Any?) -> Double {
        if let d = value as? NSDecimalNumber { return Double(d.stringValue)! }
        return (value as! NSNumber).doubleValue
    }

    private func assertRelative(_ a: Double, _ b: Double, _ tolerance: Double, _ what: String, file: StaticString = #filePath,
                                line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: tolerance * max(abs(b), 1e-300), what, file: file, line: line)
    }

    func testDiscriminationWithDeLongStandardError() {
        let estimate = ValidationStatistics.delong(scores: pd, defaults: defaults)
        assertRelative(estimate.auc, exact(golden["auroc"]), 1e-12, "AUC (creditriskengine)")
        assertRelative(estimate.auc, exact(golden["sklearn_auc"]), 1e-12, "AUC (scikit-learn)")
        let delong = golden["delong"] as! [String: Any]
        assertRelative(estimate.standardError, exact(delong["se"]), 1e-10, "DeLong SE (pairwise)")
        XCTAssertEqual(estimate.lower, estimate.auc - 1.959963984540054 * estimate.standardError, accuracy: 1e-12)
        assertRelative(Discrimination.ks(scores: pd, defaults: defaults), exact(golden["ks"]), 1e-12, "KS")
    }

    func testCalibrationOverallAndByGrade() {
        assertRelative(ValidationStatistics.brier(pd: pd, defaults: defaults), exact(golden["brier"]), 1e-12, "Brier")
        let s = golden["spiegelhalter"] as! [String: Any]
        let (z, p) = ValidationStatistics.spiegelhalter(pd: pd, defaults: defaults)
        assertRelative(z, exact(s["z_stat"]), 1e-9, "Spiegelhalter z")
        assertRelative(p, exact(s["p_value"]), 1e-9, "Spiegelhalter p")

        let hl = golden["hosmer_lemeshow"] as! [String: Any]
        let result = ValidationStatistics.hosmerLemeshow(
            defaults: (hl["defaults"] as! [Any]).map { Int(exact($0)) }, loans: (hl["loans"] as! [Any]).map { Int(exact($0)) },
            meanPD: (hl["mean_pd"] as! [Any]).map(exact))
        assertRelative(result.statistic, exact(hl["hl_stat"]), 1e-12, "HL statistic")
        XCTAssertEqual(result.degrees, 8)
        assertRelative(result.pValue, exact(hl["p_value"]), 1e-12, "HL p-value")

        for g in golden["grades"] as! [[String: Any]] {
            let test = ValidationStatistics.gradeTest(grade: "\(g["grade"]!)", loans: Int(exact(g["loans"])),
                                                      defaults: Int(exact(g["defaults"])), pd: exact(g["pd"]))
            assertRelative(test.binomialPValue, exact(g["binomial_p"]), 1e-12, "binomial p, grade \(test.grade)")
            assertRelative(test.jeffreysPValue, exact(g["jeffreys_p"]), 1e-12, "Jeffreys p, grade \(test.grade)")
            assertRelative(test.jeffreysLower, exact(g["jeffreys_lower"]), 1e-10, "Jeffreys lower, grade \(test.grade)")
            assertRelative(test.jeffreysUpper, exact(g["jeffreys_upper"]), 1e-10, "Jeffreys upper, grade \(test.grade)")
            let cre = g["cre_jeffreys"] as! [String: Any]
            assertRelative(test.jeffreysUpper, exact(cre["upper_bound"]), 1e-10, "Jeffreys upper (creditriskengine)")
        }
    }

    func testStabilityConcentrationAndTheChiSquaredTail() {
        let psi = golden["psi"] as! [String: Any]
        assertRelative(ValidationStatistics.psi(expected: psi["expected"] as! [Int], actual: psi["actual"] as! [Int]),
                       exact(psi["value"]), 1e-12, "PSI")
        XCTAssertEqual(ValidationStatistics.psi(expected: [3, 5, 9], actual: [3, 5, 9]), 0)
        let h = golden["herfindahl"] as! [String: Any]
        assertRelative(ValidationStatistics.herfindahl(counts: h["counts"] as! [Int]), exact(h["value"]), 1e-14, "HHI")
        for row in golden["chi2_sf"] as! [[String: Any]] {
            assertRelative(IncompleteGamma.chiSquaredSurvival(exact(row["x"]), degrees: exact(row["df"])), exact(row["sf"]),
                           1e-12, "χ² survival \(row)")
        }
    }

    /// Under a correctly calibrated model the Jeffreys p-values are uniform: a seeded
    /// simulation of 2,000 grades, its histogram in ten bins within binomial noise.
    func testJeffreysPValuesAreUniformUnderCalibration() {
        var counts = [Int](repeating: 0, count: 10)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2_000 {
            let pd = 0.02, n = 5_000
            var d = 0
            for _ in 0..<n where uniform() < pd { d += 1 }
            let p = ValidationStatistics.gradeTest(grade: "", loans: n, defaults: d, pd: pd).jeffreysPValue
            counts[min(Int(p * 10), 9)] += 1
        }
        // 200 expected per bin; ±4.5 standard deviations (√(2000·0.1·0.9) ≈ 13.4).
        for (i, c) in counts.enumerated() { XCTAssertEqual(Double(c), 200, accuracy: 60, "bin \(i): \(counts)") }
    }
}
