import XCTest
final class SampleBankTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
