import XCTest
@testable import RegulatoryTemplates

/// The byte-wise replacements that stand in for Foundation's in the template filler must
/// give Foundation's results on what templates hold: placeholders, paths, labels, CSV fields.
final class LiteralTextTests: XCTestCase {
    func testReplacesEveryOccurrenceLeftToRightWithoutOverlap() {
        XCTAssertEqual("/scenarios[id={scenario}]/x/{scenario}".replacingLiteral("{scenario}", with: "eba-2025"),
                       "/scenarios[id=eba-2025]/x/eba-2025")
        XCTAssertEqual("aaaa".replacingLiteral("aa", with: "b"), "bb")
        XCTAssertEqual("{{period}}".replacingLiteral("{period}", with: "2026"), "{2026}")
        XCTAssertEqual("no placeholder".replacingLiteral("{value}", with: "x"), "no placeholder")
        XCTAssertEqual("say \"hi\"".replacingLiteral("\"", with: "\"\""), "say \"\"hi\"\"")
        XCTAssertEqual("Côte d’Ivoire · {value} – Δ".replacingLiteral("{value}", with: "É"), "Côte d’Ivoire · É – Δ")
        XCTAssertEqual("ends with {value}".replacingLiteral("{value}", with: ""), "ends with ")
        XCTAssertTrue("a|b".containsASCII("|"))
        XCTAssertFalse("a¦b".containsASCII("|"))
    }

    func testCSVQuotesOnlyWhereRFC4180NeedsIt() {
        XCTAssertEqual(TemplateCSV.quoted("plain · text"), "plain · text")
        XCTAssertEqual(TemplateCSV.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(TemplateCSV.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(TemplateCSV.quoted("line\nbreak"), "\"line\nbreak\"")
        // "\r\n" is one Character in Swift, equal to neither "\r" nor "\n": found by its bytes.
        XCTAssertEqual(TemplateCSV.quoted("line\r\nbreak"), "\"line\r\nbreak\"")
    }

    func testPathSegmentsSplitOutsideSelectorsOnly() {
        let segments = ResultPath.segments("/scenarios[id=a/b]/provisions//by_country[2]")
        XCTAssertEqual(segments.map(\.text), ["scenarios[id=a/b]", "provisions", "by_country[2]"])
        XCTAssertEqual(segments.map(\.key), ["scenarios", "provisions", "by_country"])
    }
}
