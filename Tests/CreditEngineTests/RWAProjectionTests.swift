@testable import CreditEngine
import RiskMath
import StressCore
import XCTest

/// Credit RWA per period (METHODOLOGY §3.1): the rating philosophy's two ends (α = 0 holds
/// the jump-off weights, α = 1 is the point-in-time figure), the probit interpolation in
/// between, and the standardised path with defaults charged off or retained net of
/// provisions, each against a figure computed independently or by hand.
final class RWAProjectionTests: XCTestCase {
    static let periods = ["2026", "2027", "2028"]

    static func irbColumns(_ p: Portfolio) -> RiskWeightColumns {
        RiskWeightColumns(exposureClass: p.assetClass.map(irbClass))
    }

    static func irbClass(_ c: AssetClass) -> IRBExposureClass {
        switch c {
        case .corporate, .sme, .cre: return .corporate
        case .sovereign: return .sovereign
        case .bank: return .bank
        case .residentialMortgage: return .residentialMortgage
        case .qrre: return .qrre
        case .otherRetail: return .otherRetail
        }
    }

    static func project(_ p: Portfolio, _ plan: StressPlan, _ rwa: RWAColumns, mode: BalanceSheetMode = .static,
                        frequency: Frequency = .annual, threads: Int = 2) -> CreditProjection {
        let labels = frequency == .quarterly ? (1...plan.periods).map { "Q\($0)" } : Array(periods.prefix(plan.periods))
        return CreditProjector.project(portfolio: p, plan: plan, periodLabels: labels,
                                       options: ProjectionOptions(frequency: frequency, balanceSheet: mode, pdFloor: 0.0003,
                                                                  threads: threads, rwa: rwa))
    }

    static let zShift = StressPlan(periods: 3, pd: .zShift([-1.8, -1.2, -0.4]), lgd: .addOns([0.05, 0.03, 0]))
    static let multipliers = StressPlan(periods: 3, pd: .multipliers([2.5, 1.8, 1.2]), lgd: .addOns([0.05, 0.03, 0]))

    /// α = 0 under a static balance sheet: every period's IRB RWA is the jump-off figure, bit for bit.
    func testRatingPhilosophyZeroHoldsJumpOffRWA() {
        let p = PortfolioFixtures.mixed(3_000)
        for plan in [Self.zShift, Self.multipliers] {
            let r = Self.project(p, plan, RWAColumns(irb: Self.irbColumns(p), ratingPhilosophy: 0))
            XCTAssertEqual(r.periodRWA, Array(repeating: r.startRWA!, count: 3))
        }
    }

    /// α = 1 is the point-in-time RWA: Σ RW(PD_t, LGD_t)·EAD_t from the satellite's own formulas.
    func testRatingPhilosophyOneIsPointInTime() {
        let p = PortfolioFixtures.mixed(2_000)
        let columns = Self.irbColumns(p)
        let r = Self.project(p, Self.zShift, RWAColumns(irb: columns, ratingPhilosophy: 1))
        let z = [-1.8, -1.2, -0.4], addOn = [0.05, 0.03, 0.0]
        for t in 0..<3 {
            var expected = 0.0
            for i in 0..<p.count {
                let pd = max(p.pd[i], 0.0003)
                let rho = AssetCorrelation.value(p.assetClass[i], pd: pd, turnoverEURm: .nan)
                let pit = Normal.cdf((Normal.quantile(pd) - rho.squareRoot() * z[t]) / (1 - rho).squareRoot())
                expected += columns.riskWeight(i, pd: pit, lgd: min(max(p.lgd[i] + addOn[t], 0), 1)) * p.ead[i]
            }
            XCTAssertEqual(r.periodRWA![t], expected, accuracy: 1e-9 * expected, "period \(t)")
        }
    }

