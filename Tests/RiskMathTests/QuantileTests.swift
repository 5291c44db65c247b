import RiskMath
import XCTest

/// Empirical quantiles against numpy's default (method "linear").
final class QuantileTests: XCTestCase {
    /// `numpy.quantile(a, q)` from numpy 2.4.6, printed with `repr`, for
    /// a = [0.3, 1.7, 2.2, 5.0, 5.0, 9.1, 12.4].
    func testSmallSampleMatchesNumpyExactly() {
        let sample = [0.3, 1.7, 2.2, 5.0, 5.0, 9.1, 12.4]
        let expected: [(q: Double, value: Double)] = [
            (0.0, 0.3), (0.1, 1.1400000000000001), (0.25, 1.9500000000000002), (0.5, 5.0),
            (0.6, 5.0), (0.9, 10.420000000000002), (0.95, 11.409999999999998),
            (0.99, 12.201999999999998), (0.999, 12.3802), (1.0, 12.4),
        ]
        for (q, value) in expected {
            XCTAssertEqual(Quantile.linear(sorted: sample, q: q), value, "q = \(q)")
        }
    }

    /// `numpy.quantile(b, q)` for b = numpy.sort([((i·7919) mod 1000)/7 + 0.001·i for i in
    /// 0..<1000]) (Python float arithmetic, as below), numpy 2.4.6, printed with `repr`.
    func testLossSampleTailQuantilesMatchNumpyExactly() {
        var sample: [Double] = []
        for i in 0..<1000 {
            let residue = Double((i * 7919) % 1000)
            sample.append(residue / 7.0 + 0.001 * Double(i))
        }
        sample.sort()
        let expected: [(q: Double, value: Double)] = [
            (0.5, 71.8395), (0.9, 128.8673857142857), (0.95, 135.95133571428573),
            (0.975, 139.66973214285713), (0.99, 141.81849571428572), (0.995, 142.57060499999997),
            (0.999, 143.21360671428573), (0.9999, 143.37377495714284),
        ]
        for (q, value) in expected {
            XCTAssertEqual(Quantile.linear(sorted: sample, q: q), value, "q = \(q)")
        }
    }

    func testEdgeCases() {
        XCTAssertEqual(Quantile.linear(sorted: [4.2], q: 0.99), 4.2)
        XCTAssertEqual(Quantile.linear(sorted: [1, 3], q: 0.5), 2)
        XCTAssertTrue(Quantile.linear(sorted: [], q: 0.5).isNaN)
        XCTAssertTrue(Quantile.linear(sorted: [1, 2], q: -0.01).isNaN)
        XCTAssertTrue(Quantile.linear(sorted: [1, 2], q: 1.01).isNaN)
        XCTAssertTrue(Quantile.linear(sorted: [1, 2], q: .nan).isNaN)
    }
}
