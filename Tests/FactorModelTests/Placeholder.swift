import XCTest
final class FactorModelTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
