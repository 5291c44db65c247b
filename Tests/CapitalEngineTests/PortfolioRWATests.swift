import CapitalEngine
import Foundation
import RiskMath
import StressCore
import TestSupport
import XCTest

/// Portfolio RWA: the reverse stress test's IRB `rwa(m)` against the seed's golden cases,
/// thread-count independence, the sum identity and the standardised approach.
final class PortfolioRWATests: XCTestCase {
    // MARK: - Golden: reverse_stress_capital_breach with rwa_func "irb_corporate"

    /// Tests/Golden/credit/stress_testing.json `reverse_stress_capital_breach`, the cases
    /// with `rwa_func = "irb_corporate"`: RWA(m) = Σ irb_risk_weight(min(PD·m, 1), LGD,
    /// "corporate", maturity 2.5)/100 · EAD (scripts/golden/stress_testing.py), i.e.
    /// `PortfolioRWA` with creditriskengine's floors. Each case pins RWA at one multiplier:
    /// CET1 = EL(m) + floor·RWA(m) (m = 1.5, 3, 7.5), (floor − 0.005)·RWA(1)
    /// (`already_breached`), (floor + 0.005)·RWA(10) (`never_breached`), and at the
    /// breach, cet1_at_breach = (CET1 − EL(m*))/RWA(m*). The seed's bisection (as
    /// CreditEngine's `ReverseStress.capitalBreachMultiplier`) with this RWA reproduces
    /// the breach multiplier, the iterations and the error outcomes.
    func testReverseStressIRBCorporateGoldenCases() throws {
        let golden = try Golden.json("credit/stress_testing.json")
        let portfolios = golden["portfolios"] as! [String: Any]
        let cases = (golden["reverse_stress_capital_breach"] as! [[String: Any]]).filter {
            $0["rwa_func"] as? String == "irb_corporate"
        }
        XCTAssertEqual(cases.count, 42)
        var books: [String: (Portfolio, PortfolioRWA)] = [:]
        var checked = 0
        for c in cases {
            let key = c["portfolio"] as! String
            if books[key] == nil {
                let p = try Fixtures.goldenPortfolio(key, portfolios)
                books[key] = (p, try PortfolioRWA(portfolio: p, options: RWAOptions(pdFloors: .creditRiskEngine)))
            }
            let (p, rwa) = books[key]!
            let cet1 = c.double("cet1_capital")!, floor = c.double("cet1_floor_pct")!
            let label = c["label"] as! String
            func el(_ m: Double) -> Double {
                var total = 0.0
                for i in p.pd.indices { total += min(p.pd[i] * m, 1) * p.lgd[i] * p.ead[i] }
                return total
            }
            // The RWA the case was built from.
            let (m, share): (Double, Double) = switch label {
            case "already_breached": (1, floor - 0.005)
            case "never_breached": (10, floor + 0.005)
            default: (Double(label.dropFirst("breach_at_".count))!, floor)
            }
            let pinned = (cet1 - el(m)) / share
            Golden.assertClose(rwa.total(pdMultiplier: m), pinned, relative: 1e-10, scale: 1e-6 * max(cet1, 1),
                               "\(c["id"]!) RWA(\(m))")

            let outcome = Self.seedBisection(cet1: cet1, floor: floor, el: el, rwa: { rwa.total(pdMultiplier: $0) })
            if let expected = c.object("expected") {
                guard case let .breach(multiplier, stressedEL, ratio, iterations) = outcome else {
                    XCTFail("\(c["id"]!): expected a breach, got \(outcome)"); continue
                }
                XCTAssertEqual(multiplier, expected.double("breach_multiplier")!, "\(c["id"]!)")
                XCTAssertEqual(iterations, expected["iterations"] as! Int, "\(c["id"]!)")
                Golden.assertClose(stressedEL, expected.double("stressed_el")!, relative: 1e-12, "\(c["id"]!) EL")
                Golden.assertClose(ratio, expected.double("cet1_at_breach")!, relative: 1e-10, "\(c["id"]!) ratio")
                let atBreach = (cet1 - expected.double("stressed_el")!) / expected.double("cet1_at_breach")!
                Golden.assertClose(rwa.total(pdMultiplier: multiplier), atBreach, relative: 1e-10, "\(c["id"]!) RWA(m*)")
            } else {
                let message = (c.object("error")!["message"] as! String)
                switch outcome {
                case let .alreadyBreached(ratio):
                    XCTAssertTrue(message.hasPrefix(String(format: "CET1 ratio (%.4f) is already below floor", ratio)),
                                  "\(c["id"]!): \(message)")
                case let .neverBreached(ratio):
                    XCTAssertTrue(message.hasPrefix(String(format: "CET1 ratio (%.4f) does not breach floor", ratio)),
                                  "\(c["id"]!): \(message)")
                case .breach:
                    XCTFail("\(c["id"]!): expected \(message)")
                }
            }
            checked += 1
        }
        XCTAssertEqual(checked, 42)
    }

