import XCTest
final class InputsTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
