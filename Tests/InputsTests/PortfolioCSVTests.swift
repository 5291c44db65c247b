import XCTest
import StressCore
@testable import Inputs

final class PortfolioCSVTests: XCTestCase {
    private func parse(_ text: String, chunkSize: Int = CSVReader.defaultChunkSize) throws -> LoadedPortfolio {
        try parse(Array(text.utf8), chunkSize: chunkSize)
    }

    private func parse(_ bytes: [UInt8], chunkSize: Int = CSVReader.defaultChunkSize) throws -> LoadedPortfolio {
        try PortfolioCSV.read(ByteSource(bytes: bytes), file: "test.csv", chunkSize: chunkSize)
    }

    // MARK: - Syntax

    /// BOM, CRLF, quoted commas, quoted line breaks, escaped quotes, spaces around a
    /// number, and a last line without a line break, at several chunk sizes so every
    /// construct straddles a read somewhere.
    func testBOMCRLFAndQuotedFieldsLoadAtEveryChunkSize() throws {
        let text = "id,segment,asset_class,pd,lgd,ead,sector\r\n"
            + "A1,\"Retail, UK\",Residential_Mortgage,0.01,0.2,100.5,\"multi\r\nline\"\r\n"
            + "\"A \"\"2\"\"\",,sme, 0.02 ,0.45,1e3,\r\n"
            + "A3,seg,corporate,0,1,0,x"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        for chunkSize in [4, 5, 7, 16, 1 << 20] {
            let portfolio = try parse(bytes, chunkSize: chunkSize).portfolio
            XCTAssertEqual(portfolio.ids, ["A1", "A \"2\"", "A3"], "chunk \(chunkSize)")
            XCTAssertEqual((0..<3).map { portfolio.segment[$0] }, ["Retail, UK", "sme", "seg"])
            XCTAssertEqual(portfolio.assetClass, [.residentialMortgage, .sme, .corporate])
            XCTAssertEqual(portfolio.pd, [0.01, 0.02, 0])
            XCTAssertEqual(portfolio.lgd, [0.2, 0.45, 1])
            XCTAssertEqual(portfolio.ead, [100.5, 1000, 0])
            XCTAssertEqual((0..<3).map { portfolio.sector[$0] }, ["multi\r\nline", "", "x"])
        }
    }

    /// A record whose quoted field spans lines is reported at its first line, and the
    /// lines after it keep their physical numbers (CRLF inside quotes counts once).
    func testLineNumbersCountPhysicalLinesInsideQuotes() {
        let text = "id,segment,pd,lgd,ead\r\nA1,\"one\r\ntwo\r\nthree\",0.01,0.4,1\r\nA2,x,0.01,0.4,-1\r\n"
        XCTAssertThrowsError(try parse(text)) { error in
            XCTAssertEqual(String(describing: error), "test.csv:5: ead: expected an amount ≥ 0, found -1")
        }
        let spanning = "id,segment,pd,lgd,ead\nA1,\"one\ntwo\",0.01,7,1\n"
        XCTAssertThrowsError(try parse(spanning)) { error in
            XCTAssertEqual(String(describing: error), "test.csv:2: lgd: expected a fraction in [0, 1], found 7")
        }
    }

    func testLoneCarriageReturnsEndLines() throws {
        let portfolio = try parse("id,pd,lgd,ead\rA1,0.01,0.4,1\rA2,0.02,0.4,2\r").portfolio
        XCTAssertEqual(portfolio.ids, ["A1", "A2"])
        XCTAssertThrowsError(try parse("id,pd,lgd,ead\rA1,0.01,0.4,1\rA2,x,0.4,2")) { error in
            XCTAssertEqual(String(describing: error), "test.csv:3: pd: expected a number, found 'x'")
        }
    }

