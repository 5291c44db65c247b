@testable import CreditEngine
import XCTest

/// The satellite regression recovers known coefficients and its diagnostics
/// agree with hand-computed values.
final class SatelliteFitTests: XCTestCase {
    func testRecoversAnExactLinearRelation() throws {
        // spread = 0.01 − 0.1·(g − 0.03) + 0.2·(u − 0.06), no noise.
        let g = (0..<40).map { 0.03 + 0.02 * sin(Double($0)) }
        let u = (0..<40).map { 0.06 + 0.01 * cos(Double($0) * 0.7) }
        let spread = zip(g, u).map { 0.01 - 0.1 * ($0 - 0.03) + 0.2 * ($1 - 0.06) }
        let r = try SatelliteFit.fit(proxy: spread, drivers: [.init(variable: "gdp_growth", values: g),
                                                              .init(variable: "unemployment", values: u)])
        XCTAssertEqual(r.rSquared, 1, accuracy: 1e-12)
        // Z = −(spread − m)/s, so β_g = 0.1·sd_g/sd_spread, β_u = −0.2·sd_u/sd_spread.
        let (_, sdS) = SatelliteFit.meanAndSD(spread)
        let (_, sdG) = SatelliteFit.meanAndSD(g)
        let (_, sdU) = SatelliteFit.meanAndSD(u)
        XCTAssertEqual(r.coefficients[0].beta, 0.1 * sdG / sdS, accuracy: 1e-10)
        XCTAssertEqual(r.coefficients[1].beta, -0.2 * sdU / sdS, accuracy: 1e-10)
        XCTAssertEqual(r.intercept, 0, accuracy: 1e-12)
        XCTAssertTrue(r.coefficients.allSatisfy { $0.standardError < 1e-6 })
    }

    /// One regressor with noise: β, its OLS standard error and R² against the
    /// textbook formulas (β = r·sd_y/sd_x in standardised units: β = corr(x, Z)).
    func testOneDriverMatchesTextbookFormulas() throws {
        let x = (0..<30).map { Double($0) }
        let noise = (0..<30).map { sin(Double($0) * 1.7) }
        let spread = zip(x, noise).map { 5 - 0.1 * $0 + $1 }
        let r = try SatelliteFit.fit(proxy: spread, drivers: [.init(variable: "gdp_growth", values: x)])
        let z = spread.map { -$0 }
        let mz = z.reduce(0, +) / 30, mx = x.reduce(0, +) / 30
        let sxy = zip(x, z).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - mz) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = z.reduce(0) { $0 + ($1 - mz) * ($1 - mz) }
        let correlation = sxy / (sxx * syy).squareRoot()
        XCTAssertEqual(r.coefficients[0].beta, correlation, accuracy: 1e-12)
        XCTAssertEqual(r.rSquared, correlation * correlation, accuracy: 1e-12)
        // SE(β) = sqrt((1 − r²)/(n − 2)) in standardised units.
        XCTAssertEqual(r.coefficients[0].standardError, ((1 - correlation * correlation) / 28).squareRoot()
                       * (29.0 / 29.0).squareRoot(), accuracy: 1e-3)
    }

    func testRejectsConstantAndShortSeries() {
        XCTAssertThrowsError(try SatelliteFit.fit(proxy: [1, 2, 3], drivers: [.init(variable: "x", values: [1, 2, 3])]))
        XCTAssertThrowsError(try SatelliteFit.fit(proxy: [1, 2, 3, 4, 5], drivers: [.init(variable: "x", values: [1, 1, 1, 1, 1])]))
    }
}
