@testable import CreditEngine
import RiskMath
import StressCore
import XCTest

/// Properties every projection must have, whatever the figures.
final class ProjectionPropertyTests: XCTestCase {
    private func scenario(gdp: [Double], unemployment: [Double], hpi: [Double], framework: Framework = .eba) -> Scenario {
        Scenario(id: "s", framework: framework, name: "s", severity: .adverse, frequency: framework.frequency,
                 periods: gdp.indices.map { "\(2026 + $0)" }, source: "test",
                 variables: [.init(name: "gdp_growth", values: gdp), .init(name: "unemployment", values: unemployment),
                             .init(name: "house_price_index", values: hpi)])
    }

    private func project(_ p: Portfolio, _ s: Scenario, _ c: SatelliteConfiguration, threads: Int = 2,
                         mode: BalanceSheetMode = .runoff) -> CreditProjection {
        let (plan, _) = StressPlan.build(configuration: c, scenario: s, portfolio: p, periods: s.periods.count, sourceFile: "s")
        return CreditProjector.project(portfolio: p, plan: plan, periodLabels: s.periods,
                                       options: ProjectionOptions(balanceSheet: mode, threads: threads))
    }

    private let vasicek = SatelliteConfiguration(
        pd: .vasicek(VasicekParameters(drivers: [.init(variable: "gdp_growth", beta: 0.35, mean: 0.03, standardDeviation: 0.02),
                                                  .init(variable: "unemployment", beta: -0.6, mean: 0.06, standardDeviation: 0.014)])),
        lgd: .collateral(haircut: 0.3, unsecuredSensitivity: 0.6))

    func testLossesAreMonotoneInSeverity() {
        let p = PortfolioFixtures.mixed(5_000)
        let base = scenario(gdp: [0.02, 0.02, 0.02], unemployment: [0.05, 0.05, 0.05], hpi: [0.02, 0.02, 0.02])
        let adverse = scenario(gdp: [-0.02, -0.01, 0.0], unemployment: [0.08, 0.09, 0.09], hpi: [-0.1, -0.05, 0])
        let severe = scenario(gdp: [-0.045, -0.02, 0.0], unemployment: [0.10, 0.12, 0.11], hpi: [-0.2, -0.1, -0.03])
        for config in [vasicek, SatelliteDefaults.configuration(.boe)] {
            let b = project(p, base, config).cumulativeEL
            let a = project(p, adverse, config).cumulativeEL
            let s = project(p, severe, config).cumulativeEL
            XCTAssertLessThan(b, a, "\(config.pd)")
            XCTAssertLessThan(a, s, "\(config.pd)")
        }
    }

    func testZeroEADGivesZeroLoss() {
        var p = PortfolioFixtures.mixed(300)
        p.ead = p.ead.map { _ in 0 }
        let s = scenario(gdp: [-0.04, -0.02, 0.0], unemployment: [0.1, 0.11, 0.1], hpi: [-0.2, -0.1, 0])
        for config in [vasicek, SatelliteDefaults.configuration(.eba)] {
            let r = project(p, s, config)
            XCTAssertEqual(r.cumulativeEL, 0)
            XCTAssertEqual(r.baselineEL, 0)
        }
    }

    func testDefaultedExposuresLoseLGDTimesEADInTheFirstPeriod() {
        let p = PortfolioFixtures.make(pd: [1, 1], lgd: [0.45, 0.7], ead: [100, 200])
        let s = scenario(gdp: [-0.03, 0, 0], unemployment: [0.08, 0.08, 0.08], hpi: [0, 0, 0])
        for config in [vasicek, SatelliteDefaults.configuration(.eba)] {
            let r = project(p, s, config)
            XCTAssertEqual(r.periodEL[0], 0.45 * 100 + 0.7 * 200, accuracy: 1e-9)
            XCTAssertEqual(r.periodEL[1], 0, "a defaulted exposure has run off")
        }
    }

    func testThreadCountDoesNotChangeAnyFigure() {
        let p = PortfolioFixtures.mixed(40_000)
        let s = scenario(gdp: [-0.03, -0.01, 0.01], unemployment: [0.08, 0.09, 0.085], hpi: [-0.1, -0.05, 0])
        let one = project(p, s, vasicek, threads: 1)
        XCTAssertEqual(one, project(p, s, vasicek, threads: 2))
        XCTAssertEqual(one, project(p, s, vasicek, threads: 8))
    }