    func testSmallChunksGiveTheSameColumnsAsOneChunk() throws {
        var text = "id,segment,asset_class,pd,lgd,ead,maturity,country\n"
        for row in 0..<500 {
            let quoted = row % 7 == 0 ? "\"seg, \"\"\(row % 5)\"\"\"" : "seg\(row % 5)"
            text += "E\(row),\(quoted),\(AssetClass.allCases[row % 8].rawValue),0.0\(row % 10),0.\(row % 9),\(row * 10),\(row % 3 == 0 ? "" : "2.5"),C\(row % 4)\r\n"
        }
        let whole = try parse(text).portfolio
        let pieces = try parse(text, chunkSize: 5).portfolio
        XCTAssertEqual(whole.count, 500)
        XCTAssertEqual(pieces.ids, whole.ids)
        XCTAssertEqual(pieces.segment, whole.segment)
        XCTAssertEqual(pieces.assetClass, whole.assetClass)
        XCTAssertEqual(pieces.pd, whole.pd)
        XCTAssertEqual(pieces.ead, whole.ead)
        XCTAssertEqual(pieces.country, whole.country)
        XCTAssertEqual(pieces.maturity?.map(\.isNaN), whole.maturity?.map(\.isNaN))
        XCTAssertEqual(whole.segment[7], "seg, \"2\"")
    }

    // MARK: - Columns

    func testBlankOptionalCellsAreNaNAndAbsentColumnsNil() throws {
        let portfolio = try parse("""
            id,pd,lgd,ead,maturity,collateral_value
            A1,0.01,0.4,100,,5
            A2,0.02,0.4,200,3.5,
            """).portfolio
        XCTAssertEqual(portfolio.maturity?.count, 2)
        XCTAssertTrue(portfolio.maturity![0].isNaN)
        XCTAssertEqual(portfolio.maturity![1], 3.5)
        XCTAssertEqual(portfolio.collateralValue?[0], 5)
        XCTAssertTrue(portfolio.collateralValue![1].isNaN)
        XCTAssertNil(portfolio.ccf)
        XCTAssertNil(portfolio.drawn)
        XCTAssertNil(portfolio.turnoverEURm)
        XCTAssertNil(portfolio.amortisation)
        // Text columns always have one entry per exposure; absent ones are blank.
        XCTAssertEqual(portfolio.sector.count, 2)
        XCTAssertEqual(portfolio.sector[1], "")
        XCTAssertEqual(portfolio.currency.count, 2)
    }

    func testBlankEADIsDrawnPlusCCFTimesUndrawn() throws {
        let portfolio = try parse("""
            id,pd,lgd,ead,drawn,undrawn,ccf
            A1,0.01,0.4,,100,50,0.5
            A2,0.01,0.4,,80,,
            A3,0.01,0.4,7,100,50,0.5
            """).portfolio
        XCTAssertEqual(portfolio.ead, [125, 80, 7])
        XCTAssertEqual(portfolio.drawn, [100, 80, 100])
        XCTAssertEqual(portfolio.undrawn?[0], 50)
        XCTAssertTrue(portfolio.undrawn![1].isNaN)
    }

    func testBlankEADWithUndrawnButNoCCFColumnIsAnError() {
        XCTAssertThrowsError(try parse("id,pd,lgd,ead,drawn,undrawn\nA1,0.01,0.4,,100,50\n")) { error in
            XCTAssertEqual(String(describing: error),
                           "test.csv:2: ead: ccf is needed to compute ead from drawn and undrawn, found no ccf column")
        }
    }

    func testHeaderNamesMatchCaseInsensitivelyAfterTrimming() throws {
        let loaded = try parse(" ID , Pd,LGD,Ead ,Asset_Class\nA1,0.01,0.4,100,QRRE\n")
        XCTAssertEqual(loaded.portfolio.pd, [0.01])
        XCTAssertEqual(loaded.portfolio.assetClass, [.qrre])
        XCTAssertEqual(loaded.findings, [])
    }