    /// 0 < α < 1: Φ⁻¹(PD_reg) = (1 − α)·Φ⁻¹(PD_0) + α·Φ⁻¹(PD_t), LGD_reg = LGD_0 + α·(LGD_t − LGD_0).
    func testIntermediateRatingPhilosophyInterpolatesInProbitSpace() {
        let p = PortfolioFixtures.mixed(2_000)
        let columns = Self.irbColumns(p)
        let alpha = 0.3, m = [2.5, 1.8, 1.2], addOn = [0.05, 0.03, 0.0]
        let r = Self.project(p, Self.multipliers, RWAColumns(irb: columns, ratingPhilosophy: alpha))
        for t in 0..<3 {
            var expected = 0.0
            for i in 0..<p.count {
                let pd0 = max(p.pd[i], 0.0003), lgd0 = p.lgd[i]
                let pdT = min(pd0 * m[t], 1), lgdT = min(max(lgd0 + addOn[t], 0), 1)
                let pd = pdT >= 1 ? pd0 + alpha * (pdT - pd0)
                    : Normal.cdf((1 - alpha) * Normal.quantile(pd0) + alpha * Normal.quantile(pdT))
                expected += columns.riskWeight(i, pd: pd, lgd: lgd0 + alpha * (lgdT - lgd0)) * p.ead[i]
            }
            XCTAssertEqual(r.periodRWA![t], expected, accuracy: 1e-9 * expected, "period \(t)")
        }
    }

    /// More of the cycle in the ratings, more RWA in a downturn; a per-class α overrides.
    func testRWAIsMonotoneInRatingPhilosophy() {
        let p = PortfolioFixtures.mixed(2_000)
        let columns = Self.irbColumns(p)
        let paths = [0.0, 0.2, 0.5, 0.8, 1.0].map {
            Self.project(p, Self.zShift, RWAColumns(irb: columns, ratingPhilosophy: $0)).periodRWA![0]
        }
        for k in 1..<paths.count { XCTAssertGreaterThan(paths[k], paths[k - 1]) }
        let mortgagesHeld = Self.project(p, Self.zShift, RWAColumns(irb: columns, ratingPhilosophy: 0.5,
                                                                     byAssetClass: [.residentialMortgage: 0]))
        XCTAssertLessThan(mortgagesHeld.periodRWA![0], paths[2])
        XCTAssertGreaterThan(mortgagesHeld.periodRWA![0], paths[0])
    }

    static func oneExposure(pd: Double) -> Portfolio {
        PortfolioFixtures.make(pd: [pd], lgd: [0.4], ead: [1_000], assetClass: [.corporate])
    }

    static func standardised(retain: Bool, net: Bool = true) -> RWAColumns {
        RWAColumns(irb: nil, standardised: StandardisedWeightColumns(
            weight: [1.0], exposureFactor: [1.0], defaultedBandSet: [0],
            defaultedBands: [ProvisionCoverageBands(atLeast: [0.2, 0.5], weights: [1.5, 1.0, 0.5])],
            defaultedNetOfProvisions: net), retainDefaults: retain)
    }

    /// By hand: PD 10%, LGD 40%, EAD 1,000, weight 100%, run-off, no PD stress.
    ///   t1: 100 defaults, 900 performing; retained 100·0.6 at 100% (coverage 40%) = 60 → 960
    ///   t2: 90 defaults, 810 performing; retained 60 + 54 = 114 → 924
    /// Charged off: 900, 810. Under CCAR's constant quarterly EAD: 1,000 every quarter.
    func testStandardisedPathByHand() {
        let p = Self.oneExposure(pd: 0.1)
        let plan = StressPlan.neutral(periods: 2)
        let retained = Self.project(p, plan, Self.standardised(retain: true), mode: .runoff)
        XCTAssertEqual(retained.standardisedStartRWA, 1_000)
        XCTAssertEqual(retained.standardisedPeriodRWA![0], 960, accuracy: 1e-9)
        XCTAssertEqual(retained.standardisedPeriodRWA![1], 924, accuracy: 1e-9)
        let chargedOff = Self.project(p, plan, Self.standardised(retain: false), mode: .runoff)
        XCTAssertEqual(chargedOff.standardisedPeriodRWA![0], 900, accuracy: 1e-9)
        XCTAssertEqual(chargedOff.standardisedPeriodRWA![1], 810, accuracy: 1e-9)
        let quarterly = Self.project(p, StressPlan.neutral(periods: 9), Self.standardised(retain: false),
                                     frequency: .quarterly)
        XCTAssertEqual(quarterly.standardisedPeriodRWA, Array(repeating: 1_000, count: 9))
        XCTAssertNil(quarterly.periodRWA, "no IRB path without IRB weights")
    }

