import Foundation
import Inputs
import PDModel
@testable import SampleBank
import StressCore
import XCTest

/// The sample bank is deterministic, loads through the validating loader, and
/// has the distributions the README documents.
final class SampleBankTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func generate(_ n: Int, seed: UInt64, threads: Int, name: String) throws -> (Data, SampleBankTotals) {
        let path = directory.appendingPathComponent(name).path
        let totals = try SampleBankGenerator(exposures: n, seed: seed).writePortfolio(to: path, threads: threads)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), totals)
    }

    func testSameBytesForAnyThreadCount() throws {
        // 70,000 rows span three chunks, so the chunk order matters.
        let (one, totalsOne) = try generate(70_000, seed: 11, threads: 1, name: "a.csv")
        let (two, totalsTwo) = try generate(70_000, seed: 11, threads: 2, name: "b.csv")
        let (eight, _) = try generate(70_000, seed: 11, threads: 8, name: "c.csv")
        XCTAssertEqual(one, two)
        XCTAssertEqual(one, eight)
        XCTAssertEqual(totalsOne, totalsTwo)
    }

    /// With borrowers, each row is the plain bank's row followed by its borrower's
    /// characteristics: filled for cards and consumer loans, empty elsewhere.
    func testBorrowersExtendTheRowsOfTheConsumerSegmentsOnly() throws {
        let (plain, _) = try generate(3_000, seed: 9, threads: 2, name: "plain.csv")
        let path = directory.appendingPathComponent("borrowers.csv").path
        _ = try SampleBankGenerator(exposures: 3_000, seed: 9, borrowers: true).writePortfolio(to: path, threads: 2)
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let plainRows = String(decoding: plain, as: UTF8.self).split(separator: "\n").map(String.init)
        let baseFields = SampleBankGenerator.header.split(separator: ",").count
        let extra = SyntheticLoans.numeric.count + SyntheticLoans.categorical.count
        XCTAssertEqual(rows.count, plainRows.count)
        var rated = 0
        for (row, plainRow) in zip(rows, plainRows) {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, baseFields + extra)
            XCTAssertEqual(fields.prefix(baseFields).joined(separator: ","), plainRow)
            let borrower = fields.suffix(extra)
            if SampleBankGenerator.borrowerSegments.contains(String(fields[1])) {
                rated += 1
                XCTAssertTrue(borrower.suffix(SyntheticLoans.categorical.count).allSatisfy { !$0.isEmpty }, row)
            } else if fields[0] != "id" {
                XCTAssertTrue(borrower.allSatisfy(\.isEmpty), row)
            }
        }
        XCTAssertGreaterThan(rated, 1_000)
        XCTAssertNoThrow(try PortfolioCSV.load(path: path), "the loader ignores the characteristics")
    }

    func testDifferentSeedsDiffer() throws {
        let (a, _) = try generate(1_000, seed: 1, threads: 2, name: "a.csv")
        let (b, _) = try generate(1_000, seed: 2, threads: 2, name: "b.csv")
        XCTAssertNotEqual(a, b)
    }

    func testNoPartialFileRemains() throws {
        _ = try generate(5_000, seed: 3, threads: 2, name: "bank.csv")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(files, ["bank.csv"])
    }

    func testLoadsThroughTheValidatingLoaderWithMatchingTotals() throws {
        let path = directory.appendingPathComponent("bank.csv").path
        let totals = try SampleBankGenerator(exposures: 20_000, seed: 42).writePortfolio(to: path, threads: 2)
        let loaded = try PortfolioCSV.load(path: path)
        let p = loaded.portfolio
        XCTAssertEqual(p.count, 20_000)
        XCTAssertEqual(Set(p.ids).count, 20_000, "ids are unique")
        XCTAssertEqual(p.totalEAD, totals.totalEAD, accuracy: totals.totalEAD * 1e-12)
        XCTAssertTrue(loaded.findings.allSatisfy { $0.severity != .error }, "\(loaded.findings)")
        // EAD = drawn + CCF·undrawn wherever a commitment exists (to the cent).
        let drawn = try XCTUnwrap(p.drawn), undrawn = try XCTUnwrap(p.undrawn), ccf = try XCTUnwrap(p.ccf)
        for i in 0..<p.count where ccf[i].isFinite {
            XCTAssertEqual(p.ead[i], drawn[i] + ccf[i] * undrawn[i], accuracy: 0.011, "row \(i)")
        }
    }

    func testSegmentSharesAreExactToAFewExposures() throws {
        let n = 50_000
        var counts = [Int](repeating: 0, count: SampleBankProfiles.all.count)
        for i in 0..<n { counts[SampleExposure(seed: 5, index: i).segment] += 1 }
        for (profile, count) in zip(SampleBankProfiles.all, counts) {
            // The Kronecker sequence's discrepancy grows like log n: a handful of exposures.
            XCTAssertEqual(Double(count), profile.countShare * Double(n), accuracy: 5, profile.name)
        }
    }

    /// The distributions documented in the README's sample-bank table.
    func testSegmentDistributionsAreRealistic() throws {
        let n = 60_000
        var pd: [String: [Double]] = [:], lgd: [String: [Double]] = [:], ltv: [String: [Double]] = [:]
        for i in 0..<n {
            let e = SampleExposure(seed: 42, index: i)
            pd[e.profile.name, default: []].append(e.pd)
            lgd[e.profile.name, default: []].append(e.lgd)
            if e.collateralValue.isFinite { ltv[e.profile.name, default: []].append(e.ead / e.collateralValue) }
        }
        func median(_ xs: [Double]?) -> Double { let s = (xs ?? []).sorted(); return s[s.count / 2] }
        XCTAssert((0.005...0.010).contains(median(pd["Retail mortgages"])), "\(median(pd["Retail mortgages"]))")
        XCTAssert((0.10...0.25).contains(median(lgd["Retail mortgages"])), "\(median(lgd["Retail mortgages"]))")
        XCTAssert((0.02...0.04).contains(median(pd["Credit cards"])), "\(median(pd["Credit cards"]))")
        XCTAssert((0.75...0.85).contains(median(lgd["Credit cards"])), "\(median(lgd["Credit cards"]))")
        XCTAssert((0.0025...0.009).contains(median(pd["Large corporates"])))
        XCTAssert((0.5...0.75).contains(median(ltv["Retail mortgages"])), "\(median(ltv["Retail mortgages"]))")
        XCTAssertEqual(median(lgd["Sovereigns"]), 0.45)
        for (name, values) in pd {
            // Stage 3 exposures are in default (PD 1); the others are scorecard or grade PDs.
            XCTAssertTrue(values.allSatisfy { ($0 >= 0.0003 && $0 <= 0.35) || $0 == 1 }, name)
        }
    }

    /// The stage mix of a European universal bank (EBA Risk Dashboard: stage 2 about 9.7% of
    /// loans, NPL ratio about 1.8%); stage 3 in default with provisions, stage 2 with a
    /// significant increase since origination.
    func testStageMixIsTheEBADashboards() throws {
        var ead = [0.0, 0, 0], provisions = 0.0
        for i in 0..<80_000 {
            let e = SampleExposure(seed: 42, index: i)
            ead[e.stage - 1] += e.ead
            switch e.stage {
            case 3:
                XCTAssertEqual(e.pd, 1)
                XCTAssertGreaterThanOrEqual(e.daysPastDue, 90)
                XCTAssertTrue(e.provision.isFinite && e.provision <= e.ead)
                provisions += e.provision
            case 2:
                XCTAssertTrue(e.pd > 3 * e.originationPD * 0.999 || e.pd == 0.35, "stage 2: risk at least tripled (or at the 35% cap)")
                XCTAssertLessThan(e.daysPastDue, 90)
            default:
                XCTAssertLessThanOrEqual(e.daysPastDue, 30)
                XCTAssertFalse(e.provision.isFinite)
            }
        }
        let total = ead.reduce(0, +)
        XCTAssert((0.08...0.11).contains(ead[1] / total), "stage 2 share \(ead[1] / total)")
        XCTAssert((0.015...0.023).contains(ead[2] / total), "stage 3 share \(ead[2] / total)")
        XCTAssert((0.35...0.48).contains(provisions / ead[2]), "NPL coverage \(provisions / ead[2])")
    }

    func testBalanceSheetRatiosAndRoundTrip() throws {
        let path = directory.appendingPathComponent("bank.csv").path
        let totals = try SampleBankGenerator(exposures: 30_000, seed: 42).writePortfolio(to: path, threads: 2)
        let sheet = SampleBalanceSheet.make(totals: totals)
        let rwa = try XCTUnwrap(sheet.capital.rwa)
        XCTAssert((0.13...0.15).contains(sheet.capital.cet1 / rwa), "CET1 ratio \(sheet.capital.cet1 / rwa)")
        let leverage = sheet.capital.tier1 / sheet.capital.leverageExposure
        XCTAssert((0.045...0.055).contains(leverage), "leverage ratio \(leverage)")

        let yamlPath = directory.appendingPathComponent("bank.balance-sheet.yaml").path
        try BalanceSheetYAML.render(sheet, comment: "test").write(toFile: yamlPath, atomically: true, encoding: .utf8)
        let loaded = try BalanceSheetFile.load(path: yamlPath).balanceSheet
        XCTAssertEqual(loaded, sheet, "the YAML writer and the loader agree on every figure")
    }

    func testCSVDecimalFormatting() {
        var w = CSVRowWriter(capacity: 64)
        w.decimal(0.0065, decimals: 6); w.comma()
        w.decimal(170_000.5, decimals: 2); w.comma()
        w.decimal(3, decimals: 2); w.comma()
        w.decimal(.nan, decimals: 2); w.comma()
        w.padded(42, width: 9); w.comma()
        w.decimal(-1.25, decimals: 2)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "0.0065,170000.5,3,,000000042,-1.25")
    }

    func testAmountFormattingUsesDigitSeparators() {
        XCTAssertEqual(BalanceSheetYAML.amount(12_000_000_000), "12_000_000_000")
        XCTAssertEqual(BalanceSheetYAML.amount(999), "999")
        XCTAssertEqual(BalanceSheetYAML.amount(1_000), "1_000")
        XCTAssertEqual(BalanceSheetYAML.rate(0.0075), "0.0075")
        XCTAssertEqual(BalanceSheetYAML.rate(1.2), "1.2")
    }
}
