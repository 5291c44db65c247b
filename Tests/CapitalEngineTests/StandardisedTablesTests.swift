import CapitalEngine
import Inputs
import RiskMath
import StressCore
import TestSupport
import XCTest

/// The bundled US (12 CFR 217) and RBI standardised tables against worked examples from
/// the rules: each exposure's RWA is weight × exposure value, the defaulted weight on the
/// gross (US) or net-of-provisions (RBI) amount, with provisions of LGD × outstanding.
final class StandardisedTablesTests: XCTestCase {
    static func table(_ name: String) throws -> StandardisedRiskWeights {
        try StandardisedRiskWeights(StandardisedTableFile.load(
            path: TestSupport.repositoryRoot.appendingPathComponent("tables/\(name).yaml").path))
    }

    struct Case {
        var name: String
        var assetClass: AssetClass
        var ead: Double
        var pd = 0.01
        var lgd = 0.45
        var rating = ""
        var country = "US"
        var collateral = Double.nan
        var drawn = Double.nan
        var undrawn = Double.nan
        var expectedRWA: Double
    }

    /// RWA of each case as the credit engine weights it at jump-off.
    static func rwa(_ cases: [Case], table: StandardisedRiskWeights) throws -> [Double] {
        var p = Portfolio()
        p.ids = cases.map(\.name)
        p.pd = cases.map(\.pd)
        p.lgd = cases.map(\.lgd)
        p.ead = cases.map(\.ead)
        p.assetClass = cases.map(\.assetClass)
        p.rating = CategoricalColumn(cases.map(\.rating))
        p.country = CategoricalColumn(cases.map(\.country))
        p.collateralValue = cases.map(\.collateral)
        p.drawn = cases.map(\.drawn)
        p.undrawn = cases.map(\.undrawn)
        let w = try StandardisedExposureWeights(portfolio: p, table: table).columns
        return cases.indices.map { i in
            let perUnit = p.pd[i] >= 1 ? w.defaultedRWAPerUnit(i, coverage: p.lgd[i]) : w.weight[i]
            return perUnit * w.exposureFactor[i] * p.ead[i]
        }
    }

    func check(_ cases: [Case], _ table: StandardisedRiskWeights) throws {
        for (c, rwa) in zip(cases, try Self.rwa(cases, table: table)) {
            XCTAssertEqual(rwa, c.expectedRWA, accuracy: 1e-6 * max(1, c.expectedRWA), c.name)
        }
    }

    /// 12 CFR 217.32-217.33, worked by hand.
    func testUSStandardisedWorkedExamples() throws {
        let us = try Self.table("us-standardised-risk-weights")
        XCTAssertFalse(us.defaultedNetOfProvisions, "217.32(k) weights the exposure amount, not net of the allowance")
        try check([
            // 217.32(g)(1): first-lien mortgage 50%; 90 days past due: 100% under (g)(2), not 150%.
            Case(name: "first-lien mortgage", assetClass: .residentialMortgage, ead: 1_000_000, collateral: 1_500_000,
                 expectedRWA: 500_000),
            Case(name: "mortgage 90 dpd", assetClass: .residentialMortgage, ead: 1_000_000, pd: 1, lgd: 0.2,
                 expectedRWA: 1_000_000),
            // 217.32(f): corporate 100%, ratings play no part; past due 150% of the gross amount.
            Case(name: "C&I loan", assetClass: .corporate, ead: 2_000_000, rating: "AAA", expectedRWA: 2_000_000),
            Case(name: "C&I nonaccrual", assetClass: .corporate, ead: 2_000_000, pd: 1, expectedRWA: 3_000_000),
            Case(name: "SME loan", assetClass: .sme, ead: 400_000, expectedRWA: 400_000),
            Case(name: "CRE loan", assetClass: .cre, ead: 4_000_000, collateral: 6_000_000, expectedRWA: 4_000_000),
            // 217.32(a): US Treasuries 0%; OECD member without CRC 0%; non-OECD without CRC 100%.
            Case(name: "US Treasuries", assetClass: .sovereign, ead: 5_000_000, expectedRWA: 0),
            Case(name: "German Bund", assetClass: .sovereign, ead: 5_000_000, country: "DE", expectedRWA: 0),
            Case(name: "unclassified sovereign", assetClass: .sovereign, ead: 1_000_000, country: "XX",
                 expectedRWA: 1_000_000),
            // 217.32(d): US depository institution 20%; foreign bank in an OECD country 20%.
            Case(name: "US bank placement", assetClass: .bank, ead: 1_000_000, expectedRWA: 200_000),
            Case(name: "UK bank placement", assetClass: .bank, ead: 1_000_000, country: "GB", expectedRWA: 200_000),
            // 217.33(b)(3): an undrawn 3-year revolver converts at 50% (the bank's own CCF gave EAD 7.5m).
            Case(name: "undrawn revolver", assetClass: .corporate, ead: 7_500_000, drawn: 0, undrawn: 10_000_000,
                 expectedRWA: 5_000_000),
            // 217.33(b)(1): unconditionally cancelable card lines 0%; the drawn balance 100%.
            Case(name: "credit card", assetClass: .qrre, ead: 6_000, drawn: 1_000, undrawn: 10_000, expectedRWA: 1_000),
            Case(name: "consumer loan 90 dpd", assetClass: .otherRetail, ead: 10_000, pd: 1, expectedRWA: 15_000),
        ], us)
    }

