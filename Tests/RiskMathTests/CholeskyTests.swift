import RiskMath
import XCTest

/// Cholesky factor and positive definite solve, against a factor written out by hand.
final class CholeskyTests: XCTestCase {
    /// A = L·Lᵀ with L = [2 0 0; 6 1 0; −8 5 3]:
    /// A = [4 12 −16; 12 37 −43; −16 −43 98] (a₂₂ = 36 + 1, a₃₂ = −48 + 5, a₃₃ = 64 + 25 + 9).
    private let spd = try! Matrix([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
    private let factor = try! Matrix([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])

    func testFactorOfHandBuiltMatrix() throws {
        let computed = try spd.cholesky()
        for i in 0..<3 {
            for j in 0..<3 {
                XCTAssertEqual(computed[i, j], factor[i, j], accuracy: 1e-14, "L[\(i), \(j)]")
            }
        }
        XCTAssertEqual(try computed * computed.transpose, spd)
    }

    func testSolveRecoversKnownSolution() throws {
        // A·[1, 2, 3] = [4 + 24 − 48, 12 + 74 − 129, −16 − 86 + 294].
        let solution = try spd.solvePositiveDefinite([-20, -43, 192])
        for (computed, expected) in zip(solution, [1.0, 2, 3]) {
            XCTAssertEqual(computed, expected, accuracy: 1e-12)
        }
        XCTAssertThrowsError(try spd.solvePositiveDefinite([1, 2]))
    }

    func testNotPositiveDefiniteReportsTheFailingMinor() throws {
        // [1 2; 2 1] has eigenvalues 3 and −1: the 1×1 minor is fine, the 2×2 is not.
        XCTAssertThrowsError(try Matrix([[1, 2], [2, 1]]).cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notPositiveDefinite(minorOrder: 2))
        }
        XCTAssertThrowsError(try Matrix([[-1, 0], [0, 1]]).cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notPositiveDefinite(minorOrder: 1))
        }
        // A correlation matrix that is not positive semidefinite (ρ₁₂ = ρ₁₃ = 0.9, ρ₂₃ = −0.9).
        let inconsistent = try Matrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        XCTAssertThrowsError(try inconsistent.cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notPositiveDefinite(minorOrder: 3))
        }
        XCTAssertThrowsError(try Matrix([[1, 2], [2, 1]]).solvePositiveDefinite([1, 1])) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notPositiveDefinite(minorOrder: 2))
        }
    }

    func testInvalidInputsThrow() throws {
        XCTAssertThrowsError(try Matrix([[1, 2, 3], [4, 5, 6]]).cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError,
                           .notSquare(operation: "cholesky", shape: MatrixShape(rows: 2, columns: 3)))
        }
        XCTAssertThrowsError(try Matrix([[4, 1], [0, 4]]).cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .notSymmetric(operation: "cholesky", row: 1, column: 0))
        }
        XCTAssertThrowsError(try Matrix([[4, .nan], [.nan, 4]]).cholesky()) { error in
            XCTAssertEqual(error as? LinearAlgebraError, .nonFiniteValue(operation: "cholesky", row: 0, column: 1))
        }
        XCTAssertEqual(try Matrix(rows: 0, columns: 0).cholesky(), Matrix(rows: 0, columns: 0))
    }
}
