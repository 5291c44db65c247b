import XCTest
final class RiskMathTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
