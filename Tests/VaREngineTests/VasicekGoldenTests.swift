import XCTest
import TestSupport
@testable import VaREngine

/// Vasicek functions against creditriskengine 0.31.0 (Tests/Golden/var/var_functions.json,
/// section `vasicek`; README "Vasicek and VaR" quirks), to 1e-10 relative.
final class VasicekGoldenTests: XCTestCase {
    var golden: [String: Any] = [:]

    override func setUpWithError() throws {
        golden = try Golden.json("var/var_functions.json").object("vasicek")!
    }

    func cases(_ key: String) -> [[String: Any]] { golden[key] as! [[String: Any]] }

    /// Checks a throwing scalar function case by case: value to 1e-10, or an error.
    func check(_ key: String, file: StaticString = #filePath, line: UInt = #line,
               _ body: ([String: Any]) throws -> Double) {
        let list = cases(key)
        XCTAssertFalse(list.isEmpty, key)
        for c in list {
            if let error = c.object("error") {
                XCTAssertThrowsError(try body(c), "\(key) \(c)", file: file, line: line) { thrown in
                    XCTAssertEqual((thrown as? VaRError)?.message, error["message"] as? String, file: file, line: line)
                }
            } else {
                do {
                    let value = try body(c)
                    Golden.assertClose(value, c.double("expected")!, relative: 1e-10, scale: 1e-300, "\(key) \(c)",
                                       file: file, line: line)
                } catch {
                    XCTFail("\(key) \(c): unexpected \(error)", file: file, line: line)
                }
            }
        }
    }

    func testConditionalDefaultRate() {
        check("vasicek_conditional_default_rate") { c in
            try Vasicek.conditionalDefaultRate(pd: c.double("pd")!, rho: c.double("rho")!, z: c.double("z")!)
        }
    }

    func testLossQuantile() {
        for key in ["vasicek_loss_quantile", "vasicek_loss_quantile_edge_cases"] {
            check(key) { c in
                try Vasicek.lossQuantile(pd: c.double("pd")!, rho: c.double("rho")!, lgd: c.double("lgd")!,
                                         confidence: c.double("confidence")!)
            }
        }
    }

    func testExpectedAndUnexpectedLoss() {
        check("expected_loss") { c in Vasicek.expectedLoss(pd: c.double("pd")!, lgd: c.double("lgd")!) }
        check("unexpected_loss_asrf") { c in
            try Vasicek.unexpectedLoss(pd: c.double("pd")!, rho: c.double("rho")!, lgd: c.double("lgd")!,
                                       confidence: c.double("confidence")!)
        }
    }

    func testEconomicCapital() throws {
        let list = cases("economic_capital_asrf")
        XCTAssertEqual(list.count, 85)
        let encoder = JSONEncoder()
        for c in list {
            let call = { () throws -> Vasicek.EconomicCapital in
                try Vasicek.economicCapital(pd: c.double("pd")!, rho: c.double("rho")!, lgd: c.double("lgd")!,
                                            ead: c.double("ead")!, confidence: c.double("confidence")!)
            }
            if c["error"] != nil {
                XCTAssertThrowsError(try call())
                continue
            }
            let expected = c.object("expected")!
            let data = try encoder.encode(try call())
            let actual = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            XCTAssertEqual(Set(actual.keys), Set(expected.keys))
            for key in expected.keys {
                Golden.assertClose(actual.double(key)!, expected.double(key)!, relative: 1e-10, scale: 1e-300, "\(key) \(c)")
            }
        }
    }

    func testPortfolioLossDistribution() {
        let list = cases("vasicek_portfolio_loss_distribution")
        XCTAssertEqual(list.count, 6)
        for c in list {
            let result = Vasicek.portfolioLossDistribution(pd: c.double("pd")!, rho: c.double("rho")!,
                                                           lgd: c.double("lgd")!, points: c["n_points"] as! Int)
            let expected = c.object("expected")!
            Golden.assertClose(result.losses, expected.doubles("loss_values")!, relative: 1e-10, scale: 1e-300, "\(c)")
            Golden.assertClose(result.factorDensity, expected.doubles("probability_density")!, relative: 1e-10,
                               scale: 1e-300, "\(c)")
        }
    }

    /// Vasicek's loss distribution: the CDF at the loss quantile is the confidence, and the
    /// density integrates to the CDF.
    func testLossCDFInvertsTheQuantile() throws {
        for (pd, rho, lgd) in [(0.01, 0.12, 0.45), (0.003, 0.24, 1.0), (0.2, 0.04, 0.6)] {
            for q in [0.5, 0.9, 0.99, 0.999] {
                let x = try Vasicek.lossQuantile(pd: pd, rho: rho, lgd: lgd, confidence: q)
                XCTAssertEqual(Vasicek.lossCDF(x, pd: pd, rho: rho, lgd: lgd), q, accuracy: 1e-12)
            }
            let a = try Vasicek.lossQuantile(pd: pd, rho: rho, lgd: lgd, confidence: 0.9)
            let b = try Vasicek.lossQuantile(pd: pd, rho: rho, lgd: lgd, confidence: 0.99)
            var integral = 0.0
            let steps = 2000
            for k in 0..<steps {  // midpoint rule
                integral += Vasicek.lossDensity(a + (Double(k) + 0.5) * (b - a) / Double(steps), pd: pd, rho: rho, lgd: lgd)
            }
            XCTAssertEqual(integral * (b - a) / Double(steps), 0.09, accuracy: 1e-6)
        }
    }
}
