import Foundation
import XCTest

/// Golden vectors under Tests/Golden (produced once from creditriskengine
/// 0.31.0; Tests/Golden/README.md says how).
public enum Golden {
    public static var directory: URL { TestSupport.repositoryRoot.appendingPathComponent("Tests/Golden") }

    public static func json(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Asserts |a − e| ≤ tolerance·max(|e|, scale) element by element.
    public static func assertClose(_ actual: [Double], _ expected: [Double], relative tolerance: Double = 1e-9,
                                   scale: Double = 0, _ message: @autoclosure () -> String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "length: \(message())", file: file, line: line)
        for (k, (a, e)) in zip(actual, expected).enumerated() {
            let bound = tolerance * max(abs(e), scale)
            if !(abs(a - e) <= bound) {
                XCTFail("\(message()) [\(k)]: \(a) vs expected \(e) (relative \(abs(a - e) / max(abs(e), 1e-300)))",
                        file: file, line: line)
                return
            }
        }
    }

    public static func assertClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-9,
                                   scale: Double = 0, _ message: @autoclosure () -> String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        assertClose([actual], [expected], relative: tolerance, scale: scale, message(), file: file, line: line)
    }
}

extension Dictionary where Key == String, Value == Any {
    public func doubles(_ key: String) -> [Double]? { (self[key] as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } }
    public func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    public func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
}
