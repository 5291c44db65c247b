@testable import FactorModel
import Foundation
import RiskMath
import StressCore
import TestSupport
import XCTest

final class ExposureTests: XCTestCase {
    /// Cap-weighted mean 0, equal-weighted SD 1 after winsorising a 100σ outlier.
    func testStandardisedStyleHasTheStatedMoments() throws {
        let n = 200
        var raw = (0..<n).map { sin(Double($0) * 1.3) + 0.1 * Double($0 % 7) }
        raw[17] = 100
        let caps = (0..<n).map { 1 + Double(($0 * 37) % 50) }
        let r = try StyleStandardisation.standardise(raw: raw, marketCap: caps, industry: [Int](repeating: 0, count: n),
                                                     country: nil, name: "value")
        let capMean = zip(r.values, caps).reduce(0) { $0 + $1.0 * $1.1 } / caps.reduce(0, +)
        let mean = r.values.reduce(0, +) / Double(n)
        let sd = (r.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        XCTAssertEqual(capMean, 0, accuracy: 1e-14)
        XCTAssertEqual(sd, 1, accuracy: 1e-14)
        XCTAssertEqual(r.winsorised, 1)
        XCTAssertLessThan(r.values.map(abs).max()!, 3.3, "winsorised near 3")
        XCTAssertGreaterThan(r.values[17], 2.5)
    }

    /// Missing values take the median of their industry × country group, else industry,
    /// else all; before standardising (so compare the standardised values' order).
    func testImputesFromGroupMedians() throws {
        // industry 0: 1, 2, 3 (country 0) and 10 (country 1); industry 1: 5, 7.
        let raw: [Double] = [1, 2, 3, 10, .nan, .nan, 5, 7, .nan]
        let industry = [0, 0, 0, 0, 0, 0, 1, 1, 2]
        let country = [0, 0, 0, 1, 0, 1, 0, 0, 0]
        let r = try StyleStandardisation.standardise(raw: raw, marketCap: [Double](repeating: 1, count: 9),
                                                     industry: industry, country: country, name: "x")
        XCTAssertEqual(r.imputed, [4, 5, 8])
        // asset 4 → median(1, 2, 3) = 2 (= asset 1), asset 5 → median(10) = 10 (= asset 3),
        // asset 8 (industry 2 has no data) → median of all (1, 2, 3, 5, 7, 10) = 4.
        XCTAssertEqual(r.values[4], r.values[1], accuracy: 1e-15)
        XCTAssertEqual(r.values[5], r.values[3], accuracy: 1e-15)
        let scale = r.values[3] - r.values[1]  // corresponds to 10 − 2 = 8
        XCTAssertEqual(r.values[8] - r.values[1], scale * 2 / 8, accuracy: 1e-14)
    }

    func testBuilderMakesDummiesAndFlagsImputation() throws {
        let universe = AssetUniverse(
            ids: ["a", "b", "c", "d"], marketCap: [1, 2, 3, 4],
            industry: CategoricalColumn(["banks", "energy", "banks", "energy"]),
            country: CategoricalColumn(["DE", "DE", "FR", "FR"]),
            styles: [StyleDescriptor(name: "size", raw: [0, 1, 2, 3]), StyleDescriptor(name: "value", raw: [1, .nan, 3, 0])])
        let built = try ExposureBuilder.build(universe, industries: ["banks", "energy", "tech"], countries: ["DE", "FR"])
        let x = built.snapshot.exposures
        XCTAssertEqual(built.snapshot.factors.map(\.name), ["market", "banks", "energy", "tech", "DE", "FR", "size", "value"])
        for i in 0..<4 {
            XCTAssertEqual(x[i, 0], 1)
            XCTAssertEqual(x[i, 1] + x[i, 2] + x[i, 3], 1)
            XCTAssertEqual(x[i, 4] + x[i, 5], 1)
            XCTAssertEqual(x[i, 3], 0, "tech has no asset")
        }
        XCTAssertEqual(built.findings.count, 1)
        XCTAssertEqual(built.findings.first?.field, "value")
        XCTAssertTrue(built.findings.first?.message.contains("b") ?? false)
        XCTAssertThrowsError(try ExposureBuilder.build(universe, industries: ["banks"], countries: ["DE", "FR"]))
    }

    /// An industry with no asset is dropped by the regression (its return is 0) and the
    /// other factors are still estimated.
    func testEmptyIndustryIsDropped() throws {
        var configuration = CrossSectionalRegressionTests.configuration
        configuration.dates = 5
        let synthetic = try SyntheticFactorPanel.generate(configuration)
        var snapshots = synthetic.panel.snapshots
        var factors = snapshots[0].factors
        factors.append(Factor(name: "empty", kind: .industry))
        snapshots = try snapshots.map { s in
            var e: [Double] = []
            for i in 0..<s.assetCount { e += s.exposures.row(i) + [0] }
            return try ExposureSnapshot(factors: factors, exposures: Matrix(rows: s.assetCount, columns: factors.count, elements: e),
                                        marketCap: s.marketCap)
        }
        let panel = try FactorPanel(dates: synthetic.panel.dates, returns: synthetic.panel.returns, snapshots: snapshots,
                                    snapshotOfDate: synthetic.panel.snapshotOfDate)
        let fit = try CrossSectionalRegression.estimate(panel)
        let base = try CrossSectionalRegression.estimate(synthetic.panel)
        XCTAssertEqual(fit.droppedFactors[0], [factors.count - 1])
        for t in 0..<5 {
            XCTAssertEqual(fit.values[t, factors.count - 1], 0)
            Golden.assertClose(Array(fit.values.row(t).dropLast()), base.values.row(t), relative: 1e-10, scale: 1e-6, "date \(t)")
        }
    }
}
