import CapitalEngine
import Foundation
import RiskMath
import StressCore
import TestSupport

/// Portfolios and balance sheets for the capital engine's tests.
enum Fixtures {
    /// A golden portfolio (Tests/Golden/credit/stress_testing.json `portfolios`): the CSV
    /// files `id,pd,lgd,ead,amortisation`, or the inline edge portfolios; every exposure
    /// corporate, no maturity column (M = 2.5), as the seed's `irb_corporate` RWA function.
    static func goldenPortfolio(_ key: String, _ table: [String: Any]) throws -> Portfolio {
        let spec = table[key] as! [String: Any]
        var p = Portfolio()
        if spec["inline"] as? Bool == true {
            p.pd = spec.doubles("pd")!
            p.lgd = spec.doubles("lgd")!
            p.ead = spec.doubles("ead")!
            p.ids = p.pd.indices.map { "\(key)-\($0)" }
        } else {
            let text = try String(contentsOf: Golden.directory.appendingPathComponent(spec["file"] as! String),
                                  encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                p.ids.append(String(fields[0]))
                p.pd.append(Double(fields[1])!)
                p.lgd.append(Double(fields[2])!)
                p.ead.append(Double(fields[3])!)
            }
        }
        p.assetClass = Array(repeating: .corporate, count: p.count)
        p.segment = CategoricalColumn(Array(repeating: "corporate", count: p.count))
        return p
    }

    /// A deterministic mixed book of `n` exposures: every asset class, maturities with
    /// blanks, SME turnovers, ratings, collateral, a few defaulted exposures.
    static func mixedPortfolio(_ n: Int, seed: UInt64 = 7) -> Portfolio {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        let classes = AssetClass.allCases
        let ratings = ["AAA", "A+", "BBB-", "BB", "B-", "CCC", "NR", "Baa2", ""]
        var p = Portfolio()
        var maturity: [Double] = [], turnover: [Double] = [], collateral: [Double] = []
        var segments: [String] = [], ratingColumn: [String] = []
        for i in 0..<n {
            let c = classes[i % classes.count]
            p.ids.append("X\(i)")
            p.pd.append(i % 97 == 0 ? 1 : min(exp(log(0.01) + 1.3 * (uniform() - 0.5) * 4), 0.6))
            p.lgd.append(0.05 + 0.9 * uniform())
            p.ead.append(1_000 + 1_000_000 * uniform())
            p.assetClass.append(c)
            maturity.append(i % 5 == 0 ? .nan : 0.5 + 6 * uniform())
            turnover.append(c == .sme ? 1 + 60 * uniform() : .nan)
            collateral.append(c == .residentialMortgage || c == .cre ? 500_000 + 1_000_000 * uniform() : .nan)
            segments.append(i % 3 == 0 ? "standardised_book" : c.rawValue)
            ratingColumn.append(ratings[i % ratings.count])
        }
        p.maturity = maturity
        p.turnoverEURm = turnover
        p.collateralValue = collateral
        p.segment = CategoricalColumn(segments)
        p.rating = CategoricalColumn(ratingColumn)
        return p
    }

    /// The Basel standardised weights as in tables/standardised-risk-weights.yaml.
    static let basel: StandardisedRiskWeights = {
        typealias W = StandardisedRiskWeights.ClassWeights
        var classes: [AssetClass: W] = [:]
        classes[.sovereign] = W(byCreditQualityStep: [0, 0.2, 0.5, 1, 1, 1.5], base: 1, defaulted: 1.5)
        classes[.bank] = W(byCreditQualityStep: [0.2, 0.3, 0.5, 1, 1, 1.5], base: 0.75, defaulted: 1.5)
        classes[.corporate] = W(byCreditQualityStep: [0.2, 0.5, 0.75, 1, 1.5, 1.5], base: 1, defaulted: 1.5)
        classes[.sme] = W(byCreditQualityStep: [0.2, 0.5, 0.75, 1, 1.5, 1.5], base: 0.85, defaulted: 1.5)
        let residential = StandardisedRiskWeights.LoanToValueBands(upTo: [0.5, 0.6, 0.8, 0.9, 1],
                                                                   weights: [0.2, 0.25, 0.3, 0.4, 0.5, 0.7])
        classes[.residentialMortgage] = W(byLoanToValue: residential, base: 0.75, defaulted: 1)
        let commercial = StandardisedRiskWeights.LoanToValueBands(upTo: [0.6, 0.8], weights: [0.7, 0.9, 1.1])
        classes[.cre] = W(byLoanToValue: commercial, base: 1.5, defaulted: 1.5)
        classes[.qrre] = W(base: 0.75, transactor: 0.45, defaulted: 1.5)
        classes[.otherRetail] = W(base: 0.75, transactor: 0.45, defaulted: 1.5)
        return StandardisedRiskWeights(name: "basel-cre20", classes: classes)
    }()

    static func balanceSheet(cet1: Double = 12_000, at1: Double = 1_500, tier2: Double = 2_000, rwa: Double? = 100_000,
                             otherRWA: Double = 0, leverageExposure: Double = 300_000, ppnr: [Double] = [],
                             taxRate: Double = 0, distributions: [Double] = [], otherLosses: [Double] = [],
                             systemicReferencePoint: Double = 0, ccyb: Double = 0, systemic: Double = 0) -> BalanceSheet {
        BalanceSheet(asOf: "2025-12-31", currency: "EUR",
                     capital: .init(cet1: cet1, at1: at1, tier2: tier2, rwa: rwa, otherRWA: otherRWA,
                                    leverageExposure: leverageExposure, systemicReferencePoint: systemicReferencePoint,
                                    countercyclicalBuffer: ccyb, systemicBuffer: systemic),
                     income: .init(ppnr: ppnr, taxRate: taxRate, distributions: distributions, otherLosses: otherLosses))
    }
}