    /// The RBI's Basel III master circular, paragraph 5, and the circular of 16 November 2023.
    func testRBIStandardisedWorkedExamples() throws {
        let rbi = try Self.table("rbi-standardised-risk-weights")
        XCTAssertTrue(rbi.defaultedNetOfProvisions)
        try check([
            // Paragraph 5.8: AAA 20%, AA 30% (notches ignored), A 50%, BBB 100%, BB 150%, unrated 100%.
            Case(name: "AAA corporate", assetClass: .corporate, ead: 1_000_000, rating: "AAA", expectedRWA: 200_000),
            Case(name: "AA- corporate", assetClass: .corporate, ead: 1_000_000, rating: "AA-", expectedRWA: 300_000),
            Case(name: "A corporate", assetClass: .corporate, ead: 1_000_000, rating: "A", expectedRWA: 500_000),
            Case(name: "BBB+ corporate", assetClass: .corporate, ead: 1_000_000, rating: "BBB+", expectedRWA: 1_000_000),
            Case(name: "BB corporate", assetClass: .corporate, ead: 1_000_000, rating: "BB", expectedRWA: 1_500_000),
            Case(name: "unrated corporate", assetClass: .corporate, ead: 1_000_000, expectedRWA: 1_000_000),
            // 16 November 2023: credit card receivables 150%, consumer credit 125%.
            Case(name: "credit card", assetClass: .qrre, ead: 100_000, expectedRWA: 150_000),
            Case(name: "personal loan", assetClass: .otherRetail, ead: 100_000, expectedRWA: 125_000),
            // Paragraph 5.10: housing loans LTV up to 80% 35%, 80-90% 50%.
            Case(name: "housing loan LTV 70%", assetClass: .residentialMortgage, ead: 700_000, collateral: 1_000_000,
                 expectedRWA: 245_000),
            Case(name: "housing loan LTV 85%", assetClass: .residentialMortgage, ead: 850_000, collateral: 1_000_000,
                 expectedRWA: 425_000),
            // Paragraph 5.12: NPAs net of specific provisions, 150% below 20% coverage, 100% from 20%, 50% from 50%.
            Case(name: "NPA, 10% provided", assetClass: .corporate, ead: 1_000_000, pd: 1, lgd: 0.1,
                 expectedRWA: 900_000 * 1.5),
            Case(name: "NPA, 30% provided", assetClass: .corporate, ead: 1_000_000, pd: 1, lgd: 0.3,
                 expectedRWA: 700_000),
            Case(name: "NPA, 60% provided", assetClass: .corporate, ead: 1_000_000, pd: 1, lgd: 0.6,
                 expectedRWA: 200_000),
            Case(name: "NPA housing loan, 25% provided", assetClass: .residentialMortgage, ead: 1_000_000, pd: 1,
                 lgd: 0.25, expectedRWA: 750_000 * 0.75),
            // Paragraph 5.3: foreign sovereigns AA 0%, BBB 50%.
            Case(name: "AA sovereign", assetClass: .sovereign, ead: 1_000_000, rating: "AA", expectedRWA: 0),
            Case(name: "BBB- sovereign", assetClass: .sovereign, ead: 1_000_000, rating: "BBB-", expectedRWA: 500_000),
        ], rbi)
    }

    /// The Basel table serves the output floor: CRE20.101 commitments at 40%, CRE20.103
    /// defaulted weights by provision coverage.
    func testBaselTableCarriesTheOutputFloorsRules() throws {
        let basel = try Self.table("standardised-risk-weights")
        try check([
            Case(name: "BBB corporate", assetClass: .corporate, ead: 1_000_000, rating: "BBB", expectedRWA: 750_000),
            Case(name: "undrawn commitment", assetClass: .corporate, ead: 7_500_000, rating: "BBB", drawn: 0,
                 undrawn: 10_000_000, expectedRWA: 0.4 * 10_000_000 * 0.75),
            Case(name: "defaulted, 10% provided", assetClass: .corporate, ead: 1_000_000, pd: 1, lgd: 0.1,
                 expectedRWA: 900_000 * 1.5),
            Case(name: "defaulted, 45% provided", assetClass: .corporate, ead: 1_000_000, pd: 1, lgd: 0.45,
                 expectedRWA: 550_000),
        ], basel)
    }
}