    func testBreakdownsAddUpToTheTotals() {
        let p = PortfolioFixtures.mixed(3_000)
        let s = scenario(gdp: [-0.03, -0.01, 0.01], unemployment: [0.08, 0.09, 0.085], hpi: [-0.1, -0.05, 0])
        let r = project(p, s, vasicek)
        for breakdown in [r.bySegment, r.byAssetClass, r.byCountry, r.bySector] {
            for t in 0..<3 {
                let sum = breakdown.values.map { $0.periodEL[t] }.reduce(0, +)
                XCTAssertEqual(sum, r.periodEL[t], accuracy: r.periodEL[t] * 1e-12)
            }
            XCTAssertEqual(breakdown.values.map(\.startEAD).reduce(0, +), p.totalEAD, accuracy: p.totalEAD * 1e-12)
        }
        XCTAssertEqual(r.cumulativeEL, r.periodEL.reduce(0, +))
        XCTAssertEqual(r.deltaEL, r.cumulativeEL - 3 * r.baselineEL)
    }

    /// Z = 0 is the median year, not the average one: the conditional PD at
    /// Z = 0 is below the through-the-cycle PD, and averaging the conditional
    /// PD over Z ~ N(0, 1) gives the TTC PD back (the Vasicek identity).
    func testZShiftAveragesBackToTheThroughTheCyclePD() {
        let p = PortfolioFixtures.make(pd: [0.02], lgd: [1], ead: [1])
        func conditionalPD(_ z: Double) -> Double {
            let plan = StressPlan(periods: 1, pd: .zShift([z]), lgd: .addOns([0]))
            return CreditProjector.project(portfolio: p, plan: plan, periodLabels: ["1"],
                                           options: ProjectionOptions(pdFloor: 0)).periodEL[0]
        }
        XCTAssertLessThan(conditionalPD(0), 0.02)
        // ∫ PD(z) φ(z) dz by the midpoint rule over [−8, 8].
        let steps = 4_000
        let h = 16.0 / Double(steps)
        var integral = 0.0
        for k in 0..<steps {
            let z = -8 + (Double(k) + 0.5) * h
            integral += conditionalPD(z) * Normal.pdf(z) * h
        }
        XCTAssertEqual(integral, 0.02, accuracy: 1e-9)
    }

    /// Z-shift by hand for one corporate exposure: PD 1%, ρ from CRE31.5, Z = −2.
    func testZShiftMatchesTheFormula() {
        let p = PortfolioFixtures.make(pd: [0.01], lgd: [0.4], ead: [1_000])
        let plan = StressPlan(periods: 1, pd: .zShift([-2]), lgd: .addOns([0]))
        let r = CreditProjector.project(portfolio: p, plan: plan, periodLabels: ["1"], options: ProjectionOptions())
        let w = (1 - exp(-0.5)) / (1 - exp(-50.0))
        let rho = 0.12 * w + 0.24 * (1 - w)
        let expected = Normal.cdf((Normal.quantile(0.01) + 2 * rho.squareRoot()) / (1 - rho).squareRoot())
        XCTAssertEqual(r.averagePD[0], expected, accuracy: 1e-15)
        XCTAssertEqual(r.periodEL[0], expected * 0.4 * 1_000, accuracy: 1e-10)
        XCTAssertGreaterThan(expected, 0.04, "a −2σ year quadruples a 1% PD at ρ ≈ 0.19")
    }

    /// Collateral LGD: a mortgage at 80% LTV, haircut 30%, house prices −20%.
    func testCollateralLGDRevaluesTheProperty() {
        let p = PortfolioFixtures.make(pd: [0.01], lgd: [0.1], ead: [80_000], assetClass: [.residentialMortgage],
                                       collateral: [100_000])
        let plan = StressPlan(periods: 2, pd: .multipliers([1, 1]),
                              lgd: .collateral(CollateralStress(residentialIndex: [1.0, 0.8], commercialIndex: [1, 1],
                                                                haircut: 0.3, unsecuredAddOns: [0, 0])))
        let r = CreditProjector.project(portfolio: p, plan: plan, periodLabels: ["1", "2"],
                                        options: ProjectionOptions(balanceSheet: .static, pdFloor: 0))
        // t=1: (80,000 − 0.7·100,000)/80,000 = 0.125 > 0.1; t=2: (80,000 − 0.7·80,000)/80,000 = 0.3.
        XCTAssertEqual(r.averageLGD[0], 0.125, accuracy: 1e-15)
        XCTAssertEqual(r.averageLGD[1], 0.3, accuracy: 1e-15)
    }

