import Foundation
import Inputs
import PDModel
import RiskMath
import StressCore
import TestSupport
import XCTest

/// What must hold whatever the data: coefficients recovered from data the model generated,
/// monotone and sized classes, calibration hitting its target, files that round-trip, and
/// clear errors for data that cannot make a model.
final class PDModelPropertyTests: XCTestCase {
    /// Loans whose default follows logit(p) = −2.5 + 0.8·x₁ − 0.5·x₂ + 0.3·x₃, x ~ N(0, 1).
    private func synthetic(_ n: Int, seed: UInt64) -> (columns: [[Double]], defaults: [UInt8]) {
        let stream = RandomStream(seed: seed, stream: 1)
        let beta = [-2.5, 0.8, -0.5, 0.3]
        var columns = [[Double]](repeating: [], count: 3)
        var defaults: [UInt8] = []
        for i in 0..<n {
            var eta = beta[0]
            for j in 0..<3 {
                let x = stream.normal(UInt64(i * 4 + j))
                columns[j].append(x)
                eta += beta[j + 1] * x
            }
            defaults.append(stream.uniform(UInt64(i * 4 + 3)) < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        return (columns, defaults)
    }

    func testRefitRecoversTheGeneratingCoefficientsWithinTheirStandardErrors() throws {
        let (columns, defaults) = synthetic(40_000, seed: 7)
        let fit = try LogisticRegression.fit(columns: columns, names: ["x1", "x2", "x3"], outcomes: defaults)
        for (j, truth) in [-2.5, 0.8, -0.5, 0.3].enumerated() {
            XCTAssertLessThan(abs(fit.coefficients[j] - truth), 3 * fit.standardErrors[j], "β\(j) = \(fit.coefficients[j])")
        }
        XCTAssertLessThan(fit.iterations, 12)
    }

    func testNumericClassesAreMonotoneAndSized() throws {
        let (columns, defaults) = synthetic(20_000, seed: 11)
        for (j, name) in ["x1", "x2"].enumerated() {
            let b = try Binner().bin(name, .numeric(columns[j]), defaults: defaults)
            let rates = b.bins.map(\.defaultRate)
            let increasing = zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 }
            let decreasing = zip(rates, rates.dropFirst()).allSatisfy { $0 > $1 }
            XCTAssertTrue(increasing || decreasing, "\(name): \(rates)")
            // x1 raises the default rate, x2 lowers it: the direction follows the data.
            XCTAssertTrue(j == 0 ? increasing : decreasing, name)
            XCTAssertTrue(b.bins.allSatisfy { Double($0.loans) >= 0.05 * 20_000 }, name)
            XCTAssertLessThanOrEqual(b.bins.count, 8)
            // The classes tile the line: each starts where the previous ends.
            for (a, c) in zip(b.bins, b.bins.dropFirst()) {
                guard case let .range(_, upper) = a.rule, case let .range(lower, _) = c.rule else { return XCTFail("ranges") }
                XCTAssertEqual(upper, lower)
            }
        }
    }

    func testCalibrationHitsTheCentralTendency() throws {
        let sample = try germanSample()
        let model = try ScorecardFitter().fit(sample, name: "german")
        let eta = try model.score(sample).logOdds
        let scale = try PDModelFile.loadMasterScale(path: TestSupport.repositoryRoot.appendingPathComponent("tables/master-scale.yaml").path)
        let shifted = try model.calibrated(centralTendency: 0.025, method: .interceptShift, developmentLogOdds: eta, masterScale: scale)
        let pd = try shifted.score(sample).pd
        XCTAssertEqual(pd.reduce(0, +) / Double(pd.count), 0.025, accuracy: 1e-12)
        // Bayes moves the odds by the ratio of the prior to the sample's default odds.
        let bayes = try model.calibrated(centralTendency: 0.025, method: .bayes, developmentLogOdds: [], masterScale: scale)
        XCTAssertEqual(bayes.calibration!.shift, log(0.025 / 0.975) - log(0.3 / 0.7), accuracy: 1e-14)
        // Calibration moves the level, never the ranking.
        XCTAssertEqual(Discrimination.auc(scores: pd, defaults: sample.defaults), model.development.auc, accuracy: 1e-15)
        // Grades rise with PD.
        let grades = try shifted.score(sample).grade!
        for (i, j) in zip(pd.indices, pd.indices.dropFirst()) where pd[i] < pd[j] { XCTAssertLessThanOrEqual(grades[i], grades[j]) }
    }

    func testModelFileRoundTripsBitForBit() throws {
        let sample = try germanSample()
        let model = try ScorecardFitter().fit(sample, name: "german")
        let scale = try PDModelFile.loadMasterScale(path: TestSupport.repositoryRoot.appendingPathComponent("tables/master-scale.yaml").path)
        var calibrated = try model.calibrated(centralTendency: 0.02, method: .interceptShift,
                                              developmentLogOdds: try model.score(sample).logOdds, masterScale: scale)
        calibrated.segments = ["Consumer loans", "Cards \"gold\""]
        let text = PDModelFile.render(calibrated, source: ("germancredit.csv", String(repeating: "0", count: 64)), target: "creditability")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = try PDModelFile.load(path: file.path)
        XCTAssertEqual(PDModelFile.render(loaded.model, source: ("germancredit.csv", String(repeating: "0", count: 64)),
                                          target: loaded.target), text)
        XCTAssertEqual(try loaded.model.score(sample).pd, try calibrated.score(sample).pd)
        XCTAssertEqual(loaded.model.segments, calibrated.segments, "the model's scope round-trips")
    }

    func testDataThatCannotMakeAModelIsRefusedClearly() throws {
        let (columns, defaults) = synthetic(2_000, seed: 3)
        // A characteristic equal to the outcome separates it perfectly.
        XCTAssertThrowsError(try LogisticRegression.fit(columns: [columns[0], defaults.map(Double.init)], names: ["x1", "leak"],
                                                        outcomes: defaults)) { error in
            XCTAssertEqual((error as? PDModelError)?.characteristic, "leak", "\(error)")
        }
        XCTAssertThrowsError(try Binner().bin("flat", .numeric([Double?](repeating: 3, count: 2_000)), defaults: defaults)) { error in
            XCTAssertTrue("\(error)".contains("constant"), "\(error)")
        }
        XCTAssertThrowsError(try Binner().bin("x1", .numeric(columns[0]), defaults: [UInt8](repeating: 0, count: 2_000))) { error in
            XCTAssertTrue("\(error)".contains("both defaults and non-defaults"), "\(error)")
        }
        // A target that is not 0/1: the file and line.
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("loans-\(UUID().uuidString).csv")
        try Data("x,default\n1,0\n2,1\n3,2\n".utf8).write(to: csv)
        defer { try? FileManager.default.removeItem(at: csv) }
        XCTAssertThrowsError(try LoanDataCSV.load(path: csv.path, options: .init(target: "default"))) { error in
            XCTAssertEqual((error as? InputError)?.line, 4, "\(error)")
            XCTAssertTrue("\(error)".contains("must be 0 or 1"), "\(error)")
        }
    }

    private func germanSample() throws -> LoanSample {
        try LoanDataCSV.load(path: TestSupport.repositoryRoot.appendingPathComponent("data/pd/germancredit.csv").path,
                             options: .init(target: "creditability", bad: "bad"))
    }
}

/// The VIF from the inverse correlation matrix equals 1 / (1 − R²) of each column regressed
/// on the others, computed by least squares.
final class VarianceInflationTests: XCTestCase {
    func testInverseCorrelationDiagonalEqualsTheRegressionDefinition() throws {
        let stream = RandomStream(seed: 3, stream: 9)
        let n = 2_000
        var columns = [[Double]](repeating: [], count: 4)
        for i in 0..<n {
            let z = (0..<4).map { stream.normal(UInt64(i * 4 + $0)) }
            columns[0].append(z[0])
            columns[1].append(0.7 * z[0] + 0.3 * z[1])
            columns[2].append(z[2] - 0.5 * z[1])
            columns[3].append(0.2 * z[0] + z[3])
        }
        let vif = LogisticRegression.varianceInflation(columns: columns)
        for j in 0..<4 {
            let others = (0..<4).filter { $0 != j }
            var elements: [Double] = []
            for i in 0..<n { elements.append(1); for o in others { elements.append(columns[o][i]) } }
            let fit = try Matrix(rows: n, columns: 4, elements: elements).leastSquares(columns[j])
            let mean = columns[j].reduce(0, +) / Double(n)
            let total = columns[j].reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            XCTAssertEqual(vif[j], 1 / (fit.residualSumOfSquares / total), accuracy: 1e-9 * vif[j], "column \(j)")
        }
        XCTAssertGreaterThan(vif[1], 3, "column 1 is mostly column 0")
    }
}

/// The scorecard's points and the validation curves, by identities.
final class ScorecardIdentityTests: XCTestCase {
    func testBasePointsPlusAttributePointsAreTheScoreAndTheScoreIsTheOdds() throws {
        let sample = try LoanDataCSV.load(path: TestSupport.repositoryRoot.appendingPathComponent("data/pd/germancredit.csv").path,
                                          options: .init(target: "creditability", bad: "bad"))
        let model = try ScorecardFitter().fit(sample, name: "german")
        let scored = try model.score(sample)
        for i in stride(from: 0, to: sample.count, by: 37) {
            var points = model.basePoints
            for (t, term) in model.terms.enumerated() {
                let column = try XCTUnwrap(sample.column(term.binning.name))
                let bin: Int
                switch column {
                case .numeric(let v): bin = term.binning.binIndex(numeric: v[i]).index
                case .categorical(let v): bin = term.binning.binIndex(category: v[i]).index
                }
                points += model.points(term: t, bin: bin)
            }
            XCTAssertEqual(points, scored.score[i], accuracy: 1e-9, "loan \(i)")
            // score = offset + factor·ln(odds), odds non-default : default.
            let odds = (1 - scored.pd[i]) / scored.pd[i]
            XCTAssertEqual(scored.score[i], model.scale.offset + model.scale.factor * log(odds), accuracy: 1e-9)
        }
        // PDO: twice the odds, PDO more points; the base odds score the base score.
        XCTAssertEqual(model.scale.offset + model.scale.factor * log(2 * 50), 620, accuracy: 1e-12)
        XCTAssertEqual(model.scale.offset + model.scale.factor * log(50), 600, accuracy: 1e-12)
    }

