import RiskMath
import XCTest

/// Symmetric eigendecomposition against matrices with known spectra.
final class SymmetricEigenTests: XCTestCase {
    func testTwoByTwoWithKnownEigenpairs() throws {
        // [2 1; 1 2]: λ = 1 with (1, −1)/√2 and λ = 3 with (1, 1)/√2.
        let decomposition = try Matrix([[2, 1], [1, 2]]).symmetricEigendecomposition()
        XCTAssertEqual(decomposition.eigenvalues[0], 1, accuracy: 1e-15)
        XCTAssertEqual(decomposition.eigenvalues[1], 3, accuracy: 1e-15)
        let h = 0.5.squareRoot()
        // Signs normalised: the largest-magnitude element (first on ties) is positive.
        let expected = try Matrix([[h, h], [-h, h]])
        for i in 0..<2 {
            for j in 0..<2 {
                XCTAssertEqual(decomposition.eigenvectors[i, j], expected[i, j], accuracy: 1e-15, "V[\(i), \(j)]")
            }
        }
    }

    func testEigenvaluesAscending() throws {
        // Block diagonal: 2, and [3 4; 4 9] with λ = 6 ± 5.
        let decomposition = try Matrix([[2, 0, 0], [0, 3, 4], [0, 4, 9]]).symmetricEigendecomposition()
        for (computed, expected) in zip(decomposition.eigenvalues, [1.0, 2, 11]) {
            XCTAssertEqual(computed, expected, accuracy: 1e-14)
        }
        // Eigenvector of 11 is (0, 1, 2)/√5.
        XCTAssertEqual(decomposition.eigenvectors.column(2)[1], 1 / 5.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(decomposition.eigenvectors.column(2)[2], 2 / 5.0.squareRoot(), accuracy: 1e-15)
    }

    func testReconstructionAndOrthogonality() throws {
        var generator = SplitMix64(state: 17)
        let n = 6
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0...i {
                let value = Double(generator.next() >> 11) * 0x1p-53 * 2 - 1
                a[i, j] = value
                a[j, i] = value
            }
        }
        let decomposition = try a.symmetricEigendecomposition()
        XCTAssertEqual(decomposition.eigenvalues, decomposition.eigenvalues.sorted())
        let rebuilt = try decomposition.reconstructed()
        let gram = try decomposition.eigenvectors.transpose * decomposition.eigenvectors
        for i in 0..<n {
            for j in 0..<n {
                XCTAssertEqual(rebuilt[i, j], a[i, j], accuracy: 1e-14, "A = VΛVᵀ at (\(i), \(j))")
                XCTAssertEqual(gram[i, j], i == j ? 1 : 0, accuracy: 1e-14, "VᵀV = I at (\(i), \(j))")
            }
        }
    }

    func testEigenvalueFloorRepairsAnIndefiniteCorrelationMatrix() throws {
        let inconsistent = try Matrix([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])
        let decomposition = try inconsistent.symmetricEigendecomposition()
        XCTAssertLessThan(decomposition.eigenvalues[0], 0)
        let repaired = try decomposition.reconstructed(eigenvalues: decomposition.eigenvalues.map { max($0, 1e-6) })
        XCTAssertNoThrow(try repaired.cholesky())
        XCTAssertThrowsError(try decomposition.reconstructed(eigenvalues: [1, 2]))
    }

    func testInvalidInputsThrow() throws {
        XCTAssertThrowsError(try Matrix([[1, 2]]).symmetricEigendecomposition()) { error in
            guard case .notSquare = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Matrix([[1, 2], [3, 1]]).symmetricEigendecomposition()) { error in
            guard case .notSymmetric = error as? LinearAlgebraError else { return XCTFail("\(error)") }
        }
    }
}
