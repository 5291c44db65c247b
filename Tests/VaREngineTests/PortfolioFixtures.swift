import Foundation
import RiskMath
import StressCore

/// Small deterministic portfolios for the Monte Carlo tests (no files).
enum PortfolioFixtures {
    /// n identical exposures: PD, LGD, EAD 1, corporate, one segment.
    static func homogeneous(_ n: Int, pd: Double = 0.01, lgd: Double = 0.45) -> Portfolio {
        var p = Portfolio()
        for i in 0..<n {
            p.ids.append("H\(i)")
            p.pd.append(pd)
            p.lgd.append(lgd)
            p.ead.append(1)
            p.assetClass.append(.corporate)
            p.segment.append("all")
            p.sector.append("Manufacturing")
            p.country.append("DE")
        }
        return p
    }

    /// A mixed book: five segments and asset classes, four sectors, three countries, PDs
    /// from 0.03% to 40% plus one PD 0, one PD 1 and one zero EAD, drawn from a Philox
    /// stream (seed 7).
    static func mixed(_ n: Int) -> Portfolio {
        let stream = RandomStream(seed: 7, stream: 99)
        let classes: [AssetClass] = [.corporate, .sme, .residentialMortgage, .qrre, .otherRetail]
        let segments = ["Corporates", "SME", "Mortgages", "Cards", "Consumer"]
        let sectors = ["Manufacturing", "Trade", "Construction", "Households"]
        let countries = ["DE", "FR", "IT"]
        var p = Portfolio()
        for i in 0..<n {
            let k = i % 5
            p.ids.append("M\(i)")
            let z = stream.normal(UInt64(4 * i))
            var pd = min(max(0.015 * exp(1.1 * z), 0.0003), 0.4)
            if i == 3 { pd = 0 }
            if i == 4 { pd = 1 }
            p.pd.append(pd)
            p.lgd.append(0.2 + 0.6 * stream.uniform(UInt64(4 * i + 1)))
            p.ead.append(i == 5 ? 0 : 1_000 * exp(1.0 * stream.normal(UInt64(4 * i + 2))))
            p.assetClass.append(classes[k])
            p.segment.append(segments[k])
            p.sector.append(k >= 2 ? "Households" : sectors[Int(stream.uniform(UInt64(4 * i + 3)) * 3)])
            p.country.append(countries[i % 3])
        }
        return p
    }
}