    enum BisectionOutcome: Equatable {
        case breach(multiplier: Double, stressedEL: Double, ratio: Double, iterations: Int)
        case alreadyBreached(ratio: Double)
        case neverBreached(ratio: Double)
    }

    /// The seed's `reverse_stress_capital_breach`: range [1, 10], tolerance 1e-4 on the
    /// ratio (CET1 − EL(m))/RWA(m), 0 when RWA ≤ 0 (Tests/Golden/README.md, quirk 17).
    static func seedBisection(cet1: Double, floor: Double, el: (Double) -> Double,
                              rwa: (Double) -> Double) -> BisectionOutcome {
        func ratio(_ m: Double) -> Double { let r = rwa(m); return r <= 0 ? 0 : (cet1 - el(m)) / r }
        let atOne = ratio(1)
        guard atOne >= floor else { return .alreadyBreached(ratio: atOne) }
        let atTen = ratio(10)
        guard atTen < floor else { return .neverBreached(ratio: atTen) }
        var low = 1.0, high = 10.0, mid = 5.5, iterations = 0
        for n in 1...1_000 {
            iterations = n
            mid = (low + high) / 2
            let r = ratio(mid)
            if abs(r - floor) < 0.0001 { break }
            if r > floor { low = mid } else { high = mid }
        }
        return .breach(multiplier: mid, stressedEL: el(mid), ratio: ratio(mid), iterations: iterations)
    }

    // MARK: - Identities and thread independence

    func testSameFiguresForEveryThreadCount() throws {
        let p = Fixtures.mixedPortfolio(50_000)
        var options = RWAOptions(approachBySegment: ["standardised_book": .standardised],
                                 transactorSegments: ["qrre"], standardised: Fixtures.basel, threads: 1)
        let reference = try PortfolioRWA(portfolio: p, options: options)
        for m in [1.0, 2.5] {
            let one = reference.breakdown(pdMultiplier: m)
            for threads in [2, 3, 8] {
                options.threads = threads
                let other = try PortfolioRWA(portfolio: p, options: options).breakdown(pdMultiplier: m)
                XCTAssertEqual(other.total.bitPattern, one.total.bitPattern, "threads \(threads), m \(m)")
                XCTAssertEqual(other, one)
            }
        }
    }

    func testTotalIsTheSumOfExposureRWAs() throws {
        let p = Fixtures.mixedPortfolio(40_000)
        let rwa = try PortfolioRWA(portfolio: p, options: RWAOptions(
            approachBySegment: ["standardised_book": .standardised], standardised: Fixtures.basel, threads: 2))
        for m in [1.0, 3.0] {
            var irb = 0.0, sa = 0.0
            var byClass: [String: Double] = [:]
            for i in 0..<p.count {
                let amount = rwa.riskWeight(i, pdMultiplier: m) * p.ead[i]
                if rwa.columns.usesIRB(i) { irb += amount } else { sa += amount }
                byClass[p.assetClass[i].rawValue, default: 0] += amount
            }
            let b = rwa.breakdown(pdMultiplier: m)
            Golden.assertClose(b.irb, irb, relative: 1e-12, "IRB")
            Golden.assertClose(b.standardised, sa, relative: 1e-12, "standardised")
            XCTAssertEqual(b.total, b.irb + b.standardised)
            XCTAssertEqual(Set(b.byAssetClass.keys), Set(byClass.keys))
            for (k, v) in byClass { Golden.assertClose(b.byAssetClass[k]!, v, relative: 1e-12, k) }
            XCTAssertGreaterThan(rwa.standardisedCount, 10_000)
        }
        // Stressing PDs leaves the standardised part unchanged.
        XCTAssertEqual(rwa.breakdown(pdMultiplier: 4).standardised, rwa.breakdown().standardised)
    }

