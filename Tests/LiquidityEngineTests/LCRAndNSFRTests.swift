import LiquidityEngine
import StressCore
import XCTest

final class LCRAndNSFRTests: XCTestCase {
    // MARK: - The sample bank

    /// The sample bank was designed for LCR ≈ 140% with stable retail at 5% and NSFR ≈ 120%.
    func testSampleBankLCRAndNSFRAreRealistic() throws {
        let lcr = try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank)
        XCTAssertGreaterThan(lcr.lcr, 1.30)
        XCTAssertLessThan(lcr.lcr, 1.60)
        XCTAssertFalse(lcr.level2BCapBinds || lcr.level2CapBinds || lcr.inflowCapBinds)
        let nsfr = try LiquidityEngine.netStableFunding(Fixtures.sampleBank)
        XCTAssertGreaterThan(nsfr.nsfr, 1.10)
        XCTAssertLessThan(nsfr.nsfr, 1.30)
        XCTAssertTrue(nsfr.meetsMinimum)
    }

    /// The sample bank's figures worked by hand from the Basel rates.
    func testSampleBankBreakdownByHand() throws {
        let lcr = try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank)
        let hqla = 568_167_021 + 0.85 * 138_885_272 + 0.5 * 50_503_735
        let outflows = 0.05 * 2_083_279_078 + 0.10 * 757_556_028 + 0.25 * 505_037_352 + 0.40 * 441_907_683
            + 1.00 * 220_953_842 + 0.05 * 22_706_202 + 0.10 * 428_943_914
        let inflows = 0.50 * 252_518_676 + 1.00 * 126_259_338
        assertClose(lcr.hqla, hqla)
        assertClose(lcr.totalOutflows, outflows)
        assertClose(lcr.totalInflows, inflows)
        assertClose(lcr.netCashOutflows, outflows - inflows)
        assertClose(lcr.lcr, hqla / (outflows - inflows))
        assertClose(lcr.outflowsByCategory["retail_stable"]!, 0.05 * 2_083_279_078)
        assertClose(lcr.inflowsByCategory["non_financial"]!, 0.5 * 252_518_676)

        let nsfr = try LiquidityEngine.netStableFunding(Fixtures.sampleBank)
        let asf = 360_851_687 + 1_262_593_381 + 0.95 * 2_083_279_078 + 0.90 * 757_556_028
            + 0.50 * (505_037_352 + 441_907_683)
        let rsf = 0.05 * 568_167_021 + 0.15 * 138_885_272 + 0.50 * 50_503_735 + 0.50 * 320_391_195
            + 0.65 * 1_583_697_651 + 0.85 * (2_140_767_864 + 84_029_993) + 757_556_028 + 0.05 * 451_650_116
        assertClose(nsfr.availableStableFunding, asf)
        assertClose(nsfr.requiredStableFunding, rsf)
        assertClose(nsfr.nsfr, asf / rsf)
        XCTAssertEqual(nsfr.availableByCategory["other_liabilities"], 0)
        assertClose(nsfr.requiredByCategory["off_balance_sheet"]!, 0.05 * 451_650_116)
    }

    /// A jurisdiction's 3% for stable deposits (d238 ¶78) lowers outflows by 2% of them.
    func testThreePercentStableDepositsRaiseTheLCR() throws {
        var rates = LiquidityRates.basel
        rates.outflows["retail_stable"]?.runOff = 0.03
        let basel = try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank)
        let lower = try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank, rates: rates)
        assertClose(basel.netCashOutflows - lower.netCashOutflows, 0.02 * 2_083_279_078)
        XCTAssertGreaterThan(lower.lcr, basel.lcr)
    }

    /// Cash and central bank reserves take 0% RSF under Basel (d295 ¶36); the seed puts
    /// them with Level 1 at 5%.
    func testCashAndReservesNeedNoStableFunding() throws {
        let result = try LiquidityEngine.netStableFunding(BalanceSheet.Liquidity(
            nsfrAvailable: ["regulatory_capital": 10], nsfrRequired: ["cash_and_reserves": 100, "level1": 100]))
        XCTAssertEqual(result.requiredStableFunding, 5)
        XCTAssertEqual(result.nsfr, 2)
    }

    /// Sums run in category name order: the same figures whatever order the map was built in.
    func testFiguresDoNotDependOnDictionaryOrder() throws {
        let reference = try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank)
        for _ in 0..<20 {
            var shuffled = BalanceSheet.Liquidity()
            for (k, v) in Fixtures.sampleBank.hqla.shuffled() { shuffled.hqla[k] = v }
            for (k, v) in Fixtures.sampleBank.outflows.shuffled() { shuffled.outflows[k] = v }
            for (k, v) in Fixtures.sampleBank.inflows.shuffled() { shuffled.inflows[k] = v }
            let again = try LiquidityEngine.liquidityCoverage(shuffled)
            XCTAssertEqual(again.lcr.bitPattern, reference.lcr.bitPattern)
            XCTAssertEqual(again.netCashOutflows.bitPattern, reference.netCashOutflows.bitPattern)
        }
    }

    // MARK: - Errors

    func testUnknownCategoryNamesTheKeyAndTheCategoriesExpected() {
        var positions = Fixtures.sampleBank
        positions.outflows["retail_stabel"] = 5
        let error = liquidityError { try LiquidityEngine.liquidityCoverage(positions) }
        XCTAssertEqual(error?.input, .balanceSheet)
        XCTAssertEqual(error?.description, "liquidity.outflows.retail_stabel: unknown outflow category 'retail_stabel'; "
                       + "expected one of committed_facilities, committed_facilities_banks, committed_facilities_corporate, "
                       + "committed_facilities_financial, committed_facilities_retail, committed_liquidity_facilities_corporate, "
                       + "committed_liquidity_facilities_financial, corporate_non_operational, corporate_non_operational_insured, "
                       + "derivatives_net_outflows, financial, operational, other_contractual_outflows, retail_less_stable, "
                       + "retail_stable, secured_funding_level1, secured_funding_level2a, secured_funding_other")
        XCTAssertEqual(error?.inputError(file: "bank.yaml").description,
                       "bank.yaml: " + (error?.description ?? ""))

        var hqla = Fixtures.sampleBank
        hqla.hqla["level3"] = 1
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(hqla) }?.description,
                       "liquidity.hqla.level3: unknown HQLA category 'level3'; expected one of level1, level2a, level2b, level2b_rmbs")

        var rsf = Fixtures.sampleBank
        rsf.nsfrRequired["gold"] = 1
        XCTAssertEqual(liquidityError { try LiquidityEngine.netStableFunding(rsf) }?.key, "liquidity.nsfr.rsf.gold")
    }

    func testNegativeAndNonFiniteBalancesAreRefused() {
        var negative = Fixtures.sampleBank
        negative.hqla["level1"] = -5
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(negative) }?.description,
                       "liquidity.hqla.level1: expected an amount ≥ 0, found -5")
        var fraction = Fixtures.sampleBank
        fraction.inflows["financial"] = -0.5
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(fraction) }?.description,
                       "liquidity.inflows.financial: expected an amount ≥ 0, found -0.5")
        var nan = Fixtures.sampleBank
        nan.nsfrAvailable["regulatory_capital"] = .nan
        XCTAssertEqual(liquidityError { try LiquidityEngine.netStableFunding(nan) }?.description,
                       "liquidity.nsfr.asf.regulatory_capital: expected a finite amount ≥ 0, found nan")
    }

    /// Outflows whose run-off rate is 0 give zero net cash outflows, as do no outflows.
    func testZeroNetCashOutflowsAndZeroRSFAreErrors() {
        let noRunOff = BalanceSheet.Liquidity(hqla: ["level1": 10], outflows: ["secured_funding_level1": 1_000])
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(noRunOff) }, .zeroNetCashOutflowsForTests)
        let empty = BalanceSheet.Liquidity(hqla: ["level1": 10])
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(empty) }?.key, "liquidity.outflows")
        let cashOnly = BalanceSheet.Liquidity(nsfrAvailable: ["regulatory_capital": 10],
                                              nsfrRequired: ["cash_and_reserves": 100])
        XCTAssertEqual(liquidityError { try LiquidityEngine.netStableFunding(cashOnly) }?.description,
                       "liquidity.nsfr.rsf: required stable funding is zero, and the NSFR divides by it; expected at least "
                       + "one asset category with a balance > 0 and an RSF factor > 0")
    }

    func testInvalidRatesAreRefused() {
        var rates = LiquidityRates.basel
        rates.outflows["operational"]?.runOff = 1.25
        XCTAssertEqual(liquidityError { try LiquidityEngine.liquidityCoverage(Fixtures.sampleBank, rates: rates) }?.description,
                       "outflows.operational.rate: expected a fraction in [0, 1], found 1.25")
        var caps = LiquidityRates.basel
        caps.caps.level2B = LiquidityFactor(0.5, source: "test")
        XCTAssertEqual(liquidityError { try caps.validate() }?.description,
                       "caps.level2b.rate: expected a fraction in (0, 0.4] (at most the Level 2 cap), found 0.5")
        XCTAssertNoThrow(try LiquidityRates.basel.validate())
    }
}

extension LiquidityError {
    static let zeroNetCashOutflowsForTests = LiquidityError(
        input: .balanceSheet, key: "liquidity.outflows",
        message: "net cash outflows are zero, and the LCR divides by them; expected at least one outflow category "
            + "with a balance > 0 and a run-off rate > 0")
}
