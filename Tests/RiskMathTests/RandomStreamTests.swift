@testable import RiskMath
import XCTest

/// Addressable Philox streams: layout, batch-versus-scalar identity and sampling statistics.
final class RandomStreamTests: XCTestCase {
    /// Sample size for the statistical checks (about 10⁶).
    private let sampleSize = 1 << 20

    private func draws(_ stream: RandomStream, count: Int, normal: Bool, start: UInt64 = 0) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if normal {
                stream.fillNormals(startIndex: start, into: buffer)
            } else {
                stream.fillUniforms(startIndex: start, into: buffer)
            }
            initialized = count
        }
    }

    // MARK: - Layout

    /// Uniforms for seed 20240601, stream 3 from an independent Python implementation of
    /// the documented layout (Philox4x32-10 written from the Random123 paper and checked
    /// against the same three known-answer vectors; block = index >> 1, half 0 = words
    /// (0, 1), half 1 = words (2, 3), k = (high·2³² + low) >> 11, u = k·2⁻⁵³), printed
    /// with Python's `repr` (shortest round-trip decimal).
    func testUniformsMatchIndependentImplementationOfTheLayout() {
        let expected: [(UInt64, Double)] = [
            (0, 0.5337780656966435),
            (1, 0.7267515773579492),
            (2, 0.09518697102778939),
            (3, 0.08627170958043795),
            (1001, 0.9863636571735632),
            (8_589_934_591, 0.7509519161745242),  // 2³³ − 1: last draw of block 2³² − 1
            (8_589_934_592, 0.4009842252979253),  // 2³³: block 2³², carry into counter word 1
            (8_589_934_593, 0.8190988302841883),
            (18_446_744_073_709_551_615, 0.4046056552157411),  // 2⁶⁴ − 1
        ]
        let stream = RandomStream(seed: 20_240_601, stream: 3)
        for (index, value) in expected {
            XCTAssertEqual(stream.uniform(index), value, "index \(index)")
        }
    }

    func testUniformOfZeroSeedMatchesFirstKnownAnswerVector() {
        // Block 0 of seed 0, stream 0 is the all-zero Random123 vector.
        let stream = RandomStream(seed: 0, stream: 0)
        XCTAssertEqual(stream.uniform(0), Double((0xE169_C58D_6627_E8D5 as UInt64) >> 11) * 0x1p-53)
        XCTAssertEqual(stream.uniform(1), Double((0x9B00_DBD8_BC57_AC4C as UInt64) >> 11) * 0x1p-53)
    }

    func testConversionStaysInsideTheOpenUnitInterval() {
        let cases: [(low: UInt32, high: UInt32, expected: Double)] = [
            (0, 0, 0x1p-54),  // k = 0 is moved off zero
            (0x7FF, 0, 0x1p-54),  // the 11 discarded bits do not matter
            (0x800, 0, 0x1p-53),  // k = 1
            (0xFFFF_FFFF, 0xFFFF_FFFF, 1 - 0x1p-53),  // k = 2⁵³ − 1
            (0, 0x8000_0000, 0.5),
        ]
        for (low, high, expected) in cases {
            XCTAssertEqual(RandomStream.openUnit(low: low, high: high), expected)
            let lanes = RandomStream.openUnits(low: Philox4x32.Lanes(repeating: UInt64(low)),
                                               high: Philox4x32.Lanes(repeating: UInt64(high)))
            XCTAssertEqual(lanes, SIMD8(repeating: expected), "low \(low), high \(high)")
        }
    }

    // MARK: - Determinism and independence

    func testSameAddressGivesSameDraw() {
        let a = RandomStream(seed: 7, stream: 11), b = RandomStream(seed: 7, stream: 11)
        for index: UInt64 in [0, 1, 2, 999_999, 1 << 40, .max] {
            XCTAssertEqual(a.uniform(index).bitPattern, b.uniform(index).bitPattern)
            XCTAssertEqual(a.normal(index).bitPattern, b.normal(index).bitPattern)
            XCTAssertEqual(a.normal(index), Normal.quantile(a.uniform(index)))
        }
    }

    func testDifferentStreamsAndSeedsDiffer() {
        let base = draws(RandomStream(seed: 1, stream: 0), count: 1000, normal: false)
        let others = [
            RandomStream(seed: 1, stream: 1), RandomStream(seed: 1, stream: 1 << 32),
            RandomStream(seed: 2, stream: 0), RandomStream(seed: 1 + (1 << 32), stream: 0),
        ]
        for other in others {
            let values = draws(other, count: 1000, normal: false)
            XCTAssertTrue(zip(base, values).allSatisfy { $0 != $1 }, "\(other) repeats stream (1, 0)")
        }
    }

    func testStreamsAreUncorrelated() {
        let first = draws(RandomStream(seed: 99, stream: 0), count: sampleSize, normal: false)
        let second = draws(RandomStream(seed: 99, stream: 1), count: sampleSize, normal: false)
        let bound = 5 / Double(sampleSize).squareRoot()  // 5 standard errors of a correlation
        let across = correlation(first, second)
        XCTAssertLessThan(abs(across), bound, "corr(stream 0, stream 1) = \(across)")
        let lagOne = correlation(Array(first.dropLast()), Array(first.dropFirst()))
        XCTAssertLessThan(abs(lagOne), bound, "lag-1 autocorrelation = \(lagOne)")
    }

    // MARK: - Batch fills

    func testBatchFillsEqualScalarDraws() {
        let stream = RandomStream(seed: 0xDEAD_BEEF_0123_4567, stream: 42)
        let starts: [UInt64] = [0, 1, 2, 15, 16, 17, (1 << 33) - 7, .max - 36, .max - 1, .max]
        for start in starts {
            for count in [0, 1, 2, 3, 15, 16, 17, 33, 100] {
                let uniforms = draws(stream, count: count, normal: false, start: start)
                let normals = draws(stream, count: count, normal: true, start: start)
                for i in 0..<count {
                    let index = start &+ UInt64(i)
                    XCTAssertEqual(uniforms[i].bitPattern, stream.uniform(index).bitPattern,
                                   "uniform start \(start), i \(i)")
                    XCTAssertEqual(normals[i].bitPattern, stream.normal(index).bitPattern,
                                   "normal start \(start), i \(i)")
                }
            }
        }
    }

    // MARK: - Sampling statistics (bounds: 5 standard errors)

    func testUniformMomentsAndKolmogorovSmirnov() {
        let values = draws(RandomStream(seed: 2024, stream: 5), count: sampleSize, normal: false)
        let n = Double(sampleSize)
        XCTAssertTrue(values.allSatisfy { $0 > 0 && $0 < 1 })
        let mean = values.reduce(0, +) / n
        XCTAssertEqual(mean, 0.5, accuracy: 5 * (1.0 / 12 / n).squareRoot(), "mean \(mean)")
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        // Var((U − ½)²) = 1/80 − 1/144.
        XCTAssertEqual(variance, 1.0 / 12, accuracy: 5 * ((1.0 / 80 - 1.0 / 144) / n).squareRoot(),
                       "variance \(variance)")
        let statistic = kolmogorovSmirnov(values) { $0 }
        XCTAssertLessThan(statistic, 1.95, "√n·D = \(statistic) (1.95 is the 0.1% critical value)")
    }

    func testNormalMomentsTailsAndKolmogorovSmirnov() {
        let values = draws(RandomStream(seed: 2024, stream: 6), count: sampleSize, normal: true)
        let n = Double(sampleSize)
        let mean = values.reduce(0, +) / n
        XCTAssertEqual(mean, 0, accuracy: 5 / n.squareRoot(), "mean \(mean)")
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        XCTAssertEqual(variance, 1, accuracy: 5 * (2 / n).squareRoot(), "variance \(variance)")
        for threshold in [-4.0, -3, -2, 2, 3, 4] {
            let probability = threshold < 0 ? Normal.cdf(threshold) : Normal.complementaryCDF(threshold)
            let count = values.filter { threshold < 0 ? $0 < threshold : $0 > threshold }.count
            let expected = n * probability
            XCTAssertEqual(Double(count), expected, accuracy: 5 * (expected * (1 - probability)).squareRoot(),
                           "draws beyond \(threshold): \(count), expected \(expected)")
        }
        let statistic = kolmogorovSmirnov(values, Normal.cdf)
        XCTAssertLessThan(statistic, 1.95, "√n·D = \(statistic) (1.95 is the 0.1% critical value)")
        XCTAssertTrue(values.allSatisfy { $0 > -8.3 && $0 < 8.3 })
    }

    // MARK: - Helpers

    /// √n·sup|F_n − F| for the sample against the distribution function `cdf`.
    private func kolmogorovSmirnov(_ sample: [Double], _ cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var supremum = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            supremum = max(supremum, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return n.squareRoot() * supremum
    }

    private func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