    func testCurvesRunFromCornerToCornerAndTheROCAreaIsTheAUC() {
        let stream = RandomStream(seed: 21, stream: 2)
        var scores: [Double] = [], defaults: [UInt8] = []
        for i in 0..<3_000 {
            let s = (stream.normal(UInt64(2 * i)) * 4).rounded() / 4   // ties
            scores.append(s)
            defaults.append(stream.uniform(UInt64(2 * i + 1)) < 1 / (1 + exp(-(s - 2))) ? 1 : 0)
        }
        // Every tie group a point: the trapezoid area under the ROC curve is the AUC.
        let full = ValidationStatistics.curves(scores: scores, defaults: defaults, points: scores.count)
        var area = 0.0
        for (a, b) in zip(full.roc, full.roc.dropFirst()) { area += (b[0] - a[0]) * (a[1] + b[1]) / 2 }
        XCTAssertEqual(area, Discrimination.auc(scores: scores, defaults: defaults), accuracy: 1e-12)
        let thinned = ValidationStatistics.curves(scores: scores, defaults: defaults)
        for curve in [full.roc, full.cap, thinned.roc, thinned.cap] {
            XCTAssertEqual(curve.first!, [0, 0])
            XCTAssertEqual(curve.last!, [1, 1])
            XCTAssertTrue(zip(curve, curve.dropFirst()).allSatisfy { $0[0] <= $1[0] && $0[1] <= $1[1] })
        }
        XCTAssertLessThanOrEqual(thinned.cap.count, 102)
    }
}
