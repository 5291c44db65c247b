import Foundation
import PDModel
import XCTest

/// The synthetic loan generator: reproducible, its structure found again by a fit, and its
/// drift found by the stability tests.
final class SyntheticLoansTests: XCTestCase {
    func testSameSeedSameLoansAndAFitFindsTheStructure() throws {
        let a = SyntheticLoans.generate(count: 20_000, seed: 5)
        XCTAssertEqual(a, SyntheticLoans.generate(count: 20_000, seed: 5))
        XCTAssertNotEqual(a.defaults, SyntheticLoans.generate(count: 20_000, seed: 6).defaults)
        let rate = Double(a.defaultCount) / Double(a.count)
        XCTAssertTrue((0.03...0.07).contains(rate), "default rate \(rate)")

        let model = try ScorecardFitter().fit(a, name: "synthetic")
        let kept = Set(model.characteristics)
        // The strongest drivers are kept; characteristics outside the log-odds are not.
        for driver in ["payment_to_income", "delinquencies_24m", "credit_utilisation", "income", "age"] {
            XCTAssertTrue(kept.contains(driver), "\(driver) dropped: \(model.development.screened)")
        }
        for noise in ["savings", "open_accounts", "months_since_oldest_account", "region", "channel"] {
            XCTAssertFalse(kept.contains(noise), "\(noise) kept")
        }
        XCTAssertGreaterThan(model.development.auc, 0.72)
    }

    func testDriftTurnsTheStabilityLights() throws {
        let development = SyntheticLoans.generate(count: 20_000, seed: 8)
        let monitoring = SyntheticLoans.generate(count: 20_000, seed: 9, drift: 1.5)
        let same = SyntheticLoans.generate(count: 20_000, seed: 10)
        let model = try ScorecardFitter().fit(development, name: "synthetic")
        var scale: [MasterScale.Grade] = []
        var lower = 0.0003
        for g in 1...10 {
            let upper = g == 10 ? 1.0 : lower * 2.2
            scale.append(.init(label: "\(g)", upperPD: upper, pd: sqrt(lower * min(upper, 1))))
            lower = upper
        }
        let calibrated = try model.calibrated(centralTendency: 0.05, method: .bayes, developmentLogOdds: [],
                                              masterScale: MasterScale(name: "test", grades: scale))
        let drifted = try ModelValidation.run(calibrated, sample: monitoring, reference: development, thresholds: ValidationThresholds())
        let steady = try ModelValidation.run(calibrated, sample: same, reference: development, thresholds: ValidationThresholds())
        XCTAssertGreaterThan(drifted.stability!.gradePSI, 0.10)
        XCTAssertNotEqual(drifted.stability!.gradeVerdict, .green)
        XCTAssertLessThan(steady.stability!.gradePSI, 0.02)
        XCTAssertEqual(steady.stability!.gradeVerdict, .green)
        XCTAssertTrue(drifted.stability!.characteristics.contains { $0.name == "credit_utilisation" && $0.verdict != .green })
    }
}
