import RiskMath
import XCTest

/// Least squares against fits computed by hand.
final class LeastSquaresTests: XCTestCase {
    private func lineDesign(_ x: [Double]) throws -> Matrix {
        try Matrix(x.map { [1, $0] })
    }

    func testExactLineIsRecovered() throws {
        let x = [0.0, 1, 2, 3, 4]
        let fit = try lineDesign(x).leastSquares(x.map { 2 + 3 * $0 })
        XCTAssertEqual(fit.coefficients[0], 2, accuracy: 1e-14)
        XCTAssertEqual(fit.coefficients[1], 3, accuracy: 1e-14)
        XCTAssertEqual(fit.residualSumOfSquares, 0, accuracy: 1e-26)
    }

    func testNoisyLineMatchesHandComputedFit() throws {
        // x = 0…3, y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, slope 1.1,
        // intercept 2.75 − 1.65 = 1.1; residuals −0.1, 0.8, −1.3, 0.6, RSS = 2.7.
        let fit = try lineDesign([0, 1, 2, 3]).leastSquares([1, 3, 2, 5])
        XCTAssertEqual(fit.coefficients[0], 1.1, accuracy: 1e-14)
        XCTAssertEqual(fit.coefficients[1], 1.1, accuracy: 1e-14)
        XCTAssertEqual(fit.residualSumOfSquares, 2.7, accuracy: 1e-13)
        XCTAssertGreaterThan(fit.reciprocalConditionNumber, 0.1)
    }

    func testBadlyScaledButFullRankDesignIsAccepted() throws {
        // GDP in currency units next to an intercept: column scaling keeps the rank test honest.
        let x = [1e9, 2e9, 3e9, 4e9]
        let fit = try lineDesign(x).leastSquares(x.map { 0.5 + 2e-9 * $0 })
        XCTAssertEqual(fit.coefficients[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(fit.coefficients[1], 2e-9, accuracy: 1e-21)
    }

    func testRankDeficientDesignThrows() throws {
        let collinear = try Matrix([[1, 1, 2], [1, 2, 4], [1, 3, 6], [1, 4, 8]])
        XCTAssertThrowsError(try collinear.leastSquares([1, 2, 3, 4])) { error in
            guard case .rankDeficient = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
        let zeroColumn = try Matrix([[1, 0], [1, 0], [1, 0]])
        XCTAssertThrowsError(try zeroColumn.leastSquares([1, 2, 3])) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .rankDeficient(reciprocalConditionNumber: 0))
        }
    }

    func testShapeAndValueErrorsThrow() throws {
        XCTAssertThrowsError(try Matrix([[1, 2, 3], [4, 5, 6]]).leastSquares([1, 2])) { error in
            guard case .shapeMismatch = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try lineDesign([0, 1, 2]).leastSquares([1, 2])) { error in
            guard case .shapeMismatch = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try lineDesign([0, 1, 2]).leastSquares([1, .infinity, 2])) { error in
            guard case .nonFiniteValue = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
    }
}