    func testQuarterlyProjectionConvertsAnnualPD() {
        let p = PortfolioFixtures.make(pd: [0.04], lgd: [0.5], ead: [1_000])
        let plan = StressPlan(periods: 2, pd: .multipliers([1, 2]), lgd: .addOns([0, 0.1]))
        let r = CreditProjector.project(portfolio: p, plan: plan, periodLabels: ["Q1", "Q2"],
                                        options: ProjectionOptions(frequency: .quarterly, pdFloor: 0))
        let q = 1 - pow(0.96, 0.25)
        XCTAssertEqual(r.periodEL[0], q * 0.5 * 1_000, accuracy: 1e-12)
        XCTAssertEqual(r.periodEL[1], 2 * q * 0.6 * 1_000, accuracy: 1e-12)
        XCTAssertEqual(r.periodEAD, [1_000, 1_000], "CCAR projections keep EAD (seed)")
    }

    func testSegmentOverrideWinsOverAssetClassOverride() throws {
        let p = PortfolioFixtures.make(pd: [0.01, 0.01, 0.01], lgd: [0.5, 0.5, 0.5], ead: [100, 100, 100],
                                       assetClass: [.corporate, .corporate, .qrre], segment: ["Special", "Plain", "Cards"])
        let spec = SatelliteSpec(overrides: [
            "corporate": SatelliteSpec(pd: SatelliteModelSpec(model: "linear", parameters: ["gdp_sensitivity": 10])),
            "Special": SatelliteSpec(pd: SatelliteModelSpec(model: "linear", parameters: ["gdp_sensitivity": 20])),
        ])
        let config = try SatelliteDefaults.configuration(.eba).merging(spec)
        let s = scenario(gdp: [-0.03, 0, 0], unemployment: [0.05, 0.05, 0.05], hpi: [0, 0, 0])
        let (plan, findings) = StressPlan.build(configuration: config, scenario: s, portfolio: p, periods: 1, sourceFile: "s")
        XCTAssertEqual(findings, [])
        let multipliers = (0..<3).map { i -> Double in
            guard case let .multipliers(m) = plan.groups[Int(plan.groupOfExposure![i])].pd else { return .nan }
            return m[0]
        }
        XCTAssertEqual(multipliers[0], 1 + 20 * 0.05, accuracy: 1e-12, "segment override")
        XCTAssertEqual(multipliers[1], 1 + 10 * 0.05, accuracy: 1e-12, "asset-class override")
        XCTAssertEqual(multipliers[2], 1 + 2 * 0.05, accuracy: 1e-12, "framework default")
    }

    func testMissingVariablesAreReported() {
        let p = PortfolioFixtures.make(pd: [0.01], lgd: [0.5], ead: [100])
        let s = Scenario(id: "gdp-only", framework: .eba, name: "x", severity: .adverse, frequency: .annual,
                         periods: ["1", "2", "3"], source: "t", variables: [.init(name: "gdp_growth", values: [-0.02, 0, 0])])
        let (_, findings) = StressPlan.build(configuration: vasicek, scenario: s, portfolio: p, periods: 3, sourceFile: "x.yaml")
        XCTAssertEqual(Set(findings.compactMap(\.field)), ["variables.unemployment", "variables.house_price_index"])
        XCTAssertTrue(findings.allSatisfy { $0.severity == .warning && $0.file == "x.yaml" })
    }

    func testUnknownSatelliteParametersAreErrors() {
        let base = SatelliteDefaults.configuration(.eba)
        XCTAssertThrowsError(try base.merging(SatelliteSpec(pd: .init(model: "linear", parameters: ["gdp_sensitivty": 2])))) {
            XCTAssertEqual(String(describing: $0), "pd.gdp_sensitivty: unknown parameter of the linear model")
        }
        XCTAssertThrowsError(try base.merging(SatelliteSpec(pd: .init(model: "logit")))) {
            XCTAssertEqual(String(describing: $0), "pd.model: unknown PD satellite 'logit': expected linear or vasicek")
        }
        XCTAssertThrowsError(try base.merging(SatelliteSpec(pd: .init(model: "vasicek", parameters: ["beta_gdp_growth": 0.3])))) {
            XCTAssertEqual(String(describing: $0),
                           "pd.beta_gdp_growth: the vasicek model needs beta_gdp_growth, mean_gdp_growth and sd_gdp_growth together")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
