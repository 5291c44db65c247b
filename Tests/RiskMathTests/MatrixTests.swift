@testable import RiskMath
import XCTest

/// Matrix storage and the BLAS products, against hand-computed results.
final class MatrixTests: XCTestCase {
    func testConstructionAccessAndTranspose() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(a.rows, 2)
        XCTAssertEqual(a.columns, 3)
        XCTAssertEqual(a.elements, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(a[1, 2], 6)
        XCTAssertEqual(a.row(1), [4, 5, 6])
        XCTAssertEqual(a.column(1), [2, 5])
        XCTAssertEqual(a.transpose, try Matrix([[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(a.transpose.transpose, a)
        XCTAssertEqual(try Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6]), a)
        XCTAssertEqual(Matrix.identity(2), try Matrix([[1, 0], [0, 1]]))
        XCTAssertEqual(Matrix.diagonal([2, 3]), try Matrix([[2, 0], [0, 3]]))
        var b = a
        b[0, 0] = 9
        XCTAssertEqual(a[0, 0], 1, "value semantics")
        XCTAssertEqual(b[0, 0], 9)
    }

    func testMalformedConstructionThrows() {
        XCTAssertThrowsError(try Matrix(rows: 2, columns: 2, elements: [1, 2, 3])) { error in
            guard case .shapeMismatch = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Matrix([[1, 2], [3]])) { error in
            guard case .shapeMismatch = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
    }

    func testGemmAgainstHandComputedProducts() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        let b = try Matrix([[7, 8], [9, 10], [11, 12]])
        // [1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12; 4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]
        XCTAssertEqual(try a * b, try Matrix([[58, 64], [139, 154]]))
        // AᵀAᵀ is not defined (3×2 · 3×2) — but Aᵀ·Bᵀ is 3×3.
        var c = Matrix(rows: 3, columns: 3)
        try Matrix.gemm(a, transposeA: true, b, transposeB: true, into: &c)
        XCTAssertEqual(c, try Matrix([[39, 49, 59], [54, 68, 82], [69, 87, 105]]))
        // C ← 2·A·B + 1·C accumulates.
        var accumulated = try Matrix([[1, 1], [1, 1]])
        try Matrix.gemm(alpha: 2, a, b, beta: 1, into: &accumulated)
        XCTAssertEqual(accumulated, try Matrix([[117, 129], [279, 309]]))
        // β = 0 ignores NaNs already in C.
        var dirty = Matrix(rows: 2, columns: 2, repeating: .nan)
        try Matrix.gemm(a, b, into: &dirty)
        XCTAssertEqual(dirty, try Matrix([[58, 64], [139, 154]]))
    }

    func testGemvAgainstHandComputedProducts() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(try a * [1, 0, -1], [-2, -2])
        var y = [10.0, 20, 30]
        try Matrix.gemv(alpha: 1, a, transposeA: true, [1, 1], beta: 0.5, into: &y)
        XCTAssertEqual(y, [5 + 5, 7 + 10, 9 + 15])
    }

    func testShapeMismatchesThrowInsteadOfCrashing() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        XCTAssertThrowsError(try a * a) { error in
            XCTAssertEqual(error as? LinearAlgebraError,
                           .shapeMismatch(operation: "gemm op(A)·op(B)", left: MatrixShape(rows: 2, columns: 3),
                                          right: MatrixShape(rows: 2, columns: 3)))
        }
        var wrongResult = Matrix(rows: 3, columns: 3)
        XCTAssertThrowsError(try Matrix.gemm(a, a, transposeB: true, into: &wrongResult))
        XCTAssertThrowsError(try a * [1, 2])
        var wrongY = [0.0]
        XCTAssertThrowsError(try Matrix.gemv(a, [1, 2, 3], into: &wrongY))
    }

    func testEmptyInnerDimensionGivesScaledC() throws {
        let a = Matrix(rows: 2, columns: 0), b = Matrix(rows: 0, columns: 2)
        XCTAssertEqual(try a * b, Matrix(rows: 2, columns: 2))
        var c = Matrix(rows: 2, columns: 2, repeating: 3)
        try Matrix.gemm(a, b, beta: 2, into: &c)
        XCTAssertEqual(c, Matrix(rows: 2, columns: 2, repeating: 6))
    }

    func testEveryLAPACKInfoCodeMapsToOneError() {
        func error(_ info: Int32, _ routine: LAPACKRoutine) -> LinearAlgebraError? {
            do { try LAPACKStatus.check(info, routine) } catch { return error }
            return nil
        }
        XCTAssertNil(error(0, .dpotrf))
        XCTAssertEqual(error(2, .dpotrf), .notPositiveDefinite(minorOrder: 2))
        XCTAssertEqual(error(1, .dposv), .notPositiveDefinite(minorOrder: 1))
        XCTAssertEqual(error(3, .dgels), .rankDeficient(reciprocalConditionNumber: 0))
        XCTAssertEqual(error(7, .dsyevd), .noConvergence(routine: "dsyevd", info: 7))
        XCTAssertEqual(error(-4, .dsyevd), .illegalArgument(routine: "dsyevd", position: 4))
        XCTAssertEqual(error(-1010, .dgels), .workspaceAllocationFailed(routine: "dgels"))
        XCTAssertEqual(error(-1011, .dpotrf), .workspaceAllocationFailed(routine: "dpotrf"))
        XCTAssertTrue(LinearAlgebraError.notPositiveDefinite(minorOrder: 2).description.contains("order 2"))
    }
}
