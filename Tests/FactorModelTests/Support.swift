import Foundation
import RiskMath
import TestSupport
import XCTest

/// Golden files of this target (Tests/FactorModelTests/Golden, README there).
enum FactorGolden {
    static var directory: URL {
        TestSupport.repositoryRoot.appendingPathComponent("Tests/FactorModelTests/Golden")
    }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// A path in the repository's data/market folder.
func marketData(_ name: String) -> String {
    TestSupport.repositoryRoot.appendingPathComponent("data/market/\(name)").path
}

func matrix(_ rows: [[Double]]) -> Matrix {
    try! Matrix(rows)
}

func assertMatrixClose(_ a: Matrix, _ b: Matrix, tolerance: Double, _ message: String,
                       file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.shape, b.shape, message, file: file, line: line)
    guard a.shape == b.shape else { return }
    for i in 0..<a.rows {
        for j in 0..<a.columns where !(abs(a[i, j] - b[i, j]) <= tolerance) {
            XCTFail("\(message) (\(i), \(j)): \(a[i, j]) vs \(b[i, j])", file: file, line: line)
            return
        }
    }
}

/// The test's own constraint restriction (independent of the library's): within each
/// dummy block of `kinds` (industry, then country) the largest-cap factor depends on the
/// others by Σ c_j f_j = 0; everything else is free. Returns R (K × K') and the free
/// factor indices.
func referenceRestriction(kinds: [String], capByFactor c: [Double]) -> (Matrix, [Int]) {
    let k = kinds.count
    var dependent: [Int: [Int]] = [:]
    for kind in ["industry", "country"] {
        let members = (0..<k).filter { kinds[$0] == kind && c[$0] > 0 }
        guard let anchor = members.max(by: { c[$0] < c[$1] }) else { continue }
        dependent[anchor] = members
    }
    let free = (0..<k).filter { dependent[$0] == nil && (kinds[$0] == "market" || kinds[$0] == "style" || c[$0] > 0) }
    var r = Matrix(rows: k, columns: free.count)
    for (a, j) in free.enumerated() { r[j, a] = 1 }
    for (anchor, members) in dependent {
        for j in members where j != anchor { r[anchor, free.firstIndex(of: j)!] = -c[j] / c[anchor] }
    }
    return (r, free)
}
