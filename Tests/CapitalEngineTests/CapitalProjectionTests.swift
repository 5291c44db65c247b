import CapitalEngine
import Foundation
import StressCore
import TestSupport
import XCTest

/// The capital trajectory: a hand-computed example, identities (ratios recompute from the
/// amounts, CET1 rolls forward, the waterfall adds up exactly), the framework tests, the
/// MDA restriction and the stress capital buffer.
final class CapitalProjectionTests: XCTestCase {
    static let years = ["2026", "2027", "2028"]

    static func project(_ framework: Framework = .eba, frequency: Frequency = .annual, periods: [String] = years,
                        losses: [Double], creditRWA: CreditRWAPath? = nil, ppnr: [Double]? = nil,
                        _ b: BalanceSheet, options: CapitalOptions = CapitalOptions()) -> CapitalResult {
        CapitalProjection.project(.init(framework: framework, frequency: frequency, periods: periods,
                                        creditLosses: losses, creditRWA: creditRWA, ppnr: ppnr, balanceSheet: b,
                                        options: options))
    }

    /// By hand: CET1 12,000, RWA 100,000, PPNR 1,000/900/800, credit losses
    /// 1,500/2,500/500, other losses 100/0/50, tax 25% on profits only, distributions 400.
    ///   t1: pre-tax −600, no tax, CET1 12,000 − 600 − 400 = 11,000
    ///   t2: pre-tax −1,600, CET1 9,400 − 400 = 9,000
    ///   t3: pre-tax 250, tax 62.5, CET1 9,000 + 187.5 − 400 = 8,787.5
    /// Waterfall (bp): 1,200 + 270 − 450 − 21.25 − 120 + 0 = 878.75.
    func testHandComputedAnnualExample() {
        let b = Fixtures.balanceSheet(ppnr: [1_000, 900, 800], taxRate: 0.25, distributions: [400, 400, 400],
                                      otherLosses: [100, 0, 50])
        let r = Self.project(losses: [1_500, 2_500, 500], b)
        XCTAssertEqual(r.cet1, [11_000, 9_000, 8_787.5])
        XCTAssertEqual(r.taxes, [0, 0, 62.5])
        XCTAssertEqual(r.distributions, [400, 400, 400])
        XCTAssertEqual(r.rwa, [100_000, 100_000, 100_000])
        XCTAssertEqual(r.cet1Ratio, [0.11, 0.09, 0.087875])
        XCTAssertEqual(r.tier1, [12_500, 10_500, 10_287.5])
        XCTAssertEqual(r.totalCapital, [14_500, 12_500, 12_287.5])
        XCTAssertEqual(r.leverageRatio, [12_500.0 / 300_000, 10_500.0 / 300_000, 10_287.5 / 300_000])
        XCTAssertEqual(r.startCET1Ratio, 0.12)
        XCTAssertEqual(r.minCET1Ratio, 0.087875)
        XCTAssertEqual(r.minPeriod, "2028")
        XCTAssertEqual(r.depletionBP, 321.25, accuracy: 1e-9)
        XCTAssertNil(r.hurdle)
        XCTAssertFalse(r.breach)
        XCTAssertTrue(r.tests.isEmpty)
        XCTAssertNil(r.stressCapitalBuffer)
        let w = r.waterfall
        XCTAssertEqual([w.startBP, w.ppnrBP, w.creditLossesBP, w.otherLossesAndTaxesBP, w.distributionsBP, w.rwaGrowthBP,
                        w.endBP], [1_200, 270, -450, -21.25, -120, 0, 878.75])
        XCTAssertEqual(w.minimumBP, 878.75)
        XCTAssertTrue(r.missingIncomeLines.isEmpty)
    }