    func testUnknownColumnsAndMissingAssetClassAreFindings() throws {
        let loaded = try parse("id,pd,lgd,ead,internal_ref,,Notes\nA1,0.01,0.4,100,r1,,n\n")
        XCTAssertEqual(loaded.portfolio.assetClass, [.corporate])
        XCTAssertEqual(loaded.portfolio.segment[0], "corporate")
        XCTAssertEqual(loaded.findings, [
            DataQualityFinding(severity: .info, file: "test.csv", line: 1,
                               message: "ignored columns not in the portfolio format: internal_ref, (unnamed column 6), Notes"),
            DataQualityFinding(severity: .warning, file: "test.csv", line: 1, field: "asset_class",
                               message: "no asset_class column: every exposure is treated as corporate"),
        ])
    }

    func testEveryOptionalColumnLoads() throws {
        let header = "id,segment,asset_class,pd,lgd,ead,maturity,turnover_eur_m,drawn,undrawn,ccf,collateral_value,sector,country,rating,currency,amortisation"
        let portfolio = try parse(header + "\nS1,SME book,sme,0.03,0.45,1000,2.5,35,900,200,0.5,1500,manufacturing,DE,BB,EUR,0.1\n").portfolio
        XCTAssertEqual(portfolio.maturity, [2.5])
        XCTAssertEqual(portfolio.turnoverEURm, [35])
        XCTAssertEqual(portfolio.drawn, [900])
        XCTAssertEqual(portfolio.undrawn, [200])
        XCTAssertEqual(portfolio.ccf, [0.5])
        XCTAssertEqual(portfolio.collateralValue, [1500])
        XCTAssertEqual(portfolio.amortisation, [0.1])
        XCTAssertEqual([portfolio.segment[0], portfolio.sector[0], portfolio.country[0], portfolio.rating[0], portfolio.currency[0]],
                       ["SME book", "manufacturing", "DE", "BB", "EUR"])
    }

    func testUTF8TextIsKept() throws {
        let portfolio = try parse("id,segment,pd,lgd,ead\nÉ1,Société Générale,0.01,0.4,1\n").portfolio
        XCTAssertEqual(portfolio.ids, ["É1"])
        XCTAssertEqual(portfolio.segment[0], "Société Générale")
    }

    // MARK: - Files

    func testLoadFromPath() throws {
        let path = Corpus.path("valid/portfolio.csv")
        let loaded = try PortfolioCSV.load(path: path)
        XCTAssertEqual(loaded.portfolio.ids, ["M1", "R1", "Q1"])
        XCTAssertEqual(loaded.portfolio.assetClass, [.residentialMortgage, .qrre, .corporate])
        XCTAssertEqual((0..<3).map { loaded.portfolio.segment[$0] }, ["Mortgages", "Cards", "corporate"])
        XCTAssertEqual(loaded.portfolio.totalEAD, 1_255_000)
        XCTAssertEqual(loaded.findings, [
            DataQualityFinding(severity: .info, file: path, line: 1,
                               message: "ignored columns not in the portfolio format: ltv_bucket"),
        ])
    }

    func testMissingFileIsAnInputError() {
        XCTAssertThrowsError(try PortfolioCSV.load(path: "/nonexistent/portfolio.csv")) { error in
            XCTAssertEqual(String(describing: error), "/nonexistent/portfolio.csv: cannot open the file: No such file or directory")
        }
    }

    func testARecordLongerThanTheLimitIsReported() {
        let reader = CSVReader(source: ByteSource(bytes: Array(("a,\"" + String(repeating: "x", count: 10_000)).utf8)),
                               chunkSize: 64, maximumRecordBytes: 8192)
        XCTAssertThrowsError(try reader.nextRecord()) { error in
            let syntax = error as? CSVReader.SyntaxError
            XCTAssertEqual(syntax?.line, 1)
            XCTAssertEqual(syntax?.field, 1)
            XCTAssertEqual(syntax?.message, "the record is longer than 8192 bytes; is a quote left open?")
        }
    }
}

