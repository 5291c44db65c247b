import XCTest
final class VaREngineTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
