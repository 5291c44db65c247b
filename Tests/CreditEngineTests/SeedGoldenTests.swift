import CreditEngine
import Foundation
import Inputs
import StressCore
import TestSupport
import XCTest

/// creditriskengine 0.31.0 parity (METHODOLOGY §1): every case of
/// Tests/Golden/credit/stress_testing.json to 1e-9 relative. Cases where the
/// seed raises must raise here too.
final class SeedGoldenTests: XCTestCase {
    nonisolated(unsafe) static let golden: [String: Any] = try! Golden.json("credit/stress_testing.json")
    static let portfolios: [String: (pd: [Double], lgd: [Double], ead: [Double], amortisation: [Double])] = {
        var out: [String: (pd: [Double], lgd: [Double], ead: [Double], amortisation: [Double])] = [:]
        for (key, value) in golden["portfolios"] as! [String: Any] {
            let entry = value as! [String: Any]
            if let file = entry["file"] as? String {
                let p = try! PortfolioCSV.load(path: Golden.directory.appendingPathComponent(file).path).portfolio
                out[key] = (p.pd, p.lgd, p.ead, p.amortisation ?? Array(repeating: 0, count: p.count))
            } else {
                let pd = entry.doubles("pd") ?? [], lgd = entry.doubles("lgd") ?? [], ead = entry.doubles("ead") ?? []
                out[key] = (pd, lgd, ead, entry.doubles("amortisation") ?? Array(repeating: 0, count: pd.count))
            }
        }
        return out
    }()

    func cases(_ key: String) -> [[String: Any]] { Self.golden[key] as! [[String: Any]] }

    func variables(_ scenario: String) -> [String: [Double]] {
        let s = (Self.golden["scenarios"] as! [String: Any])[scenario] as! [String: Any]
        var out: [String: [Double]] = [:]
        for (k, v) in s["variables"] as! [String: Any] { out[k] = (v as! [Any]).map { ($0 as! NSNumber).doubleValue } }
        return out
    }

