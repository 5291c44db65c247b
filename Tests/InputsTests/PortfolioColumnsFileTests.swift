import Foundation
import StressCore
import XCTest
@testable import Inputs

/// The column file a shard plan writes: reading it gives every column of the CSV's
/// portfolio bit for bit, with the same findings, and a damaged file is an input error.
final class PortfolioColumnsFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("columns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Every column a portfolio can have, blanks (NaN), a default, unicode, and an unknown
    /// column (`desk`), which the loader reports.
    let csv = """
        id,segment,asset_class,pd,lgd,ead,drawn,undrawn,ccf,maturity,turnover_eur_m,collateral_value,sector,country,rating,currency,amortisation,stage,days_past_due,default_flag,origination_pd,remaining_term,maturity_date,eir,provision,write_off_policy,desk
        A1,Retail mortgages,residential_mortgage,0.005589,0.111,132870.94,132870.94,0,,,,235336,Households,DE,BB,EUR,0.04,1,0,0,0.006404,8.65,2031-06-30,0.0332,,,rates
        B2,Corporates,corporate,0.0301,0.45,1e6,800000,200000,0.5,2.5,55,0,Énergie,FR,B+,EUR,,2,45,0,0.01,3,2029-01-31,0.05,1200.5,2,rates
        C3,Cards,qrre,1,0.8,5000,5000,0,,,,,Households,IN,D,INR,,3,120,1,0.2,1,,0.3,4000,1,rates
        C4,Cards,qrre,0.2,0.8,-0.0,0,0,,,,,Households,IN,CCC,INR,,2,31,0,0.05,1,,0.3,0,1,rates

        """

    private func columns(_ p: Portfolio) -> [String: [UInt64]] { PortfolioSnapshot.columns(p) }

    func testEveryColumnAndFindingComesBack() throws {
        let csvPath = directory.appendingPathComponent("book.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let loaded = try PortfolioCSV.load(path: csvPath)
        XCTAssertFalse(loaded.findings.isEmpty, "the fixture raises findings")
        let file = directory.appendingPathComponent("book.columns").path
        try PortfolioColumnsFile.encode(loaded, csvPath: csvPath).write(to: URL(fileURLWithPath: file))
        // Read on another machine, where the same CSV has another path.
        let back = try PortfolioColumnsFile.load(path: file, csvPath: "/elsewhere/book.csv")

        let expected = columns(loaded.portfolio), actual = columns(back.portfolio)
        // Every stored column of Portfolio: a new column fails here until the file carries it.
        XCTAssertEqual(expected.count, 26)
        XCTAssertEqual(Set(actual.keys), Set(expected.keys))
        for (name, values) in expected { XCTAssertEqual(actual[name], values, name) }
        XCTAssertEqual(back.portfolio.ids, loaded.portfolio.ids)
        XCTAssertEqual(back.portfolio.ead[3].sign, .minus, "-0.0 stays -0.0")
        XCTAssertEqual(back.findings.map(\.message), loaded.findings.map(\.message))
        XCTAssertEqual(back.findings.map(\.file), loaded.findings.map { $0.file == csvPath ? "/elsewhere/book.csv" : $0.file })
        let again = directory.appendingPathComponent("again.columns").path
        try PortfolioColumnsFile.encode(back, csvPath: "/elsewhere/book.csv").write(to: URL(fileURLWithPath: again))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: again)), try Data(contentsOf: URL(fileURLWithPath: file)),
                       "the same book gives the same bytes")
    }

    /// A range of rows read alone is the whole book's slice: every column bit for bit, the
    /// text columns with the book's levels (an exposure-range shard's book).
    func testARangeOfRowsIsTheBooksSlice() throws {
        let csvPath = directory.appendingPathComponent("book.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let loaded = try PortfolioCSV.load(path: csvPath)
        let file = directory.appendingPathComponent("book.columns").path
        try PortfolioColumnsFile.encode(loaded, csvPath: csvPath).write(to: URL(fileURLWithPath: file))
        for rows in [0..<4, 1..<3, 2..<4, 3..<4] {
            let part = try PortfolioColumnsFile.load(path: file, csvPath: csvPath, rows: rows).portfolio
            let slice = loaded.portfolio.slice(rows)
            XCTAssertEqual(part.count, rows.count)
            XCTAssertEqual(columns(part), columns(slice), "\(rows)")
            XCTAssertEqual(part.ids, slice.ids)
            XCTAssertEqual(part.country.levels, loaded.portfolio.country.levels, "the book's levels")
            XCTAssertEqual(part.segment, slice.segment)
        }
        // The credit risk columns alone: the performing credit risk book is the whole load's.
        let lean = try PortfolioColumnsFile.load(path: file, csvPath: csvPath, creditRiskOnly: true).portfolio
        XCTAssertEqual(columns(lean.performingCreditRiskBook()), columns(loaded.portfolio.performingCreditRiskBook()))
        XCTAssertEqual(lean.performingCreditRiskBook().ids, ["A1", "B2", "C4"])
        XCTAssertEqual(lean.defaultedFlags(), loaded.portfolio.defaultedFlags())
        XCTAssertNil(lean.provision)
        XCTAssertEqual(lean.rating.count, 0)
        XCTAssertEqual(lean.turnoverEURm.map { $0.map(\.bitPattern) }, loaded.portfolio.turnoverEURm.map { $0.map(\.bitPattern) })
        XCTAssertThrowsError(try PortfolioColumnsFile.load(path: file, csvPath: csvPath, rows: 2..<5)) { error in
            XCTAssertTrue("\(error)".contains("rows 2..<5 of a book of 4"), "\(error)")
        }
    }

    func testDamagedFilesAreInputErrors() throws {
        let csvPath = directory.appendingPathComponent("book.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        let file = directory.appendingPathComponent("book.columns").path
        try PortfolioColumnsFile.encode(try PortfolioCSV.load(path: csvPath), csvPath: csvPath)
            .write(to: URL(fileURLWithPath: file))
        let good = try Data(contentsOf: URL(fileURLWithPath: file))
        for cut in [0, 5, 20, good.count / 2, good.count - 1] {
            try good.prefix(cut).write(to: URL(fileURLWithPath: file))
            XCTAssertThrowsError(try PortfolioColumnsFile.load(path: file, csvPath: csvPath), "cut at \(cut)") { error in
                XCTAssertTrue("\(error)".contains("not a portfolio column file"), "\(error)")
            }
        }
        try (good + Data([7])).write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try PortfolioColumnsFile.load(path: file, csvPath: csvPath))
    }
}
