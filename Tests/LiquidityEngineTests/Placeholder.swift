import XCTest
final class LiquidityEngineTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
