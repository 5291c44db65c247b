import Foundation
import Inputs
import PDModel
import TestSupport
import XCTest

/// The grade migration matrix and its matrix weighted bandwidths (ECB instructions for
/// reporting validation results, 2019, §2.5.5.1).
final class GradeMigrationTests: XCTestCase {
    private func masterScale() throws -> MasterScale {
        try PDModelFile.loadMasterScale(path: TestSupport.repositoryRoot.appendingPathComponent("tables/master-scale.yaml").path)
    }

    /// The count matrix of MathWorks' `risk.validation.matrixWeightedBandwidth` example
    /// (documentation page, R2026a), whose published MWBs are 0.3306 (lower) and 0.6066
    /// (upper). By hand from the formula: 41/124 below the diagonal, 202/333 above it.
    func testBandwidthsMatchThePublishedExample() {
        let counts = [[10, 8, 15, 9, 10], [11, 9, 13, 9, 8], [0, 10, 10, 11, 10], [0, 0, 9, 11, 11], [0, 0, 0, 11, 10]]
        let (upper, lower) = GradeMigration.bandwidths(counts)
        XCTAssertEqual(upper, 202.0 / 333.0, accuracy: 1e-15)
        XCTAssertEqual(lower, 41.0 / 124.0, accuracy: 1e-15)
        XCTAssertEqual((upper * 1e4).rounded() / 1e4, 0.6066)
        XCTAssertEqual((lower * 1e4).rounded() / 1e4, 0.3306)
    }

    func testMigrationSharesAndBounds() {
        let labels = (1...6).map { "G\($0)" }
        // Four stay, two move one notch down, one moves four notches up.
        let from = [1, 2, 3, 3, 1, 2, 5], to = [1, 2, 3, 3, 2, 3, 1]
        let m = GradeMigration.of(referenceGrade: from, sampleGrade: to, labels: labels)
        XCTAssertEqual(m.grades, ["G2", "G3", "G4", "G5", "G6"], "the scale from the best to the worst grade used")
        XCTAssertEqual(m.counts.flatMap { $0 }.reduce(0, +), 7)
        XCTAssertEqual(m.counts[0], [1, 1, 0, 0, 0])
        XCTAssertEqual(m.counts[4], [1, 0, 0, 0, 0])
        XCTAssertEqual(m.stayed, 4.0 / 7)
        XCTAssertEqual(m.withinOneNotch, 6.0 / 7)
        XCTAssertEqual(m.downgraded, 2.0 / 7)
        XCTAssertEqual(m.upgraded, 1.0 / 7)
        XCTAssertEqual(m.stayed + m.downgraded + m.upgraded, 1, accuracy: 1e-15)
        // One notch from grades 1 and 2 of six: reach max(4, 1) and max(3, 2).
        XCTAssertEqual(m.upperMWB, 2.0 / 7.0, accuracy: 1e-15)
        // Four notches from grade 5: reach max(0, 5) = 5.
        XCTAssertEqual(m.lowerMWB, 4.0 / 5.0, accuracy: 1e-15)

        let still = GradeMigration.of(referenceGrade: from, sampleGrade: from, labels: labels)
        XCTAssertEqual(still.stayed, 1)
        XCTAssertEqual(still.upperMWB, 0)
        XCTAssertEqual(still.lowerMWB, 0)
        // Everyone to the far end: the bandwidth is 1.
        let far = GradeMigration.of(referenceGrade: [0, 0], sampleGrade: [5, 5], labels: labels)
        XCTAssertEqual(far.upperMWB, 1)
    }

    /// Synthetic obligors rated again after a downturn (same seed, drift): the validation
    /// pairs them by id, finds mostly downgrades, and refuses duplicated ids.
    func testValidationPairsObligorsById() throws {
        let development = SyntheticLoans.generate(count: 20_000, seed: 11, ids: true)
        let monitoring = SyntheticLoans.generate(count: 20_000, seed: 11, drift: 1, ids: true)
        var fitting = development
        fitting.names.removeFirst()
        fitting.columns.removeFirst()
        let fitted = try ScorecardFitter().fit(fitting, name: "synthetic")
        let model = try fitted.calibrated(centralTendency: 0.05, method: .interceptShift,
                                          developmentLogOdds: try fitted.score(fitting).logOdds, masterScale: try masterScale())
        let report = try ModelValidation.run(model, sample: monitoring, reference: development,
                                             thresholds: ValidationThresholds(), idColumn: SyntheticLoans.idColumn)
        let m = try XCTUnwrap(report.stability?.migration)
        XCTAssertEqual(m.obligors, 20_000)
        XCTAssertGreaterThan(m.downgraded, 0.5)
        XCTAssertGreaterThan(m.downgraded, 10 * m.upgraded)
        XCTAssertEqual(m.counts.flatMap { $0 }.reduce(0, +), 20_000)

        // Against itself: nobody moves.
        let same = try ModelValidation.run(model, sample: development, reference: development,
                                           thresholds: ValidationThresholds(), idColumn: SyntheticLoans.idColumn)
        XCTAssertEqual(same.stability?.migration?.stayed, 1)

        var twice = development
        if case .categorical(var ids) = twice.columns[0] {
            ids[1] = ids[0]
            twice.columns[0] = .categorical(ids)
        }
        XCTAssertThrowsError(try ModelValidation.run(model, sample: twice, reference: development,
                                                     thresholds: ValidationThresholds(), idColumn: SyntheticLoans.idColumn)) {
            XCTAssertTrue("\($0)".contains("appears twice in the validation sample"), "\($0)")
        }
        XCTAssertThrowsError(try ModelValidation.run(model, sample: monitoring, reference: fitting,
                                                     thresholds: ValidationThresholds(), idColumn: SyntheticLoans.idColumn)) {
            XCTAssertTrue("\($0)".contains("no obligor id column 'obligor_id'"), "\($0)")
        }
    }

    /// The grade shares' PSI terms add up to the grade PSI, bit for bit (same terms, same
    /// order; unused grades add exact zeros), and grades with few expected defaults warn.
    func testGradeSharesSumToThePSIAndSmallGradesWarn() throws {
        let development = SyntheticLoans.generate(count: 5_000, seed: 4)
        let monitoring = SyntheticLoans.generate(count: 5_000, seed: 5, drift: 1.5)
        let fitted = try ScorecardFitter().fit(development, name: "synthetic")
        let model = try fitted.calibrated(centralTendency: 0.05, method: .interceptShift,
                                          developmentLogOdds: try fitted.score(development).logOdds, masterScale: try masterScale())
        let report = try ModelValidation.run(model, sample: monitoring, reference: development, thresholds: ValidationThresholds())
        let s = try XCTUnwrap(report.stability)
        XCTAssertEqual(s.grades.map(\.psiTerm).reduce(0, +), s.gradePSI)
        XCTAssertEqual(s.grades.map(\.sample).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(s.grades.map(\.reference).reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertNil(s.migration, "no id column, no migration")
        let small = report.grades.filter { $0.test.pd * Double($0.test.loans) < ModelValidation.fewExpectedDefaults }
        XCTAssertFalse(small.isEmpty)
        XCTAssertEqual(report.warnings.count, small.count)
        XCTAssertTrue(report.warnings.allSatisfy { $0.contains("binomial test has little power") })
    }
}
