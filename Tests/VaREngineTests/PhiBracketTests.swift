import RiskMath
@testable import VaREngine
import XCTest

/// The table bracket decides every default test as `u < Φ(x)` itself does: random points,
/// uniforms one ulp either side of Φ(x), grid points and the table's edges.
final class PhiBracketTests: XCTestCase {
    func testTheBracketDecidesAsPhiDoes() {
        let stream = RandomStream(seed: 7, stream: 1)
        let table = PhiBracket.table
        var decided = 0
        for i in 0..<400_000 {
            let x = -9.5 + 19 * stream.uniform(UInt64(2 * i))
            let phi = PathKernel.phi(x)
            for u in [stream.uniform(UInt64(2 * i + 1)), phi, phi.nextUp, phi.nextDown, phi * (1 + 1e-13), phi * (1 - 1e-13)] {
                XCTAssertEqual(PhiBracket.isBelow(u, x, table: table), u < phi, "x \(x), u \(u)")
                decided += 1
            }
        }
        // Grid points and their neighbours, where the index k is decided by rounding.
        for k in 0...PhiBracket.intervals {
            let grid = PhiBracket.lower + Double(k) / PhiBracket.stepsPerUnit
            for x in [grid, grid.nextUp, grid.nextDown] {
                let phi = PathKernel.phi(x)
                for u in [phi, phi.nextUp, phi.nextDown, 0.5] {
                    XCTAssertEqual(PhiBracket.isBelow(u, x, table: table), u < phi, "x \(x), u \(u)")
                }
            }
        }
        XCTAssertEqual(decided, 2_400_000)
    }
}
