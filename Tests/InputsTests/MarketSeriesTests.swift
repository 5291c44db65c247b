import Foundation
import XCTest
import StressCore
import TestSupport
@testable import Inputs

/// The daily price CSVs of data/market/ (Yahoo Finance via `arch`) and bad rows.
final class MarketSeriesTests: XCTestCase {
    func parse(_ text: String, file: String = "prices.csv") throws -> MarketSeries {
        try MarketSeries.parse(bytes: Array(text.utf8), file: file)
    }

    func testLoadsTheRealSeries() throws {
        for (name, first, last) in [("sp500_daily", 1228.099976, 2506.850098), ("nasdaq_daily", 2208.050049, 6635.279785)] {
            let path = TestSupport.repositoryRoot.appendingPathComponent("data/market/\(name).csv").path
            let series = try MarketSeries.load(path: path)
            XCTAssertEqual(series.name, name)
            XCTAssertEqual(series.dates.count, 5031)
            XCTAssertEqual(series.dates.first, "1999-01-04")
            XCTAssertEqual(series.dates.last, "2018-12-31")
            XCTAssertEqual(series.adjustedClose.first, first)
            XCTAssertEqual(series.adjustedClose.last, last)
            XCTAssertEqual(series.logReturns.count, 5030)
            XCTAssertEqual(series.returnDates.first, "1999-01-05")
            XCTAssertEqual(series.logReturns[0], log(series.adjustedClose[1] / series.adjustedClose[0]))
            XCTAssertEqual(series.dates, series.dates.sorted())
        }
    }

    func testReadsOnlyDateAndAdjustedClose() throws {
        let series = try parse("Volume,Adj Close,Date\n10,100.5,12/31/2018\n11,101,1/2/2019\r\n")
        XCTAssertEqual(series.dates, ["2018-12-31", "2019-01-02"])
        XCTAssertEqual(series.adjustedClose, [100.5, 101])
        XCTAssertEqual(series.name, "prices")
    }

    func testBadRowsNameFileLineAndColumn() {
        let header = "Date,Open,High,Low,Close,Adj Close,Volume\n"
        let good = "1/4/1999,1,1,1,1,1228.1,5\n"
        let cases: [(String, Int?, String?, String)] = [
            ("", nil, nil, "empty file"),
            ("Date,Close\n1/4/1999,1\n", 1, "Adj Close", "column missing"),
            ("Day,Adj Close\n1/4/1999,1\n", 1, "Date", "column missing"),
            (header + good, nil, nil, "at least two prices"),
            (header + good + "2/30/1999,1,1,1,1,1200,5\n", 3, "Date", "expected a date as M/D/YYYY, found '2/30/1999'"),
            (header + good + "1999-01-05,1,1,1,1,1200,5\n", 3, "Date", "expected a date"),
            (header + good + "1/4/1999,1,1,1,1,1200,5\n", 3, "Date", "not after the previous row's date"),
            (header + good + "1/5/1999,1,1,1,1,n/a,5\n", 3, "Adj Close", "expected a finite number, found 'n/a'"),
            (header + good + "1/5/1999,1,1,1,1,nan,5\n", 3, "Adj Close", "expected a finite number"),
            (header + good + "1/5/1999,1,1,1,1,-3,5\n", 3, "Adj Close", "expected a price > 0"),
            (header + good + "1/5/1999,1\n", 3, nil, "expected 7 fields, found 2"),
            (header + good + "1/5/1999,1,1,1,1,\"12\n", nil, nil, "unterminated"),
        ]
        for (text, line, key, message) in cases {
            XCTAssertThrowsError(try parse(text, file: "data/x.csv"), text) { error in
                guard let error = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.file, "data/x.csv")
                if let line { XCTAssertEqual(error.line, line, text) }
                XCTAssertEqual(error.key, key, text)
                XCTAssertTrue(error.message.contains(message), "\(error.message) — \(text)")
            }
        }
        XCTAssertThrowsError(try MarketSeries.load(path: "/nonexistent/prices.csv")) {
            XCTAssertEqual(($0 as? InputError)?.file, "/nonexistent/prices.csv")
        }
    }
}
