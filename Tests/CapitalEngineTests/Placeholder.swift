import XCTest
final class CapitalEngineTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
