import RiskMath
import XCTest

/// OpenBLAS's process-wide settings.
final class BLASEnvironmentTests: XCTestCase {
    func testThreadCountRoundTripsAndLibraryIdentifiesItself() throws {
        let original = BLASEnvironment.threadCount
        defer { BLASEnvironment.threadCount = original }
        BLASEnvironment.threadCount = 1
        XCTAssertEqual(BLASEnvironment.threadCount, 1)
        XCTAssertFalse(BLASEnvironment.coreName.isEmpty)
        XCTAssertTrue(BLASEnvironment.configuration.contains("OpenBLAS"), BLASEnvironment.configuration)
    }

    func testSingleThreadedProductIsRepeatable() throws {
        let original = BLASEnvironment.threadCount
        defer { BLASEnvironment.threadCount = original }
        BLASEnvironment.threadCount = 1
        var generator = SplitMix64(state: 3)
        var a = Matrix(rows: 120, columns: 120)
        for i in 0..<120 {
            for j in 0..<120 { a[i, j] = Double(generator.next() >> 11) * 0x1p-53 - 0.5 }
        }
        let first = try a * a.transpose
        let second = try a * a.transpose
        XCTAssertEqual(first.elements.map(\.bitPattern), second.elements.map(\.bitPattern))
    }
}