    /// A loan in default at jump-off: weighted as defaulted on 60% (net of LGD × EAD) at
    /// 100% (coverage 40%), or gross at 100%; retained it stays, charged off under
    /// run-off it leaves after the first period.
    func testDefaultedAtJumpOff() {
        let p = Self.oneExposure(pd: 1)
        let plan = StressPlan.neutral(periods: 2)
        let net = Self.project(p, plan, Self.standardised(retain: true), mode: .runoff)
        XCTAssertEqual(net.standardisedStartRWA!, 600, accuracy: 1e-9)
        XCTAssertEqual(net.standardisedPeriodRWA!, [600, 600])
        let gross = Self.project(p, plan, Self.standardised(retain: true, net: false), mode: .runoff)
        XCTAssertEqual(gross.standardisedStartRWA!, 1_000, accuracy: 1e-9)
        let chargedOff = Self.project(p, plan, Self.standardised(retain: false), mode: .runoff)
        XCTAssertEqual(chargedOff.standardisedPeriodRWA!, [0, 0])
    }

    /// Standardised RWA does not move with PDs when defaults are charged off and EAD is constant.
    func testStandardisedRWAIgnoresPDStressUnderConstantBalances() {
        let p = PortfolioFixtures.mixed(1_000)
        let columns = StandardisedWeightColumns(
            weight: p.assetClass.map { $0 == .residentialMortgage ? 0.5 : 1 }, exposureFactor: Array(repeating: 1, count: p.count),
            defaultedBandSet: Array(repeating: 0, count: p.count), defaultedBands: [.flat(1.5)])
        let rwa = RWAColumns(irb: nil, standardised: columns)
        let mild = Self.project(p, StressPlan(periods: 9, pd: .multipliers(Array(repeating: 1.1, count: 9)),
                                              lgd: .addOns(Array(repeating: 0, count: 9))), rwa, frequency: .quarterly)
        let severe = Self.project(p, StressPlan(periods: 9, pd: .multipliers(Array(repeating: 4, count: 9)),
                                                lgd: .addOns(Array(repeating: 0.1, count: 9))), rwa, frequency: .quarterly)
        XCTAssertEqual(mild.standardisedPeriodRWA, severe.standardisedPeriodRWA)
        XCTAssertGreaterThan(severe.cumulativeEL, mild.cumulativeEL)
    }

    /// Thread count changes no figure.
    func testRWAPathsDoNotDependOnThreads() {
        let p = PortfolioFixtures.mixed(40_000)
        let rwa = RWAColumns(irb: Self.irbColumns(p), ratingPhilosophy: 0.3,
                             standardised: StandardisedWeightColumns(
                                weight: Array(repeating: 0.75, count: p.count), exposureFactor: Array(repeating: 1, count: p.count),
                                defaultedBandSet: Array(repeating: 0, count: p.count), defaultedBands: [.flat(1.5)]),
                             retainDefaults: true)
        let one = Self.project(p, Self.zShift, rwa, mode: .runoff, threads: 1)
        let eight = Self.project(p, Self.zShift, rwa, mode: .runoff, threads: 8)
        XCTAssertEqual(one, eight)
    }
}