    /// The model's credit RWA grows 6.25%, 18.75%, 12.5%: the reported 100,000 (all
    /// credit, no other RWA) grows by as much.
    func testRWAPathScalesTheReportedCreditRWA() {
        let b = Fixtures.balanceSheet(ppnr: [1_000, 900, 800], taxRate: 0.25, distributions: [400, 400, 400],
                                      otherLosses: [100, 0, 50])
        let path = CreditRWAPath(jumpOff: 80_000, periods: [85_000, 95_000, 90_000])
        let r = Self.project(losses: [1_500, 2_500, 500], creditRWA: path, b)
        XCTAssertEqual(r.rwa, [106_250, 118_750, 112_500])
        XCTAssertEqual(r.cet1, [11_000, 9_000, 8_787.5])
        XCTAssertEqual(r.cet1Ratio, [11_000 / 106_250, 9_000 / 118_750, 8_787.5 / 112_500])
        XCTAssertEqual(r.minPeriod, "2027")
        // RWA growth effect = CET1_T/RWA_T − CET1_T/RWA_0.
        XCTAssertEqual(r.waterfall.rwaGrowthBP, (8_787.5 / 112_500 - 8_787.5 / 100_000) * 10_000, accuracy: 1e-5)
        XCTAssertEqual(r.waterfall.endBP, 8_787.5 / 112_500 * 10_000, accuracy: 1e-6)
        // To the minimum (2027, index 1): PPNR 1,900, losses 4,000, other 100, no tax,
        // distributions 800 over RWA_0 = 100,000; RWA growth the residual to 9,000/118,750.
        guard let m = r.waterfallToMinimum else { return XCTFail("no waterfall to the minimum") }
        let rwa0 = 100_000.0
        XCTAssertEqual(m.startBP, 12_000 / rwa0 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.ppnrBP, 1_900 / rwa0 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.creditLossesBP, -4_000 / rwa0 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.otherLossesAndTaxesBP, -100 / rwa0 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.distributionsBP, -800 / rwa0 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.endBP, 9_000 / 118_750 * 10_000, accuracy: 1e-5)
        XCTAssertEqual(m.endBP, m.minimumBP, accuracy: 1e-5, "ends at the minimum")
        XCTAssertEqual(m.startBP + m.ppnrBP + m.creditLossesBP + m.otherLossesAndTaxesBP + m.distributionsBP + m.rwaGrowthBP,
                       m.endBP, "adds up exactly")
        XCTAssertEqual(m.minPeriod, "2027")
        // Without a reported RWA: credit RWA + other RWA, the credit part moving with the model.
        var noRWA = b
        noRWA.capital.rwa = nil
        noRWA.capital.otherRWA = 20_000
        let s = Self.project(losses: [1_500, 2_500, 500], creditRWA: path, noRWA)
        XCTAssertEqual(s.startRWA, 100_000)
        XCTAssertEqual(s.rwa, [105_000, 115_000, 110_000])
        // Reported 100,000 with 20,000 other: the 80,000 credit part scales.
        var withOther = b
        withOther.capital.otherRWA = 20_000
        XCTAssertEqual(Self.project(losses: [0, 0, 0], creditRWA: path, withOther).rwa, [105_000, 115_000, 110_000])
        // Floored at the starting point: a benign path releases no RWA.
        let benign = CreditRWAPath(jumpOff: 80_000, periods: [70_000, 60_000, 84_000])
        XCTAssertEqual(Self.project(losses: [0, 0, 0], creditRWA: benign, b).rwa, [100_000, 100_000, 105_000])
        // Held at jump-off without a path.
        XCTAssertEqual(Self.project(losses: [0, 0, 0], creditRWA: CreditRWAPath(jumpOff: 80_000), noRWA).rwa,
                       [100_000, 100_000, 100_000])
    }

