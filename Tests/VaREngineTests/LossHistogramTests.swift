import XCTest
import StressCore
@testable import VaREngine

/// The binned loss distribution the board pack draws: masses add up to one, the
/// histogram's mean agrees with the simulated mean, and the range holds EL, VaR and ES.
final class LossHistogramTests: XCTestCase {
    func testPlainSampleBinsExactly() {
        let sample = LossSample(losses: [0, 0.5, 1, 1.5, 2, 9.9, 10, 12])
        let h = LossHistogram(sample: sample, upper: 10, bins: 5)
        XCTAssertEqual(h.binWidth, 2)
        XCTAssertEqual(h.probabilities, [4, 1, 0, 0, 1].map { $0 / 8 }, "[0, 2) holds 0, 0.5, 1, 1.5")
        XCTAssertEqual(h.above, 2.0 / 8, "10 and 12 fall past the last bin [8, 10)")
    }

    /// Issue #23: a book of subnormal exposures (EAD 4.9e-324) gave a range whose
    /// bin width underflowed to zero, and Int(loss / 0) trapped the run.
    func testSubnormalAndNonFiniteRangesDoNotTrap() {
        let tiny = LossSample(losses: [0, 4.9e-324, 1e-320])
        let h = LossHistogram(sample: tiny, upper: 1.25 * 1e-320, bins: 60)
        XCTAssertGreaterThan(h.binWidth, 0)
        XCTAssertTrue(h.binWidth.isFinite)
        XCTAssertEqual(h.probabilities.reduce(0, +) + h.above, 1, accuracy: 1e-12)
        let wild = LossHistogram(sample: LossSample(losses: [1, .infinity, .nan]), upper: .infinity, bins: 4)
        XCTAssertTrue(wild.binWidth.isFinite && wild.binWidth > 0)
        XCTAssertEqual(wild.probabilities.reduce(0, +) + wild.above, 1, accuracy: 1e-12)
    }

    func testRunCarriesADistributionThatAddsUpToOne() throws {
        for sampling in [ImportanceSampling.none, .automatic] {
            let result = try CreditVaR.run(portfolio: PortfolioFixtures.mixed(150),
                                           configuration: VaRConfiguration(paths: 4_000, seed: 7, importanceSampling: sampling),
                                           threads: 2)
            let h = try XCTUnwrap(result.distribution)
            XCTAssertEqual(h.probabilities.count, 60)
            XCTAssertEqual(h.probabilities.reduce(0, +) + h.above, 1, accuracy: 1e-12, "\(sampling)")
            XCTAssertTrue(h.probabilities.allSatisfy { $0 >= 0 })
            let top = h.lower + h.binWidth * Double(h.probabilities.count)
            XCTAssertGreaterThan(top, result.expectedShortfall, "ES inside the drawn range")
            XCTAssertEqual(top, 1.25 * result.levels.map(\.expectedShortfall).max()!, accuracy: 1e-9 * top)
            // Bin midpoints give the mean to within half a bin (plus the mass beyond).
            let mean = h.probabilities.enumerated().reduce(0) { $0 + $1.element * (Double($1.offset) + 0.5) * h.binWidth }
            XCTAssertEqual(mean, result.monteCarlo.meanLoss, accuracy: h.binWidth / 2 + h.above * result.monteCarlo.maximumLoss,
                           "\(sampling)")
        }
    }
}
