import Foundation
@testable import IncomeEngine
import Inputs
import SampleBank
import StressCore
import TestSupport
import XCTest

/// The sample bank's banking book (docs/INCOME-NOTES.md): its jump-off NII reconciles with
/// `rbi.net_interest_income`, its PPNR starts at 1% of the leverage exposure, and every
/// bundled headline scenario projects with the lines adding up and the EBA cap holding.
/// `STRESSPACK_INCOME_REPORT=1` prints the per-period table the notes quote
/// (`STRESSPACK_INCOME_EXPOSURES` sets the bank's size, 250,000 for the demo's bank).
final class SampleBankIncomeTests: XCTestCase {
    nonisolated(unsafe) static var cached: BalanceSheet?

    static func sheet() throws -> BalanceSheet {
        if let cached { return cached }
        let env = ProcessInfo.processInfo.environment
        let n = Int(env["STRESSPACK_INCOME_EXPOSURES"] ?? "") ?? 40_000
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("income-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let totals = try SampleBankGenerator(exposures: n, seed: 42).writePortfolio(to: path, threads: 2)
        let sheet = SampleBalanceSheet.make(totals: totals)
        cached = sheet
        return sheet
    }

    func testJumpOffReconciles() throws {
        let sheet = try Self.sheet()
        let book = try XCTUnwrap(sheet.bankingBook), lines = try XCTUnwrap(sheet.nonInterest)
        let rbiNII = try XCTUnwrap(sheet.rbi).netInterestIncome
        let le = sheet.capital.leverageExposure
        XCTAssertEqual(book.reportedNetInterestIncome, rbiNII)
        XCTAssertEqual(book.runRateNetInterestIncome, rbiNII, accuracy: 1e-5 * rbiNII, "run-rate NII = rbi.net_interest_income")
        XCTAssertEqual(sheet.income.ppnr, [], "no fixed PPNR list")
        let revenue = rbiNII + lines.feeIncome!.annual + lines.tradingIncome!.annual + lines.otherIncome!.annual
        let ppnr = revenue - lines.operatingExpenses!.annual
        XCTAssertEqual(ppnr / le, 0.010, accuracy: 0.0001, "PPNR at jump-off ≈ 1% of the leverage exposure")
        XCTAssert((0.5...0.65).contains(lines.operatingExpenses!.annual / revenue), "cost-income ratio")
        let mortgage = book.positions.first { $0.product == .mortgages }!
        XCTAssert((0.02...0.035).contains(mortgage.customerRate), "mortgage back-book rate \(mortgage.customerRate)")
        XCTAssertEqual(book.totalAssets, book.positions.filter { $0.side == .asset }.reduce(0) { $0 + $1.amount })
        let nim = rbiNII / book.totalAssets
        XCTAssert((0.015...0.03).contains(nim), "NIM on interest-earning assets \(nim)")
    }

    static let headline = ["eba-2025-baseline", "eba-2025-adverse", "boe-2025-bcst", "fed-2026-baseline",
                           "fed-2026-severely-adverse", "rbi-2025-baseline", "rbi-2025-severe", "library-stagflation",
                           "library-sovereign-crisis"]

    func testBundledScenarios() throws {
        let sheet = try Self.sheet()
        let book = try XCTUnwrap(sheet.bankingBook)
        let le = sheet.capital.leverageExposure
        var report = ["scenario | period | NII | fees+trading+other | costs | PPNR | old fixed PPNR | NII cap | rate source",
                      "---|---|---|---|---|---|---|---|---"]
        let oldShape = [1.00, 0.97, 0.95, 0.96, 0.98]
        for id in Self.headline {
            let path = TestSupport.repositoryRoot.appendingPathComponent("scenarios/\(id).yaml").path
            let scenario = try ScenarioFile.load(path: path).scenario
            let n = scenario.framework == .ccar ? 9 : scenario.periodCount
            let r = IncomeProjection.project(.init(
                bankingBook: book, nonInterest: sheet.nonInterest, scenario: scenario, periodCount: n,
                currency: sheet.currency, scenarioJumpOff: ScenarioRateJumpOffs.bundled[id] ?? [:], scenarioFile: path))
            for t in 0..<n {
                XCTAssertEqual(r.ppnr[t], r.netInterestIncome[t] + r.nonInterestIncome[t] - r.operatingExpenses[t],
                               accuracy: 1e-6 * le)
                if r.niiCap.applies { XCTAssertLessThanOrEqual(r.netInterestIncome[t], r.niiCap.limit[t]) }
                XCTAssertGreaterThan(r.netInterestIncome[t], 0, "\(id) \(t)")
            }
            let sources = Set(r.ratePaths.map(\.source.rawValue)).sorted().joined(separator: ", ")
            for t in 0..<n {
                let year = scenario.framework == .ccar ? t / 4 : t
                let old = year < oldShape.count ? (oldShape[year] * 0.010 * le).rounded() * r.periodLength : 0
                func bp(_ x: Double) -> String { String(format: "%.1f", x / le / r.periodLength * 10_000) }
                report.append("\(id) | \(r.periods[t]) | \(bp(r.netInterestIncome[t])) | \(bp(r.nonInterestIncome[t])) | "
                              + "\(bp(r.operatingExpenses[t])) | \(bp(r.ppnr[t])) | \(bp(old)) | "
                              + "\(r.niiCap.applied[t] ? "binds" : (r.niiCap.applies ? "holds" : "-")) | \(t == 0 ? sources : "")")
            }
        }
        let irrbb = IRRBB.measure(.init(bankingBook: book, currency: sheet.currency, tier1: sheet.capital.tier1))
        XCTAssertFalse(irrbb.eveOutlier, "the sample bank is not an IRRBB outlier: \(irrbb.eveRatio)")
        XCTAssert((-1...4).contains(irrbb.durationGap), "duration gap \(irrbb.durationGap)")
        if ProcessInfo.processInfo.environment["STRESSPACK_INCOME_REPORT"] == "1" {
            print("Annualised, in bp of the leverage exposure (\(Int(le)))")
            print(report.joined(separator: "\n"))
            print("IRRBB: EVE \(irrbb.economicValueOfEquity / le), worst \(irrbb.worstShock?.rawValue ?? "-") "
                  + "ΔEVE/Tier 1 \(irrbb.eveRatio), ΔNII decline/Tier 1 \(irrbb.niiRatio), duration gap \(irrbb.durationGap) "
                  + "(assets \(irrbb.assetDuration), liabilities \(irrbb.liabilityDuration))")
            for s in irrbb.shocks {
                print("  \(s.shock.rawValue): ΔEVE \(s.deltaEVE / sheet.capital.tier1) of Tier 1, ΔNII \(s.deltaNII / le * 10_000) bp, "
                      + "gap ΔNII \(s.deltaNIIRepricingGap / le * 10_000) bp")
            }
            for p in book.positions {
                print("  \(p.name): \(p.amount / le) of LE, customer \(p.customerRate), margin \(p.margin)")
            }
            print("assets \(book.totalAssets / le), liabilities \(book.totalLiabilities / le), NII \(book.runRateNetInterestIncome / le)")
        }
    }
}