    func testQuarterlyProjectionTakesAQuarterOfTheAnnualLines() {
        let quarters = (1...9).map { "Q\($0)" }
        let b = Fixtures.balanceSheet(ppnr: [4_000, 8_000, 12_000], distributions: [800, 1_200, 1_200],
                                      otherLosses: [400])
        let r = Self.project(.ccar, frequency: .quarterly, periods: quarters, losses: Array(repeating: 0, count: 9), b)
        XCTAssertEqual(r.ppnr, [1_000, 1_000, 1_000, 1_000, 2_000, 2_000, 2_000, 2_000, 3_000])
        XCTAssertEqual(r.plannedDistributions, [200, 200, 200, 200, 300, 300, 300, 300, 300])
        XCTAssertEqual(r.otherLosses, [100, 100, 100, 100, 0, 0, 0, 0, 0])
        XCTAssertEqual(r.missingIncomeLines, ["other_losses"])
        // A scenario's PPNR overrides the balance sheet's; a short one counts as missing.
        let s = Self.project(.ccar, frequency: .quarterly, periods: quarters, losses: Array(repeating: 0, count: 9),
                             ppnr: [5, 5, 5], b)
        XCTAssertEqual(s.ppnr, [5, 5, 5, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(s.missingIncomeLines, ["other_losses", "ppnr"])
        XCTAssertEqual(Self.project(losses: [0, 0, 0], Fixtures.balanceSheet()).missingIncomeLines, ["ppnr"])
    }

    // MARK: - Identities

    /// Over random balance sheets, losses and RWA paths, for every framework: every ratio
    /// is its amount over its denominator, Tier 1 and total capital add AT1 and Tier 2,
    /// CET1 rolls forward by the income lines shown, taxes are on profits only, paid
    /// distributions never exceed planned ones, and the waterfall adds up exactly.
    func testIdentitiesOverRandomInputs() {
        var state: UInt64 = 42
        func u() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        for trial in 0..<400 {
            let framework = Framework.allCases[trial % 4]
            let quarterly = framework == .ccar
            let n = quarterly ? 9 : 3 + trial % 4
            let rwa0 = 50_000 + 100_000 * u()
            let b = Fixtures.balanceSheet(
                cet1: rwa0 * (0.05 + 0.1 * u()), at1: 2_000 * u(), tier2: 3_000 * u(), rwa: trial % 3 == 0 ? nil : rwa0,
                otherRWA: 10_000 * u(), leverageExposure: rwa0 * (2 + 2 * u()),
                ppnr: (0..<3).map { _ in 4_000 * u() - 500 }, taxRate: 0.3 * u(),
                distributions: (0..<3).map { _ in 1_500 * u() }, otherLosses: (0..<2).map { _ in 300 * u() },
                systemicReferencePoint: 0.01 * u(), ccyb: 0.01 * u(), systemic: 0.02 * u())
            let losses = (0..<n).map { _ in 6_000 * u() * u() }
            let jumpOff = 40_000 + 60_000 * u()
            let path = CreditRWAPath(jumpOff: jumpOff, periods: (0..<n).map { _ in jumpOff * (0.8 + 0.5 * u()) })
            let periods = (0..<n).map { "P\($0 + 1)" }
            let r = Self.project(framework, frequency: quarterly ? .quarterly : .annual, periods: periods,
                                 losses: losses, creditRWA: trial % 5 == 0 ? nil : path, b,
                                 options: CapitalOptions(restrictDistributions: trial % 2 == 0))
            var previous = b.capital.cet1
            for t in 0..<n {
                XCTAssertEqual(r.cet1Ratio[t], r.rwa[t] > 0 ? r.cet1[t] / r.rwa[t] : 0)
                XCTAssertEqual(r.tier1Ratio[t], r.rwa[t] > 0 ? r.tier1[t] / r.rwa[t] : 0)
                XCTAssertEqual(r.totalCapitalRatio[t], r.rwa[t] > 0 ? r.totalCapital[t] / r.rwa[t] : 0)
                XCTAssertEqual(r.leverageRatio[t], r.tier1[t] / r.leverageExposure)
                XCTAssertEqual(r.tier1[t], r.cet1[t] + b.capital.at1)
                XCTAssertEqual(r.totalCapital[t], r.tier1[t] + b.capital.tier2)
                let preTax = r.ppnr[t] - r.creditLosses[t] - r.otherLosses[t]
                XCTAssertEqual(r.taxes[t], max(preTax, 0) * b.income.taxRate)
                XCTAssertEqual(r.cet1[t], previous + preTax - r.taxes[t] - r.distributions[t],
                               accuracy: 1e-9 * b.capital.cet1)
                XCTAssertLessThanOrEqual(r.distributions[t], r.plannedDistributions[t])
                XCTAssertEqual(r.mda[t].distributions, r.distributions[t])
                if let cap = r.mda[t].maximumDistributableAmount, trial % 2 == 0 {
                    XCTAssertLessThanOrEqual(r.distributions[t], cap)
                }
                previous = r.cet1[t]
            }
            XCTAssertEqual(r.minCET1Ratio, r.cet1Ratio.min()!)
            XCTAssertEqual(r.minPeriod, periods[r.cet1Ratio.firstIndex(of: r.minCET1Ratio)!])
            XCTAssertEqual(r.depletionBP, (r.startCET1Ratio - r.minCET1Ratio) * 10_000)
            for test in r.tests {
                let series = [CapitalMeasure.cet1Ratio: r.cet1Ratio, .tier1Ratio: r.tier1Ratio,
                              .totalCapitalRatio: r.totalCapitalRatio, .leverageRatio: r.leverageRatio][test.measure]!
                XCTAssertEqual(test.minimum, series.min()!)
                XCTAssertEqual(test.breach, series.min()! < test.threshold)
            }
            XCTAssertEqual(r.anyBreach, r.tests.contains { $0.breach })
            Self.assertWaterfallAddsUp(r, b)
        }
    }

    static func assertWaterfallAddsUp(_ r: CapitalResult, _ b: BalanceSheet, file: StaticString = #filePath,
                                      line: UInt = #line) {
        let w = r.waterfall
        // Exactly, in both orders.
        XCTAssertEqual(w.startBP + w.ppnrBP + w.creditLossesBP + w.otherLossesAndTaxesBP + w.distributionsBP
                       + w.rwaGrowthBP, w.endBP, file: file, line: line)
        XCTAssertEqual(w.rwaGrowthBP + w.distributionsBP + w.otherLossesAndTaxesBP + w.creditLossesBP + w.ppnrBP
                       + w.startBP, w.endBP, file: file, line: line)
        // Each step is its definition to the 2⁻²⁰ bp grid.
        let rwa0 = r.startRWA, end = r.cet1.last!
        let grid = 0x1p-20
        XCTAssertEqual(w.startBP, r.startCET1Ratio * 10_000, accuracy: grid, file: file, line: line)
        XCTAssertEqual(w.endBP, r.cet1Ratio.last! * 10_000, accuracy: grid, file: file, line: line)
        XCTAssertEqual(w.ppnrBP, r.ppnr.reduce(0, +) / rwa0 * 10_000, accuracy: grid, file: file, line: line)
        XCTAssertEqual(w.creditLossesBP, -r.creditLosses.reduce(0, +) / rwa0 * 10_000, accuracy: grid, file: file, line: line)
        XCTAssertEqual(w.otherLossesAndTaxesBP, -(r.otherLosses.reduce(0, +) + r.taxes.reduce(0, +)) / rwa0 * 10_000,
                       accuracy: grid, file: file, line: line)
        XCTAssertEqual(w.distributionsBP, -r.distributions.reduce(0, +) / rwa0 * 10_000, accuracy: grid,
                       file: file, line: line)
        XCTAssertEqual(w.rwaGrowthBP, (end / r.rwa.last! - end / rwa0) * 10_000, accuracy: 1e-8 * max(1, abs(w.startBP)),
                       file: file, line: line)
        XCTAssertEqual(w.minimumBP, r.minCET1Ratio * 10_000, accuracy: grid, file: file, line: line)
    }

    // MARK: - Framework tests

    func testBoEHurdleIncludesTheSystemicReferencePointAndLeverageHurdle() {
        let periods = (2026...2030).map(String.init)
        func run(loss: Double, leverageExposure: Double) -> CapitalResult {
            let b = Fixtures.balanceSheet(cet1: 5_600, at1: 0, rwa: 100_000, leverageExposure: leverageExposure,
                                          systemicReferencePoint: 0.01)
            return Self.project(.boe, periods: periods, losses: [0, 0, loss, 0, 0], b)
        }
        let breached = run(loss: 110, leverageExposure: 200_000)      // 5,490 / 100,000 = 5.49% < 5.5%
        XCTAssertEqual(breached.hurdle, 0.055)
        XCTAssertEqual(breached.minPeriod, "2028")
        XCTAssertTrue(breached.breach)
        XCTAssertEqual(breached.leverageHurdle, 0.0325)
        XCTAssertTrue(breached.leverageBreach)                        // 5,490 / 200,000 = 2.745%
        XCTAssertTrue(breached.anyBreach)
        let held = run(loss: 90, leverageExposure: 150_000)           // 5.51%, leverage 3.67%
        XCTAssertFalse(held.breach)
        XCTAssertFalse(held.leverageBreach)
        XCTAssertFalse(held.anyBreach)
        XCTAssertEqual(held.tests.map(\.name), ["cet1_hurdle", "leverage_hurdle"])
        // Exactly at the hurdle is not a breach.
        XCTAssertFalse(run(loss: 100, leverageExposure: 150_000).breach)
    }

    func testCCARMinimums() {
        let quarters = (1...9).map { "2026Q\($0)" }
        let b = Fixtures.balanceSheet(cet1: 5_000, at1: 500, tier2: 2_000, rwa: 100_000, leverageExposure: 100_000)
        let r = Self.project(.ccar, frequency: .quarterly, periods: quarters, losses: Array(repeating: 0, count: 9), b)
        let byName = Dictionary(uniqueKeysWithValues: r.tests.map { ($0.name, $0) })
        XCTAssertEqual(r.tests.map(\.threshold), [0.045, 0.06, 0.08, 0.04])
        XCTAssertFalse(byName["cet1_minimum"]!.breach)            // 5%
        XCTAssertTrue(byName["tier1_minimum"]!.breach)            // 5.5% < 6%
        XCTAssertTrue(byName["total_capital_minimum"]!.breach)    // 7.5% < 8%
        XCTAssertFalse(byName["tier1_leverage_minimum"]!.breach)  // 5.5% ≥ 4%
        XCTAssertEqual(byName["tier1_minimum"]!.minimum, 0.055)
        XCTAssertFalse(r.breach)
        XCTAssertTrue(r.anyBreach)
        XCTAssertEqual(r.leverageHurdle, 0.04)
    }

    func testRBICRARAndCET1WithConservationBuffer() {
        let b = Fixtures.balanceSheet(cet1: 8_100, at1: 300, tier2: 500, rwa: 100_000)
        let r = Self.project(.rbi, periods: ["2026"], losses: [0], b)
        XCTAssertEqual(r.tests.map(\.name), ["crar_minimum", "cet1_with_ccb"])
        XCTAssertEqual(r.tests.map(\.threshold), [0.09, 0.08])
        XCTAssertEqual(r.tests.map(\.breach), [true, false])       // CRAR 8.9% < 9%; CET1 8.1% ≥ 8%
        XCTAssertEqual(r.hurdle, 0.08)
        XCTAssertEqual(r.requirements.minimumCET1, 0.055)
    }

    // MARK: - Distributions and the MDA

    /// CET1 7,000 of RWA 100,000 (minimum 4.5% + conservation buffer 2.5%: trigger 7%),
    /// profit 100 a year, planned distributions 300. Each year ends at 7.1% before
    /// distributions, above the buffer, but a payout may not take CET1 into it (CRD Art.
    /// 141(2)): only the 100 surplus over the trigger is paid and CET1 stays at 7%.
    func testDistributionsStopAtTheTrigger() {
        let b = Fixtures.balanceSheet(cet1: 7_000, ppnr: [1_000, 1_000, 1_000], distributions: [300, 300, 300])
        let r = Self.project(losses: [900, 900, 900], b)
        for (paid, expected) in zip(r.distributions, [100.0, 100, 100]) { XCTAssertEqual(paid, expected, accuracy: 1e-9) }
        for (cet1, expected) in zip(r.cet1, [7_000.0, 7_000, 7_000]) { XCTAssertEqual(cet1, expected, accuracy: 1e-9) }
        XCTAssertEqual(r.mda.map(\.constraint.zone), [.aboveBuffer, .aboveBuffer, .aboveBuffer])
        XCTAssertEqual(r.mda[0].cet1RatioBeforeDistributions, 0.071, accuracy: 1e-15)
        XCTAssertEqual(r.mda[0].maximumDistributableAmount ?? .nan, 100, accuracy: 1e-9)
        let unrestricted = Self.project(losses: [900, 900, 900], b, options: CapitalOptions(restrictDistributions: false))
        XCTAssertEqual(unrestricted.distributions, [300, 300, 300])
        XCTAssertEqual(unrestricted.cet1, [6_800, 6_600, 6_400])
    }

    /// Starting inside the buffer: CET1 6,800 is 6.9% before distributions, in the buffer's
    /// top quartile (60% payout), so only 60 of the 100 profit may be paid each year
    /// (6.94%, 6.98% stay in the top quartile).
    func testDistributionsInTheBufferAreCappedAtTheMDA() {
        let b = Fixtures.balanceSheet(cet1: 6_800, ppnr: [1_000, 1_000, 1_000], distributions: [300, 300, 300])
        let r = Self.project(losses: [900, 900, 900], b)
        XCTAssertEqual(r.distributions, [60, 60, 60])
        XCTAssertEqual(r.cet1, [6_840, 6_880, 6_920])
        XCTAssertEqual(r.mda.map(\.constraint.quartile), [4, 4, 4])
        XCTAssertEqual(r.mda.map(\.constraint.zone), [.buffer, .buffer, .buffer])
        XCTAssertEqual(r.mda.map(\.maximumDistributableAmount), [60, 60, 60])
        XCTAssertEqual(r.mda[0].cet1RatioBeforeDistributions, 0.069)
        let unrestricted = Self.project(losses: [900, 900, 900], b, options: CapitalOptions(restrictDistributions: false))
        XCTAssertEqual(unrestricted.distributions, [300, 300, 300])
        XCTAssertEqual(unrestricted.cet1, [6_600, 6_400, 6_200])
        XCTAssertEqual(unrestricted.mda.map(\.maximumDistributableAmount), [60, 60, 60])
        // A countercyclical buffer of 1% widens the buffer to 3.5%: 6.9% is in its third quartile (40%).
        let ccyb = Self.project(losses: [900, 900, 900], Fixtures.balanceSheet(cet1: 6_800, ppnr: [1_000, 1_000, 1_000],
                                                                               distributions: [300, 300, 300], ccyb: 0.01))
        XCTAssertEqual(ccyb.mda[0].constraint.quartile, 3)
        XCTAssertEqual(ccyb.distributions[0], 40, accuracy: 1e-12)
        XCTAssertEqual(ccyb.requirements.combinedBuffer, 0.035, accuracy: 1e-15)
    }

    // MARK: - Stress capital buffer

    /// PPNR 1,000 a quarter, losses 3,000/3,000/2,000 in the first three quarters, no tax:
    /// without distributions CET1 runs 10,000, 8,000, 7,000 (the minimum, 7%), then rises.
    /// Decline 12% − 7% = 5%; planned dividends in quarters 4–7 are 200 + 3·300 = 1,100,
    /// 1.1% of RWA_start: SCB = 6.1%.
    func testStressCapitalBuffer() {
        let quarters = (1...9).map { "Q\($0)" }
        let losses: [Double] = [3_000, 3_000, 2_000, 0, 0, 0, 0, 0, 0]
        let b = Fixtures.balanceSheet(ppnr: [4_000, 4_000, 4_000], distributions: [800, 1_200, 1_200])
        let r = Self.project(.ccar, frequency: .quarterly, periods: quarters, losses: losses, b)
        let scb = r.stressCapitalBuffer!
        XCTAssertEqual(scb.minCET1Ratio, 0.07)
        XCTAssertEqual(scb.minPeriod, "Q3")
        XCTAssertEqual(scb.decline, 0.05, accuracy: 1e-15)
        XCTAssertEqual(scb.plannedDividends, 1_100)
        XCTAssertEqual(scb.dividendRWA, 100_000)
        XCTAssertEqual(scb.dividendAddOn, 0.011, accuracy: 1e-15)
        XCTAssertEqual(scb.value, 0.061, accuracy: 1e-15)
        // The projection itself pays distributions, so its own minimum is lower.
        XCTAssertLessThan(r.minCET1Ratio, scb.minCET1Ratio)

        // The floor of 2.5%.
        let mild = Self.project(.ccar, frequency: .quarterly, periods: quarters,
                                losses: [1_200, 1_000, 1_000, 0, 0, 0, 0, 0, 0], b)
        XCTAssertEqual(mild.stressCapitalBuffer!.decline + mild.stressCapitalBuffer!.dividendAddOn, 0.002 + 0.011,
                       accuracy: 1e-15)
        XCTAssertEqual(mild.stressCapitalBuffer!.value, 0.025)

        // The add-on over the RWA of the minimum quarter (12 CFR 225.8(f)(2)(i)(B) wording).
        let path = CreditRWAPath(jumpOff: 100_000, periods: [100_000, 105_000, 110_000, 110_000, 110_000, 110_000,
                                                             110_000, 110_000, 110_000])
        let atMinimum = Self.project(.ccar, frequency: .quarterly, periods: quarters, losses: losses, creditRWA: path, b,
                                     options: CapitalOptions(dividendAddOnRWA: .minimumQuarter))
        let s = atMinimum.stressCapitalBuffer!
        XCTAssertEqual(s.minPeriod, "Q3")
        XCTAssertEqual(s.dividendRWA, 110_000, accuracy: 1e-9)
        XCTAssertEqual(s.value, 0.12 - 7_000.0 / 110_000 + 1_100.0 / 110_000, accuracy: 1e-14)
        XCTAssertNil(Self.project(.boe, periods: (1...5).map { "\($0)" }, losses: [0, 0, 0, 0, 0], b).stressCapitalBuffer)
    }

    // MARK: - results.json

    func testEncodesTheInterfaceKeys() throws {
        let quarters = (1...9).map { "Q\($0)" }
        let b = Fixtures.balanceSheet(ppnr: [4_000, 4_000, 4_000], distributions: [800, 1_200, 1_200])
        let r = Self.project(.ccar, frequency: .quarterly, periods: quarters,
                             losses: [3_000, 3_000, 2_000, 0, 0, 0, 0, 0, 0], b)
        let data = try JSONEncoder().encode(r)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        for key in ["cet1_ratio", "min_cet1_ratio", "min_period", "hurdle", "breach", "rwa", "leverage_ratio",
                    "stress_capital_buffer", "waterfall", "tier1_ratio", "total_capital_ratio", "mda", "tests",
                    "depletion_bp", "start_cet1_ratio", "cet1", "tier1", "total_capital", "leverage_exposure"] {
            XCTAssertNotNil(object[key], key)
        }
        XCTAssertNil(object["missing_income_lines"])
        XCTAssertEqual((object["waterfall"] as! [String: Any]).keys.sorted(),
                       ["credit_losses_bp", "deductions_bp", "distributions_bp", "end_bp", "min_period", "minimum_bp",
                        "other_losses_and_taxes_bp", "ppnr_bp", "rwa_growth_bp", "start_bp"])
        let decoded = try JSONDecoder().decode(CapitalResult.self, from: data)
        XCTAssertEqual(decoded, r)
    }
}
