import XCTest
@testable import Inputs

final class NumberParsingTests: XCTestCase {
    private func csv(_ text: String) -> ParsedNumber {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { NumberParsing.parse($0.baseAddress!, count: count) }
    }

    func testPlainDecimalsParse() {
        XCTAssertEqual(csv("0.05"), .value(0.05))
        XCTAssertEqual(csv("-0.1"), .value(-0.1))
        XCTAssertEqual(csv("+3"), .value(3))
        XCTAssertEqual(csv(".5"), .value(0.5))
        XCTAssertEqual(csv("1e-4"), .value(0.0001))
        XCTAssertEqual(csv("2.5E+3"), .value(2500))
        XCTAssertEqual(csv("  7 "), .value(7))
        XCTAssertEqual(csv("0.1"), .value(0.1), "strtod rounds to the nearest double")
    }

    func testBlankNonFiniteAndNonNumbersAreTold() {
        XCTAssertEqual(csv(""), .blank)
        XCTAssertEqual(csv("   "), .blank)
        for word in ["nan", "NaN", "-nan", "inf", "+INF", "Infinity", "-infinity", "1e999", "-1e400"] {
            XCTAssertEqual(csv(word), .notFinite, word)
        }
        for text in ["abc", "0x10", "0x1p-3", "1,5", "5%", "1e", ".", "-", "1.2.3", "1-2", "1 2", "e5", "nanx", "in f"] {
            XCTAssertEqual(csv(text), .notANumber, text)
        }
    }

    func testYAMLUnderscoresOnlyBetweenDigits() {
        XCTAssertEqual(NumberParsing.parseYAML("12_000_000_000"), .value(12_000_000_000))
        XCTAssertEqual(NumberParsing.parseYAML("0.000_3"), .value(0.0003))
        XCTAssertEqual(NumberParsing.parseYAML("-1_5.2_5"), .value(-15.25))
        for text in ["_1", "1_", "1__0", "1_.5", "1._5", "_"] {
            XCTAssertEqual(NumberParsing.parseYAML(text), .notANumber, text)
        }
        for text in [".nan", ".NaN", ".inf", "-.Inf", "+.INF"] {
            XCTAssertEqual(NumberParsing.parseYAML(text), .notFinite, text)
        }
    }
}
