import Foundation
@testable import IncomeEngine
import StressCore
import TestSupport
import XCTest

/// ΔEVE, repricing-gap ΔNII, the outlier test and the shock curves against creditriskengine
/// 0.31.0 `irrbb` on 40 random banking books (Tests/Golden/irrbb/irrbb.json, made by
/// scripts/golden/irrbb.py; Tests/Golden/README.md). Where the definitions coincide —
/// annual compounding, principal cash flows, shock sizes passed explicitly, the post-shock
/// floor where no base rate is below it, the 2.5% NII threshold the library uses — to 1e-9
/// relative.
final class IRRBBGoldenTests: XCTestCase {
    nonisolated(unsafe) static let golden: [String: Any] = try! Golden.json("irrbb/irrbb.json")

    /// The book of single-bucket positions whose principal ladder is the case's cash flows.
    static func book(_ b: [String: Any]) -> (BankingBook, YieldCurve) {
        let assets = b.doubles("assets")!, liabilities = b.doubles("liabilities")!
        var positions: [BankingBook.Position] = []
        for (k, bucket) in RepricingBucket.standard.enumerated() {
            if assets[k] > 0 {
                positions.append(Fixtures.position("A\(k)", .securities, amount: assets[k], reference: .policyRate,
                                                   margin: 0, customerRate: 0, bucket: bucket.label))
            }
            if liabilities[k] > 0 {
                positions.append(Fixtures.position("L\(k)", .wholesaleFunding, amount: liabilities[k],
                                                   reference: .policyRate, margin: 0, customerRate: 0, bucket: bucket.label))
            }
        }
        let pillars = b.object("pillars")!
        let curve = YieldCurve(tenors: pillars.doubles("tenors")!, rates: pillars.doubles("rates")!)
        return (BankingBook(referenceRates: [.policyRate: curve.rates[0]], positions: positions), curve)
    }

    static func sizes(_ c: [String: Any]) -> ShockSizes {
        ShockSizes(parallel: c.double("parallel_bps")! / 10_000, short: c.double("short_bps")! / 10_000,
                   long: c.double("long_bps")! / 10_000, source: "golden")
    }

    func testMidpointsAndShockOrderAreTheLibrarys() {
        XCTAssertEqual(Self.golden.doubles("midpoints"), RepricingBucket.standard.map(\.midpoint))
        XCTAssertEqual(Self.golden["shock_order"] as? [String], InterestRateShock.allCases.map(\.rawValue))
    }

    func testShockCurves() {
        let curves = Self.golden["shock_curves"] as! [[String: Any]]
        for c in curves {
            let currency = c["currency"] as! String
            let sizes = ShockSizes.of(currency: currency)!
            let shock = InterestRateShock(rawValue: c["shock"] as! String)!
            let ours = c.doubles("tenors")!.map { shock.change(tenor: $0, sizes: sizes) }
            Golden.assertClose(ours, c.doubles("change")!, relative: 1e-12, scale: 1e-4, "\(currency) \(shock)")
        }
        XCTAssertEqual(curves.count, 24)
        for f in Self.golden["post_shock_floor"] as! [[String: Any]] {
            XCTAssertEqual(InterestRateShock.lowerBound(tenor: f.double("tenor")!), f.double("expected")!, accuracy: 1e-16)
        }
    }

