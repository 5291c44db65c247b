import XCTest
import StressCore
@testable import Inputs

/// Every malformed input of the corpus must fail with exactly the message in
/// `Corpus/expected.tsv`: file, line, column, key and wording are all part of the
/// contract with users (INTERFACES.md: "the message names the file, line or key,
/// and what was expected").
final class CorpusTests: XCTestCase {
    func testEveryCorpusFileHasAnExpectationAndViceVersa() throws {
        let listed = Set(try Corpus.expectations().map(\.file))
        let present = Set(try Corpus.malformedFiles())
        XCTAssertEqual(present.subtracting(listed).sorted(), [], "corpus files without an expected message")
        XCTAssertEqual(listed.subtracting(present).sorted(), [], "expected messages without a corpus file")
        XCTAssertGreaterThanOrEqual(listed.count, 45)
    }

    func testEveryMalformedInputFailsWithItsExactMessage() throws {
        for (file, expected) in try Corpus.expectations() {
            let path = Corpus.path(file)
            do {
                try load(path, kind: file.split(separator: "/").first.map(String.init) ?? "")
                XCTFail("\(file): loaded without error, expected: \(expected)")
            } catch let error as InputError {
                XCTAssertEqual(Corpus.relativeDescription(error), expected, file)
            } catch {
                XCTFail("\(file): threw \(type(of: error)) instead of InputError: \(error)")
            }
        }
    }

    /// The chunk boundary must not change any CSV error: every CSV case again with
    /// 4-byte chunks, so quotes, CRLF pairs and the BOM straddle reads.
    func testCSVErrorsDoNotDependOnTheChunkSize() throws {
        for (file, expected) in try Corpus.expectations() where file.hasSuffix(".csv") {
            do {
                _ = try PortfolioCSV.read(ByteSource(path: Corpus.path(file)), file: Corpus.path(file), chunkSize: 4)
                XCTFail("\(file): loaded without error")
            } catch {
                XCTAssertEqual(Corpus.relativeDescription(error), expected, file)
            }
        }
    }

    private func load(_ path: String, kind: String) throws {
        switch kind {
        case "portfolio": _ = try PortfolioCSV.load(path: path)
        case "scenario": _ = try ScenarioFile.load(path: path)
        case "balance_sheet": _ = try BalanceSheetFile.load(path: path)
        default: XCTFail("no loader for corpus folder '\(kind)'")
        }
    }
}
