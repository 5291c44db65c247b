import Foundation
import StressCore
import TestSupport
import XCTest
@testable import Inputs

/// The standardised risk-weight table (`tables/standardised-risk-weights.yaml`): its
/// figures against the Basel Committee's CRE20 tables, and the loader's errors.
final class StandardisedTableFileTests: XCTestCase {
    static let path = TestSupport.repositoryRoot.appendingPathComponent("tables/standardised-risk-weights.yaml").path

    /// Basel Framework CRE20 (effective 1 January 2023): sovereigns CRE20.7, banks
    /// CRE20.16 (unrated: SCRA Grade B, CRE20.21), corporates CRE20.42, unrated SMEs
    /// CRE20.47, residential real estate CRE20.82, income-producing CRE CRE20.86, retail
    /// CRE20.65–20.66, defaulted CRE20.103–20.104.
    func testBundledTableHasTheCRE20Weights() throws {
        let table = try StandardisedTableFile.load(path: Self.path)
        XCTAssertEqual(table.name, "basel-cre20")
        XCTAssertEqual(table.file, Self.path)
        XCTAssertEqual(Set(table.classes.keys), Set(AssetClass.allCases))
        let c = table.classes
        XCTAssertEqual(c[.sovereign]?.byCreditQualityStep, [0, 0.2, 0.5, 1, 1, 1.5])
        XCTAssertEqual(c[.sovereign]?.base, 1)
        XCTAssertEqual(c[.bank]?.byCreditQualityStep, [0.2, 0.3, 0.5, 1, 1, 1.5])
        XCTAssertEqual(c[.bank]?.base, 0.75)
        XCTAssertEqual(c[.corporate]?.byCreditQualityStep, [0.2, 0.5, 0.75, 1, 1.5, 1.5])
        XCTAssertEqual(c[.corporate]?.base, 1)
        XCTAssertEqual(c[.sme]?.base, 0.85)
        XCTAssertEqual(c[.residentialMortgage]?.loanToValueBounds, [0.5, 0.6, 0.8, 0.9, 1])
        XCTAssertEqual(c[.residentialMortgage]?.loanToValueWeights, [0.2, 0.25, 0.3, 0.4, 0.5, 0.7])
        XCTAssertEqual(c[.residentialMortgage]?.defaulted, 1)
        XCTAssertEqual(c[.cre]?.loanToValueBounds, [0.6, 0.8])
        XCTAssertEqual(c[.cre]?.loanToValueWeights, [0.7, 0.9, 1.1])
        XCTAssertEqual(c[.qrre]?.base, 0.75)
        XCTAssertEqual(c[.qrre]?.transactor, 0.45)
        XCTAssertEqual(c[.otherRetail]?.transactor, 0.45)
        XCTAssertEqual(c[.corporate]?.defaulted, 1.5)
        for (assetClass, entry) in c {
            XCTAssertTrue(entry.source.contains("CRE20."), "\(assetClass) cites its paragraph")
        }
    }

    static let minimal = """
        name: test
        source: "hand-made"
        classes:
          sovereign: {base: 1, defaulted: 1.5, source: s}
          bank: {base: 1, defaulted: 1.5, source: s}
          corporate: {by_cqs: [0.2, 0.5, 0.75, 1, 1.5, 1.5], base: 1, defaulted: 1.5, source: s}
          sme: {base: 0.85, defaulted: 1.5, source: s}
          residential_mortgage: {by_ltv: {up_to: [0.8], weights: [0.3, 0.5]}, base: 0.75, defaulted: 1, source: s}
          cre: {base: 1.5, defaulted: 1.5, source: s}
          qrre: {base: 0.75, transactor: 0.45, defaulted: 1.5, source: s}
          other_retail: {base: 0.75, defaulted: 1.5, source: s}
        """

    func testMinimalTableParses() throws {
        let table = try StandardisedTableFile.parse(text: Self.minimal, file: "t.yaml")
        XCTAssertEqual(table.classes[.residentialMortgage]?.loanToValueWeights, [0.3, 0.5])
        XCTAssertNil(table.classes[.bank]?.byCreditQualityStep)
        XCTAssertNil(table.classes[.otherRetail]?.transactor)
    }

    func testErrorsPointAtTheEntry() {
        func error(_ from: String, _ to: String) -> InputError? {
            let text = Self.minimal.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(text, Self.minimal, "the edit \(from) applies")
            do {
                _ = try StandardisedTableFile.parse(text: text, file: "t.yaml")
                return nil
            } catch {
                return error
            }
        }
        let cases: [(String, String, String, String)] = [   // from, to, key, message fragment
            ("base: 0.85,", "base: 85,", "classes.sme.base", "[0, 12.5]"),
            ("[0.2, 0.5, 0.75, 1, 1.5, 1.5]", "[0.2, 0.5, 0.75, 1, 1.5]", "classes.corporate.by_cqs", "six weights"),
            ("up_to: [0.8], weights: [0.3, 0.5]", "up_to: [0.8], weights: [0.3]", "classes.residential_mortgage.by_ltv.weights",
             "expected 2 weights"),
            ("up_to: [0.8], weights: [0.3, 0.5]", "up_to: [0.8, 0.6], weights: [0.3, 0.5, 0.7]",
             "classes.residential_mortgage.by_ltv.up_to[1]", "must increase"),
            ("sme: {base", "smes: {base", "classes.smes", "unknown asset class 'smes'"),
            ("  cre: {base: 1.5, defaulted: 1.5, source: s}\n", "", "classes", "cre"),
            ("other_retail: {base: 0.75, defaulted: 1.5, source: s}", "other_retail: {base: 0.75, source: s}",
             "classes.other_retail.defaulted", "required key is missing"),
            ("bank: {base: 1,", "bank: {transactor: 0.45, base: 1,", "classes.bank.transactor", "qrre and other_retail only"),
            ("cre: {base: 1.5,", "cre: {weight: 1, base: 1.5,", "classes.cre.weight", "unknown key"),
            ("sovereign: {base: 1,", "sovereign: {by_ltv: {up_to: [1], weights: [1, 1]}, base: 1,",
             "classes.sovereign.by_ltv", "residential_mortgage and cre only"),
            ("qrre: {base: 0.75,", "qrre: {base: -0.1,", "classes.qrre.base", "expected an amount ≥ 0"),
        ]
        for (from, to, key, fragment) in cases {
            guard let e = error(from, to) else { XCTFail("no error for \(to)"); continue }
            XCTAssertEqual(e.key, key, "\(to): \(e)")
            XCTAssertTrue(e.message.contains(fragment), "\(to): \(e.message)")
            XCTAssertNotNil(e.line, "\(to): \(e)")
            XCTAssertEqual(e.file, "t.yaml")
        }
    }

    func testEmptyFileIsAnError() {
        XCTAssertThrowsError(try StandardisedTableFile.parse(text: "# nothing\n", file: "e.yaml")) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("empty file") ?? false)
        }
    }
}