    func testDeltaEVEOnRandomBooks() {
        var compared = 0, skipped = 0
        for b in Self.golden["books"] as! [[String: Any]] {
            let (book, curve) = Self.book(b)
            let id = b["id"] as! String
            let ladder = CashFlowLadder(book: book, interest: .none)
            let expectedNet = zip(b.doubles("assets")!, b.doubles("liabilities")!).map { $0 - $1 }
            XCTAssertEqual(ladder.net, expectedNet, id)
            let base = RepricingBucket.standard.map { curve.rate(at: $0.midpoint) }
            Golden.assertClose(base, b.doubles("base_rates")!, relative: 1e-14, scale: 1e-2, "\(id) base curve")
            let scale = 1e-3 * expectedNet.reduce(0) { $0 + abs($1) }
            for c in b["eve"] as! [[String: Any]] {
                let floor = c["apply_floor"] as! Bool
                // The library floors the shocked rate at floor(t) even where the base rate is
                // already below it; StressPack keeps such a base rate (min(base, floor)).
                if floor && zip(base, RepricingBucket.standard).contains(where: { $0 < InterestRateShock.lowerBound(tenor: $1.midpoint) }) {
                    skipped += 1
                    continue
                }
                let r = IRRBB.measure(.init(
                    bankingBook: book, currency: c["currency"] as! String, tier1: b.double("tier1")!,
                    shockSizes: Self.sizes(c), baseCurve: curve,
                    options: .init(compounding: .annual, interestCashFlows: .none, postShockFloor: floor)))
                let expected = c.object("expected")!
                for shock in InterestRateShock.allCases {
                    Golden.assertClose(r.result(shock).deltaEVE, expected.double(shock.rawValue)!, scale: scale,
                                       "\(id) \(c["currency"]!) floor \(floor) \(shock)")
                }
                compared += 1
            }
        }
        XCTAssertEqual(compared + skipped, 40 * 8)
        XCTAssertGreaterThanOrEqual(compared, 300, "skipped \(skipped) floor cases with a base rate below the floor")
    }

    func testRepricingGapNIIOnRandomBooks() {
        for b in Self.golden["books"] as! [[String: Any]] {
            let (book, curve) = Self.book(b)
            let id = b["id"] as! String
            for c in b["nii"] as! [[String: Any]] {
                let currency = c["currency"] as! String
                let sizes = ShockSizes.of(currency: currency)!
                let r = IRRBB.measure(.init(bankingBook: book, currency: currency, tier1: b.double("tier1")!,
                                            shockSizes: sizes, baseCurve: curve,
                                            options: .init(compounding: .annual, interestCashFlows: .none)))
                let shock: InterestRateShock = c.double("shock_bps")! > 0 ? .parallelUp : .parallelDown
                let scale = sizes.parallel * (c.double("rate_sensitive_assets")! + c.double("rate_sensitive_liabilities")!)
                Golden.assertClose(r.result(shock).deltaNIIRepricingGap, c.double("expected")!, scale: scale,
                                   "\(id) \(currency) \(shock)")
            }
        }
    }

    func testOutlierTestOnRandomBooks() {
        var breaches = 0
        for b in Self.golden["books"] as! [[String: Any]] {
            let (book, curve) = Self.book(b)
            let id = b["id"] as! String
            let case_ = b.object("outlier_test")!
            let eur = ShockSizes.of(currency: "EUR")!
            let r = IRRBB.measure(.init(bankingBook: book, currency: "EUR", tier1: b.double("tier1")!, shockSizes: eur,
                                        baseCurve: curve, options: .init(compounding: .annual, interestCashFlows: .none,
                                                                         postShockFloor: false)))
            // The library's delta_nii: the smaller of the two parallel repricing-gap figures.
            let deltaNII = min(r.result(.parallelUp).deltaNIIRepricingGap, r.result(.parallelDown).deltaNIIRepricingGap)
            Golden.assertClose(deltaNII, case_.double("delta_nii")!, scale: 1e-6 * abs(case_.double("delta_nii")!) + 1,
                               "\(id) delta_nii")
            let t = IRRBB.outlierTest(deltaEVE: r.shocks.map { ($0.shock, $0.deltaEVE) }, tier1: b.double("tier1")!,
                                      deltaNII: case_.double("delta_nii")!, eveThreshold: 0.15, niiThreshold: 0.025)
            let e = case_.object("expected")!
            XCTAssertEqual(t.worstShock?.rawValue, e["worst_eve_shock"] as? String, id)
            Golden.assertClose(t.worstEVELoss, e.double("worst_eve_loss")!, "\(id) worst loss")
            Golden.assertClose(t.eveRatio, e.double("eve_ratio")!, "\(id) EVE ratio")
            XCTAssertEqual(t.eveOutlier, e["eve_breach"] as? Bool, id)
            Golden.assertClose(t.niiDecline, e.double("nii_decline")!, "\(id) NII decline")
            Golden.assertClose(t.niiRatio, e.double("nii_ratio")!, "\(id) NII ratio")
            XCTAssertEqual(t.niiOutlier, e["nii_breach"] as? Bool, id)
            if t.eveOutlier { breaches += 1 }
        }
        XCTAssert((1..<40).contains(breaches), "the books cover both outcomes of the EVE test (\(breaches) breaches)")
    }
}
