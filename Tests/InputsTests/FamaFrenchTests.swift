import Foundation
import Inputs
import StressCore
import TestSupport
import XCTest

final class FamaFrenchTests: XCTestCase {
    func testLoadsTheBundledFile() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("data/market/fama_french_monthly.csv").path
        let ff = try FamaFrenchFactors.load(path: path)
        XCTAssertEqual(ff.count, 1109)
        XCTAssertEqual(ff.months.first, 192607)
        XCTAssertEqual(ff.months.last, 201811)
        XCTAssertEqual(ff.labels.first, "1926-07")
        XCTAssertEqual(ff.marketExcess[0], 2.96)
        XCTAssertEqual(ff.smb[0], -2.3)
        XCTAssertEqual(ff.hml[0], -2.87)
        XCTAssertEqual(ff.riskFree[0], 0.22)
        XCTAssertEqual(ff.decimalReturns.prefix(3).map { $0 }, [0.0296, -0.023, -0.0287])
        XCTAssertEqual(ff.between(201801, 201812).count, 11)
    }

    func testErrorsNameLineAndColumn() {
        func error(_ text: String) -> InputError? {
            do { _ = try FamaFrenchFactors.parse(text, file: "ff.csv"); return nil } catch { return error }
        }
        XCTAssertEqual(error("Date,Mkt-RF,SMB,RF\n192607,1,2,3\n")?.key, "HML")
        let bad = error("Date,Mkt-RF,SMB,HML,RF\n192607,1,2,3,0.1\n192608,1,x,3,0.1\n")
        XCTAssertEqual(bad?.line, 3)
        XCTAssertEqual(bad?.key, "SMB")
        XCTAssertEqual(bad?.column, 3)
        XCTAssertEqual(error("Date,Mkt-RF,SMB,HML,RF\n192613,1,2,3,0.1\n")?.key, "Date")
        let gap = error("Date,Mkt-RF,SMB,HML,RF\n192607,1,2,3,0.1\n192609,1,2,3,0.1\n")
        XCTAssertEqual(gap?.line, 3)
        XCTAssertTrue(gap?.message.contains("192608") ?? false)
        XCTAssertEqual(error("Date,Mkt-RF,SMB,HML,RF\n192607,150,2,3,0.1\n")?.key, "Mkt-RF")
        XCTAssertNotNil(error("Date,Mkt-RF,SMB,HML,RF\n"))
        XCTAssertNil(error("Date,Mkt-RF,SMB,HML,RF\n192612,1,2,3,0.1\n192701,1,2,3,0.1\n"))
    }
}