    func testIRBExposureParametersComeFromThePortfolio() throws {
        var p = Portfolio()
        p.ids = ["a", "b", "c", "d", "e"]
        p.pd = [0.02, 0.02, 0.02, 0.0001, 0.02]
        p.lgd = [0.45, 0.45, 0.45, 0.45, 0.8]
        p.ead = [100, 100, 100, 100, 100]
        p.assetClass = [.corporate, .sme, .cre, .sovereign, .qrre]
        p.maturity = [4, 4, .nan, 1, 3]
        p.turnoverEURm = [10, 10, 10, .nan, .nan]
        p.segment = CategoricalColumn(["c", "c", "c", "c", "cards"])
        let rwa = try PortfolioRWA(portfolio: p, options: RWAOptions(pdFloors: .basel3, scaling: 1.06,
                                                                     transactorSegments: ["cards"]))
        // Corporate: turnover ignored (no SME class); SME: firm-size adjustment; CRE: corporate, M = 2.5.
        XCTAssertEqual(rwa.riskWeight(0), IRBRiskWeight.riskWeight(.corporate, pd: 0.02, lgd: 0.45, maturity: 4,
                                                                   scaling: 1.06))
        XCTAssertEqual(rwa.riskWeight(1), IRBRiskWeight.riskWeight(.corporate, pd: 0.02, lgd: 0.45, maturity: 4,
                                                                   turnoverEURm: 10, scaling: 1.06))
        XCTAssertLessThan(rwa.riskWeight(1), rwa.riskWeight(0))
        XCTAssertEqual(rwa.riskWeight(2), IRBRiskWeight.riskWeight(.corporate, pd: 0.02, lgd: 0.45, scaling: 1.06))
        // Sovereign: no Basel III floor.
        XCTAssertEqual(rwa.riskWeight(3), IRBRiskWeight.riskWeight(.sovereign, pd: 0.0001, lgd: 0.45, maturity: 1,
                                                                   floors: .basel3, scaling: 1.06))
        XCTAssertEqual(rwa.riskWeight(4), IRBRiskWeight.riskWeight(.qrre, pd: 0.02, lgd: 0.8, transactor: true,
                                                                   scaling: 1.06))
        // PD·m is capped at 1: a defaulted IRB exposure has K = 0.
        XCTAssertEqual(rwa.riskWeight(0, pdMultiplier: 60), 0)
    }

    func testReplacingPDIsTheSameAsAPortfolioWithThosePDs() throws {
        var p = Fixtures.mixedPortfolio(2_000)
        let floored = p.pd.map { max($0, 0.003) }
        let options = RWAOptions(approachBySegment: ["standardised_book": .standardised], standardised: Fixtures.basel)
        let replaced = try PortfolioRWA(portfolio: p, options: options).replacingPD(floored)
        p.pd = floored
        let rebuilt = try PortfolioRWA(portfolio: p, options: options)
        XCTAssertEqual(replaced.breakdown(pdMultiplier: 2), rebuilt.breakdown(pdMultiplier: 2))
    }

    // MARK: - Standardised approach