/// The credit-quality columns (METHODOLOGY §9): values read, and every stage that
/// contradicts its own row rejected with the line and the rule.
final class PortfolioCreditQualityTests: XCTestCase {
    static let header = "id,pd,lgd,ead,stage,days_past_due,default_flag,origination_pd,remaining_term,maturity_date,eir,provision,write_off_policy\n"

    func parse(_ rows: String) throws -> Portfolio {
        try PortfolioCSV.parse(bytes: Array((Self.header + rows).utf8), file: "book.csv").portfolio
    }

    func testColumnsAreRead() throws {
        let p = try parse("A,0.01,0.4,100,1,0,0,0.008,5,,0.04,,\nB,1,0.45,200,3,120,yes,0.02,,2028-12-31,,90,3\nC,0.05,0.4,50,,,,,,,,,\n")
        XCTAssertEqual(p.stage, [1, 3, 0])
        XCTAssertEqual(p.defaultFlag, [0, 1, 255])
        XCTAssertEqual(p.daysPastDue?[1], 120)
        XCTAssertEqual(p.originationPD?[0], 0.008)
        XCTAssertEqual(p.remainingTerm?[0], 5)
        XCTAssertEqual(p.maturityDate?[1], Double(ISODate.days(year: 2028, month: 12, day: 31)))
        XCTAssertEqual(p.provision?[1], 90)
        XCTAssertEqual(p.writeOffPolicy?[1], 3)
        XCTAssertTrue(p.isDefaulted(1))
        XCTAssertFalse(p.isDefaulted(0))
        XCTAssertTrue(p.hasCreditQuality)
    }

    func testContradictionsNameTheLine() {
        let cases: [(String, String)] = [
            ("A,0.01,0.4,100,1,120,0,,,,,,\n", "book.csv:2: stage: days_past_due 120 is 90 or more, a default (CRR Art. 178(1)(b)): stage 3 expected, found stage 1"),
            ("A,0.01,0.4,100,2,95,0,,,,,,\n", "book.csv:2: stage: days_past_due 95 is 90 or more, a default (CRR Art. 178(1)(b)): stage 3 expected, found stage 2"),
            ("A,0.01,0.4,100,1,45,0,,,,,,\n", "book.csv:2: stage: days_past_due 45 is over 30, a significant increase in credit risk (IFRS 9 5.5.11): stage 2 or 3 expected, found stage 1"),
            ("A,0.01,0.4,100,2,0,1,,,,,,\n", "book.csv:2: stage: default_flag is set: a defaulted exposure is credit-impaired, stage 3 expected, found stage 2"),
            ("A,0.05,0.4,100,3,200,0,,,,,,\n", "book.csv:2: stage: stage 3 is credit-impaired: expected pd 1 or default_flag 1, found pd 0.05"),
            ("A,0.05,0.4,100,4,,,,,,,,\n", "book.csv:2: stage: expected an IFRS 9 stage 1, 2 or 3, found '4'"),
            ("A,0.05,0.4,100,1,,maybe,,,,,,\n", "book.csv:2: default_flag: expected a default flag 1 or 0 (true or false), found 'maybe'"),
            ("A,0.05,0.4,100,1,,,,,2028-02-30,,,\n", "book.csv:2: maturity_date: expected a maturity date as YYYY-MM-DD, found '2028-02-30'"),
            ("A,1,0.4,100,3,120,1,,,,,150,\n", "book.csv:2: provision: a provision cannot exceed the exposure: provision 150, ead 100.0"),
        ]
        for (row, expected) in cases {
            XCTAssertThrowsError(try parse(row), row) { XCTAssertEqual(String(describing: $0), expected, row) }
        }
        // A defaulted exposure is valid: stage 3 with PD 1, or PD < 1 with the default flag.
        XCTAssertNoThrow(try parse("A,1,0.4,100,3,120,0,,,,,,\nB,0.2,0.4,100,3,120,1,,,,,,\n"))
    }
}
