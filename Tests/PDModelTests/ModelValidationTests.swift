import Foundation
import Inputs
import PDModel
import TestSupport
import XCTest

/// `ModelValidation` on the German credit scorecard: green where it should be, and the
/// lights that a miscalibrated model and a shifted population must turn.
final class ModelValidationTests: XCTestCase {
    private func fixture(centralTendency: Double) throws -> (PDScorecard, LoanSample) {
        let root = TestSupport.repositoryRoot
        let sample = try LoanDataCSV.load(path: root.appendingPathComponent("data/pd/germancredit.csv").path,
                                          options: .init(target: "creditability", bad: "bad"))
        let model = try ScorecardFitter().fit(sample, name: "german")
        let scale = try PDModelFile.loadMasterScale(path: root.appendingPathComponent("tables/master-scale.yaml").path)
        return (try model.calibrated(centralTendency: centralTendency, method: .interceptShift,
                                     developmentLogOdds: try model.score(sample).logOdds, masterScale: scale), sample)
    }

    func testACalibratedModelOnItsOwnSampleIsGreen() throws {
        let (model, sample) = try fixture(centralTendency: 0.3)
        let report = try ModelValidation.run(model, sample: sample, reference: sample, thresholds: ValidationThresholds())
        XCTAssertEqual(report.verdict, .green)
        XCTAssertEqual(report.discrimination.auc.auc, model.development.auc, accuracy: 1e-15)
        XCTAssertEqual(report.stability?.gradePSI, 0)
        XCTAssertEqual(report.grades.map(\.test.loans).reduce(0, +), 1_000)
        XCTAssertEqual(report.grades.map(\.test.defaults).reduce(0, +), 300)
    }

    func testAModelCalibratedFarBelowTheObservedRateTurnsRed() throws {
        // Calibrated to 2.5% on a sample that defaulted at 30%: the PDs underestimate.
        let (model, sample) = try fixture(centralTendency: 0.025)
        let report = try ModelValidation.run(model, sample: sample, reference: nil, thresholds: ValidationThresholds())
        XCTAssertEqual(report.calibration.verdict, .red)
        XCTAssertLessThan(report.calibration.jeffreysPValue, 1e-10)
        XCTAssertTrue(report.grades.contains { $0.verdict == .red })
        XCTAssertEqual(report.verdict, .red)
        XCTAssertEqual(report.discrimination.verdict, .green, "calibration does not change the ranking")
    }

    func testAShiftedPopulationTurnsTheStabilityLights() throws {
        let (model, sample) = try fixture(centralTendency: 0.3)
        // The riskiest half of the applicants only.
        let pd = try model.score(sample).pd
        let cut = pd.sorted()[pd.count / 2]
        let keep = pd.indices.filter { pd[$0] >= cut }
        let shifted = LoanSample(names: sample.names, columns: sample.columns.map { column in
            switch column {
            case .numeric(let v): return .numeric(keep.map { v[$0] })
            case .categorical(let v): return .categorical(keep.map { v[$0] })
            }
        }, defaults: keep.map { sample.defaults[$0] })
        let report = try ModelValidation.run(model, sample: shifted, reference: sample, thresholds: ValidationThresholds())
        let stability = try XCTUnwrap(report.stability)
        XCTAssertGreaterThan(stability.gradePSI, 0.25)
        XCTAssertEqual(stability.gradeVerdict, .red)
        XCTAssertTrue(stability.characteristics.contains { $0.verdict != .green })
    }
}
