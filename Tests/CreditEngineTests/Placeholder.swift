import XCTest
final class CreditEngineTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
