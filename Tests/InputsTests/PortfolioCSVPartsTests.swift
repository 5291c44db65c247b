import Foundation
import StressCore
import XCTest
@testable import Inputs

/// A large file read in parts gives the one-piece read's portfolio, every column to the bit
/// (categorical levels in the same order); and where the parts cannot settle it alone (a
/// quoted field, a bad record, an id in two parts), the file is read in one piece and
/// `load` gives the one-piece result or error.
final class PortfolioCSVPartsTests: XCTestCase {
    private var directory: URL!
    private var savedMinimum = 0

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        savedMinimum = PortfolioCSVParts.minimumBytes
        PortfolioCSVParts.minimumBytes = 0
    }

    override func tearDownWithError() throws {
        PortfolioCSVParts.minimumBytes = savedMinimum
        try? FileManager.default.removeItem(at: directory)
    }

    static let header = "id,segment,asset_class,pd,lgd,ead,drawn,undrawn,ccf,maturity,turnover_eur_m,collateral_value,"
        + "sector,country,rating,currency,amortisation,stage,days_past_due,default_flag,origination_pd,remaining_term,"
        + "maturity_date,eir,provision,write_off_policy,desk"

    /// `n` rows cycling through four kinds; new sectors and countries appear late in the file
    /// (their level order must survive the parts), line breaks alternate LF and CRLF, and
    /// blank lines are sprinkled in.
    static func rows(_ n: Int, id: (Int) -> String = { "R\($0)" }) -> String {
        var text = ""
        for i in 0..<n {
            let sector = i > n / 2 ? "Sector \(i % 7)" : "Households"
            let country = ["DE", "FR", "IN", "IT", "ES"][i * 7 / n % 5]
            switch i % 4 {
            case 0: text += "\(id(i)),Retail mortgages,residential_mortgage,0.005589,0.111,132870.94,132870.94,0,,,,235336,\(sector),\(country),BB,EUR,0.04,1,0,0,0.006404,8.65,2031-06-30,0.0332,,,rates"
            case 1: text += "\(id(i)),Corporates,corporate,0.0301,0.45,1e6,800000,200000,0.5,2.5,55,0,Énergie,\(country),B+,EUR,,2,45,0,0.01,3,2029-01-31,0.05,1200.5,2,rates"
            case 2: text += "\(id(i)),Cards,qrre,1,0.8,5000,5000,0,,,,,\(sector),\(country),D,INR,,3,120,1,0.2,1,,0.3,4000,1,rates"
            default: text += "\(id(i)),Cards,qrre,0.2,0.8,-0.0,0,0,,,,,\(sector),\(country),CCC,INR,,2,31,0,0.05,1,,0.3,0,1,rates"
            }
            text += i % 3 == 0 ? "\r\n" : "\n"
            if i % 97 == 0 { text += "\n" }
        }
        return text
    }

    private func write(_ text: String) throws -> String {
        let path = directory.appendingPathComponent("book-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func onePiece(_ path: String) throws -> LoadedPortfolio {
        try PortfolioCSV.read(ByteSource(path: path), file: path)
    }

    func testPartsGiveTheOnePieceBookBitForBit() throws {
        let path = try write(Self.header + "\n" + Self.rows(5_000))
        let reference = try onePiece(path)
        for cores in [2, 3, 8] {
            let parts = try XCTUnwrap(PortfolioCSVParts.load(path: path, cores: cores), "\(cores) cores")
            XCTAssertEqual(PortfolioSnapshot.columns(parts.portfolio), PortfolioSnapshot.columns(reference.portfolio))
            XCTAssertEqual(PortfolioSnapshot.columns(parts.portfolio).count, 26, "every column compared")
            XCTAssertEqual(parts.portfolio.sector.levels, reference.portfolio.sector.levels)
            XCTAssertEqual(parts.findings, reference.findings)
        }
        XCTAssertEqual(try PortfolioCSV.load(path: path).portfolio.count, 5_000)
    }

    func testTheCutsFallOnLineBreaks() throws {
        let text = Self.header + "\n" + Self.rows(1_000)
        let path = try write(text)
        let bytes = Array(text.utf8)
        let ranges = try XCTUnwrap(PortfolioCSVParts.cuts(path: path, from: 10, to: bytes.count, parts: 7))
        XCTAssertEqual(ranges.count, 7)
        XCTAssertEqual(ranges.first?.lowerBound, 10)
        XCTAssertEqual(ranges.last?.upperBound, bytes.count)
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            XCTAssertEqual(a.upperBound, b.lowerBound)
            XCTAssertEqual(bytes[b.lowerBound - 1], 0x0A, "a part starts just after a line feed")
        }
    }

    /// A quoted field may hide a line break: the file is read in one piece.
    func testAQuotedFieldSendsTheFileToTheOnePieceRead() throws {
        var rows = Self.rows(2_000)
        rows = rows.replacingOccurrences(of: "R1501,Corporates", with: "R1501,\"Corporates,\nlarge\"")
        let path = try write(Self.header + "\n" + rows)
        XCTAssertNil(PortfolioCSVParts.load(path: path, cores: 2))
        let loaded = try PortfolioCSV.load(path: path)
        XCTAssertTrue(loaded.portfolio.segment.levels.contains("Corporates,\nlarge"))
        XCTAssertEqual(loaded.portfolio.count, 2_000)
    }

    /// A bad record late in the file, or an id repeated across parts: `load` gives the
    /// one-piece read's error, with its line.
    func testErrorsAreTheOnePieceReadsErrors() throws {
        let bad = Self.rows(3_000).replacingOccurrences(of: "R2901,Corporates,corporate,0.0301",
                                                         with: "R2901,Corporates,corporate,1.5")
        let repeated = Self.rows(3_000) { $0 == 2_800 ? "R10" : "R\($0)" }
        for text in [bad, repeated] {
            let path = try write(Self.header + "\n" + text)
            XCTAssertNil(PortfolioCSVParts.load(path: path, cores: 2))
            var expected: InputError?
            XCTAssertThrowsError(try onePiece(path)) { expected = $0 as? InputError }
            XCTAssertThrowsError(try PortfolioCSV.load(path: path)) { error in
                XCTAssertEqual((error as? InputError)?.description, expected?.description)
                XCTAssertNotNil(expected?.line)
            }
        }
    }
}