    func testEBARun() throws {
        var checked = 0
        for c in cases("eba") {
            let id = c["id"] as! String
            let p = Self.portfolios[c["portfolio"] as! String]!
            let run = { () throws(SeedFrameworks.Failure) -> SeedFrameworks.Projection in
                try SeedFrameworks.eba(pd: p.pd, lgd: p.lgd, ead: p.ead, variables: self.variables(c["scenario"] as! String),
                                       horizonYears: c["horizon_years"] as! Int, pdFloor: c.double("pd_floor")!)
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), id)
                continue
            }
            let r = try run()
            let scale = e.double("baseline_el")! + 1e-300
            Golden.assertClose(r.periodEL, e.doubles("period_el")!, scale: scale, "\(id) period_el")
            Golden.assertClose(r.periodEAD, e.doubles("period_eads")!, scale: p.ead.reduce(0, +), "\(id) period_eads")
            Golden.assertClose(r.cumulativeEL, e.double("cumulative_el")!, scale: scale, "\(id) cumulative")
            Golden.assertClose(r.baselineEL, e.double("baseline_el")!, "\(id) baseline")
            Golden.assertClose(r.deltaEL, e.double("delta_el")!, scale: scale, "\(id) delta")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testBoERunWithCET1Trajectory() throws {
        var checked = 0
        for c in cases("boe") {
            let id = c["id"] as! String
            let p = Self.portfolios[c["portfolio"] as! String]!
            let run = { () throws(SeedFrameworks.Failure) -> SeedFrameworks.BoEResult in
                try SeedFrameworks.boe(pd: p.pd, lgd: p.lgd, ead: p.ead, variables: self.variables(c["scenario"] as! String),
                                       horizonYears: c["horizon_years"] as! Int,
                                       initialCET1Ratio: c.double("initial_cet1_ratio")!,
                                       totalRWA: (c["total_rwa_given"] as? Bool ?? false) ? c.double("total_rwa") : nil,
                                       hurdle: c.double("cet1_hurdle_pct")!, pdFloor: c.double("pd_floor")!)
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), id)
                continue
            }
            let r = try run()
            let scale = e.double("baseline_el")! + 1e-300
            Golden.assertClose(r.projection.periodEL, e.doubles("period_el")!, scale: scale, "\(id) period_el")
            Golden.assertClose(r.cet1Trajectory, e.doubles("cet1_trajectory")!, scale: 1, "\(id) cet1")
            Golden.assertClose(r.minCET1Ratio, e.double("min_cet1_ratio")!, scale: 1, "\(id) min")
            XCTAssertEqual(r.minCET1Year, e["min_cet1_year"] as? Int, id)
            XCTAssertEqual(r.hurdleBreach, e["cet1_hurdle_breach"] as? Bool, id)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testCCARRunWithCapitalTrajectory() throws {
        var checked = 0
        for c in cases("ccar") {
            let id = c["id"] as! String
            let p = Self.portfolios[c["portfolio"] as! String]!
            let run = { () throws(SeedFrameworks.Failure) -> SeedFrameworks.CCARResult in
                try SeedFrameworks.ccar(pd: p.pd, lgd: p.lgd, ead: p.ead, multipliers: c.doubles("pd_quarterly_multipliers"),
                                        addOns: c.doubles("lgd_add_ons_quarterly"), ppnr: c.doubles("ppnr_quarterly"),
                                        initialCapital: c.double("initial_capital") ?? 0,
                                        quarters: c["horizon_quarters"] as! Int)
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), id)
                continue
            }
            let r = try run()
            let scale = (e.doubles("quarterly_losses")!.map(abs).max() ?? 0) + 1e-300
            Golden.assertClose(r.quarterlyLosses, e.doubles("quarterly_losses")!, scale: scale, "\(id) losses")
            Golden.assertClose(r.capitalTrajectory, e.doubles("capital_trajectory")!, scale: scale, "\(id) capital")
            Golden.assertClose(r.totalLoss, e.double("total_loss")!, scale: scale, "\(id) total")
            XCTAssertEqual(r.minCapitalQuarter, e["min_capital_quarter"] as? Int, id)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 40)
    }

    func testMultiPeriodProjectionWithAmortisation() throws {
        var checked = 0
        for c in cases("multi_period_projection") {
            let id = c["id"] as! String
            let p = Self.portfolios[c["portfolio"] as! String]!
            let mode = c["amortisation"] as? String ?? "none"
            guard mode != "column_as_1d_array" else { continue } // numpy broadcasting, no StressPack equivalent
            let run = { () throws(SeedFrameworks.Failure) -> SeedFrameworks.Projection in
                try SeedFrameworks.multiPeriodProjection(
                    pd: p.pd, lgd: p.lgd, ead: p.ead, multipliers: c.doubles("pd_multipliers")!,
                    addOns: c.doubles("lgd_add_ons")!,
                    amortisation: mode == "per_period" ? c.doubles("amortisation_rates") : nil,
                    exposureAmortisation: mode == "per_exposure_column" ? p.amortisation : nil)
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), id)
                continue
            }
            let r = try run()
            let scale = (e.doubles("period_el")!.max() ?? 0) + 1e-300
            Golden.assertClose(r.periodEL, e.doubles("period_el")!, scale: scale, "\(id) period_el")
            Golden.assertClose(r.periodEAD, e.doubles("period_eads")!, scale: p.ead.reduce(0, +) + 1e-300, "\(id) eads")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testRBICreditQualityAndSensitivities() throws {
        let rbi = Self.golden["rbi"] as! [String: Any]
        for c in rbi["credit_quality_stress"] as! [[String: Any]] {
            let p = Self.portfolios[c["portfolio"] as! String]!
            guard let e = c.object("expected") else { continue }
            let severity = Severity(rawValue: c["severity"] as! String) ?? .adverse
            let r = RBIStress.creditQuality(pd: p.pd, lgd: p.lgd, ead: p.ead, severity: RBIStress.severity(severity))
            Golden.assertClose(r.stressedEL, e.double("stressed_el")!, scale: e.double("base_el")! + 1e-300, c["id"] as! String)
            Golden.assertClose(r.baseEL, e.double("base_el")!, c["id"] as! String)
        }
        let metrics = rbi["baseline_metrics"] as! [String: Any]
        var checked = 0
        for c in rbi["interest_rate_sensitivity"] as! [[String: Any]] {
            guard let e = c.object("expected"), let m = metrics[c["baseline"] as! String] as? [String: Any] else { continue }
            let r = RBIStress.interestRate(shock: c.double("rate_shock_bps")! / 10_000, durationGap: c.double("duration_gap")!,
                                           totalAssets: c.double("total_assets")!, totalAdvances: m.double("total_advances")!,
                                           netInterestIncome: m.double("net_interest_income")!, baselineCAR: m.double("car")!,
                                           rateSensitiveFraction: c.double("rate_sensitive_fraction")!,
                                           averageRiskWeight: c.double("avg_risk_weight")!)
            let scale = max(abs(e.double("eve_impact")!), 1)
            Golden.assertClose(r.eveImpact, e.double("eve_impact")!, scale: scale, "eve")
            Golden.assertClose(r.niiImpact, e.double("nii_impact")!, scale: max(abs(e.double("nii_impact")!), 1), "nii")
            Golden.assertClose(r.stressedCAR, e.double("stressed_car")!, scale: 1, "car")
            checked += 1
        }
        for c in rbi["credit_quality_sensitivity"] as! [[String: Any]] {
            guard let e = c.object("expected"), let m = metrics[c["baseline"] as! String] as? [String: Any] else { continue }
            let r = RBIStress.creditQualitySensitivity(
                npaIncreasePP: c.double("npa_increase_pct")!, baselineNPARatio: m.double("npa_ratio")!,
                baselineCAR: m.double("car")!, totalAdvances: m.double("total_advances")!,
                provisionCoverage: c.double("provision_coverage_ratio")!, averageRiskWeight: c.double("avg_risk_weight")!)
            Golden.assertClose(r.incrementalProvisions, e.double("incremental_provisions")!,
                               scale: max(abs(e.double("incremental_provisions")!), 1), "provisions")
            Golden.assertClose(r.stressedCAR, e.double("stressed_car")!, scale: 1, "car")
            Golden.assertClose(r.stressedNPARatio, e.double("stressed_npa_ratio")!, scale: 1, "npa")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 300)
    }

    func testReverseStressTests() throws {
        var checked = 0
        for c in cases("reverse_stress_test") {
            let p = Self.portfolios[c["portfolio"] as! String]!
            let range = c.doubles("pd_multiplier_range")!
            let run = { () throws(ReverseStress.Failure) -> ReverseStress.MultiplierResult in
                try ReverseStress.multiplierForTargetEL(pd: p.pd, lgd: p.lgd, ead: p.ead, target: c.double("target_el")!,
                                                        range: range[0]...range[1], tolerance: c.double("tolerance")!)
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), c["id"] as! String)
                continue
            }
            if c["knife_edge"] as? Bool == true { continue }
            let r = try run()
            Golden.assertClose(r.multiplier, e.double("multiplier")!, "\(c["id"]!) multiplier")
            Golden.assertClose(r.stressedEL, e.double("stressed_el")!, "\(c["id"]!) el")
            checked += 1
        }
        for c in cases("reverse_stress_capital_breach") where c["rwa_func"] as? String == "sum_ead" {
            let p = Self.portfolios[c["portfolio"] as! String]!
            let rwa = p.ead.reduce(0, +)
            let run = { () throws(ReverseStress.Failure) -> ReverseStress.MultiplierResult in
                try ReverseStress.capitalBreachMultiplier(pd: p.pd, lgd: p.lgd, ead: p.ead, cet1: c.double("cet1_capital")!,
                                                          floor: c.double("cet1_floor_pct")!) { _ in rwa }
            }
            guard let e = c.object("expected") else {
                XCTAssertThrowsError(try run(), c["id"] as! String)
                continue
            }
            if c["knife_edge"] as? Bool == true { continue }
            let r = try run()
            Golden.assertClose(r.multiplier, e.double("breach_multiplier")!, "\(c["id"]!) multiplier")
            Golden.assertClose(r.cet1Ratio!, e.double("cet1_at_breach")!, scale: 1, "\(c["id"]!) ratio")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
