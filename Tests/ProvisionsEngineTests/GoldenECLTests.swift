import Inputs
@testable import ProvisionsEngine
import StressCore
import TestSupport
import XCTest

/// The ECL formulas against creditriskengine 0.31.0 (Tests/Golden/provisions/ecl.json,
/// made by scripts/golden/ecl.py): twelve-month and lifetime ECL, CECL's PD/LGD method,
/// the SICR test, and the RBI's 2026 floors as frameworks/rbi.yaml states them.
final class GoldenECLTests: XCTestCase {
    nonisolated(unsafe) static let golden: [String: Any] = try! Golden.json("provisions/ecl.json")

    /// A curve over `pd` (annual, one per year) with the LGD flat, evaluated at jump-off.
    static func evaluate(pd: [Double], lgd: Double, eir: Double, years: Double) -> ForwardCurve.Evaluation {
        let n = pd.count
        let q = UnsafeMutableBufferPointer<Double>.allocate(capacity: n), l = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let path = UnsafeMutableBufferPointer<Double>.allocate(capacity: n), lgds = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { q.deallocate(); l.deallocate(); path.deallocate(); lgds.deallocate() }
        for k in 0..<n { path[k] = pd[k]; lgds[k] = lgd }
        var curve = ForwardCurve(step: 1, periods: n, reversionSteps: 0, scratchQ: q, scratchLGD: l)
        curve.load(pd: UnsafeBufferPointer(path), lgd: UnsafeBufferPointer(lgds), offset: 0, scenarioPeriods: n,
                   longRunPD: pd.last!, longRunLGD: lgd)
        return curve.evaluate(after: 0, remainingYears: years, discount: 1 / (1 + eir), amortisation: 0)
    }

    func testTwelveMonthECL() throws {
        for case let c as [String: Any] in Self.golden["twelve_month"] as! [Any] {
            let e = Self.evaluate(pd: [c.double("pd")!], lgd: c.double("lgd")!, eir: c.double("eir")!, years: 1)
            Golden.assertClose(e.twelveMonthECL * c.double("ead")!, c.double("ecl")!, relative: 1e-12, "\(c)")
        }
    }

    /// Lifetime ECL = Σ S_{k−1}·PD_k·LGD·EAD·(1 + EIR)^−k: IFRS 9 stage 2 and CECL's PD/LGD method.
    func testLifetimeECLAndCECL() throws {
        for case let c as [String: Any] in Self.golden["lifetime"] as! [Any] {
            let pd = c.doubles("annual_pd")!
            let e = Self.evaluate(pd: pd, lgd: c.double("lgd")!, eir: c.double("eir")!, years: Double(pd.count))
            let ead = c.double("ead")!
            Golden.assertClose(e.lifetimeECL * ead, c.double("ifrs9_lifetime")!, relative: 1e-12, "IFRS 9 \(pd.count) years")
            Golden.assertClose(e.lifetimeECL * ead, c.double("cecl_pd_lgd")!, relative: 1e-12, "CECL \(pd.count) years")
        }
    }

    /// `assess_sicr` flags either test; our `any` combination is the same rule.
    func testSignificantIncreaseMatchesWithAnyCombination() {
        for case let c as [String: Any] in Self.golden["sicr"] as! [Any] {
            let rules = ProvisioningRules(standard: .ifrs9, sicrRelative: c.double("relative")!,
                                          sicrAbsolute: c.double("absolute")!, sicrCombination: .any)
            XCTAssertEqual(rules.significantIncrease(pd: c.double("current_lifetime_pd")!,
                                                     originationPD: c.double("origination_lifetime_pd")!),
                           c["sicr"] as? Bool, "\(c)")
        }
    }

    /// frameworks/rbi.yaml's floors against `rbi_ecl_floor_2026` for each asset class's category.
    func testRBIFloorsOfTheFrameworkFile() throws {
        let settings = try FrameworkFile.load(path: TestSupport.repositoryRoot.appendingPathComponent("frameworks/rbi.yaml").path)
        let floors = try XCTUnwrap(settings.provisions?.floors)
        for case let c as [String: Any] in Self.golden["rbi_floors"] as! [Any] {
            let assetClass = AssetClass(rawValue: c["asset_class"] as! String)!
            let expected = c.double("floor")!
            switch c["stage"] as! Int {
            case 1: XCTAssertEqual(floors.stage1[assetClass], expected, "\(c)")
            case 2: XCTAssertEqual(floors.stage2[assetClass], expected, "\(c)")
            default:
                XCTAssertEqual(floors.stage3Floor(assetClass, yearsInDefault: c.double("years")!, secured: c["secured"] as! Bool),
                               expected, "\(c)")
            }
        }
    }
}