    func testStandardisedWeightsByRatingLTVTransactorAndDefault() throws {
        var p = Portfolio()
        let rows: [(AssetClass, String, Double, Double, Double)] = [   // class, rating, PD, EAD, collateral
            (.corporate, "A-", 0.01, 100, .nan),       // CQS 2: 50%
            (.corporate, "Ba2", 0.01, 100, .nan),      // CQS 4: 100%
            (.corporate, "", 0.01, 100, .nan),         // unrated: 100%
            (.sme, "NR", 0.01, 100, .nan),             // unrated SME: 85%
            (.sovereign, "AA+", 0.001, 100, .nan),     // CQS 1: 0%
            (.bank, "cqs 3", 0.001, 100, .nan),        // CQS 3: 50%
            (.residentialMortgage, "", 0.01, 80, 100), // LTV 0.8 (band includes its bound): 30%
            (.residentialMortgage, "", 0.01, 81, 100), // LTV 0.81: 40%
            (.residentialMortgage, "", 0.01, 80, .nan),// no collateral value: 75%
            (.cre, "", 0.01, 90, 100),                 // LTV 0.9: 110%
            (.qrre, "", 0.05, 10, .nan),               // transactor segment: 45%
            (.otherRetail, "", 0.05, 10, .nan),        // 75%
            (.corporate, "AAA", 1, 100, .nan),         // defaulted: 150%
            (.corporate, "junk", 0.01, 100, .nan),     // unrecognised rating: unrated 100%
        ]
        let expected = [0.5, 1, 1, 0.85, 0, 0.5, 0.3, 0.4, 0.75, 1.1, 0.45, 0.75, 1.5, 1]
        for (k, row) in rows.enumerated() {
            p.ids.append("r\(k)")
            p.assetClass.append(row.0)
            p.pd.append(row.2)
            p.lgd.append(0.45)
            p.ead.append(row.3)
        }
        p.rating = CategoricalColumn(rows.map(\.1))
        p.collateralValue = rows.map(\.4)
        p.segment = CategoricalColumn(rows.map { $0.0 == .qrre ? "cards" : "book" })
        let rwa = try PortfolioRWA(portfolio: p, options: RWAOptions(
            approach: .standardised, transactorSegments: ["cards"], standardised: Fixtures.basel))
        for i in rows.indices {
            XCTAssertEqual(rwa.riskWeight(i), expected[i], "row \(i) \(rows[i])")
            XCTAssertEqual(rwa.riskWeight(i, pdMultiplier: 5), expected[i], "row \(i) is not PD-sensitive")
        }
        XCTAssertEqual(rwa.unrecognisedRatings, ["junk": 1])
        XCTAssertEqual(rwa.standardisedCount, rows.count)
        let total = zip(expected, p.ead).reduce(0) { $0 + $1.0 * $1.1 }
        XCTAssertEqual(rwa.total(), total, accuracy: 1e-9)
    }

    func testStandardisedWithoutTableIsAnError() {
        var p = Fixtures.mixedPortfolio(30)
        p.segment = CategoricalColumn(Array(repeating: "loans", count: 30))
        XCTAssertThrowsError(try PortfolioRWA(portfolio: p, options: RWAOptions(approachBySegment: ["loans": .standardised]))) {
            XCTAssertEqual($0 as? CapitalError, .standardisedTableMissing(exposures: 30))
        }
        // A segment that is not in the portfolio needs no table.
        XCTAssertNoThrow(try PortfolioRWA(portfolio: p, options: RWAOptions(approachBySegment: ["other": .standardised])))
    }

    func testCreditQualityStepSpellings() {
        let cases: [(String, CreditQualityStep.Parsed)] = [
            ("AAA", .step(1)), ("aa-", .step(1)), ("Aa3", .step(1)), ("A+", .step(2)), ("A3", .step(2)),
            ("BBB-", .step(3)), ("Baa1", .step(3)), ("BB+", .step(4)), ("Ba3", .step(4)), ("B", .step(5)),
            ("B2", .step(5)), ("CCC", .step(6)), ("Caa1", .step(6)), ("D", .step(6)), ("3", .step(3)),
            ("CQS6", .step(6)), ("cqs 2", .step(2)), ("NR", .unrated), ("", .unrated), (" unrated ", .unrated),
            ("7", .unrecognised), ("CQS0", .unrecognised), ("XYZ", .unrecognised),
        ]
        for (text, expected) in cases { XCTAssertEqual(CreditQualityStep.parse(text), expected, text) }
    }
}
