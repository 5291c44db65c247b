import XCTest
final class StressCoreTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
