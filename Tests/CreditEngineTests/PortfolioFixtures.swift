import StressCore

/// Small portfolios built in code for the engine tests.
enum PortfolioFixtures {
    static func make(pd: [Double], lgd: [Double], ead: [Double], assetClass: [AssetClass]? = nil,
                     segment: [String]? = nil, collateral: [Double]? = nil,
                     amortisation: [Double]? = nil) -> Portfolio {
        var p = Portfolio()
        p.ids = pd.indices.map { "E\($0)" }
        p.pd = pd
        p.lgd = lgd
        p.ead = ead
        p.assetClass = assetClass ?? Array(repeating: .corporate, count: pd.count)
        p.segment = CategoricalColumn(segment ?? Array(repeating: "Book", count: pd.count))
        p.sector = CategoricalColumn(Array(repeating: "", count: pd.count))
        p.country = CategoricalColumn(Array(repeating: "DE", count: pd.count))
        p.rating = CategoricalColumn(Array(repeating: "", count: pd.count))
        p.currency = CategoricalColumn(Array(repeating: "EUR", count: pd.count))
        p.collateralValue = collateral
        p.amortisation = amortisation
        return p
    }

    /// A deterministic mixed portfolio of n exposures (SplitMix-style hash).
    static func mixed(_ n: Int, seed: UInt64 = 1) -> Portfolio {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / 9_007_199_254_740_992
        }
        let classes: [AssetClass] = [.corporate, .sme, .residentialMortgage, .qrre, .otherRetail, .bank, .sovereign, .cre]
        var pd: [Double] = [], lgd: [Double] = [], ead: [Double] = [], ac: [AssetClass] = [], seg: [String] = []
        var collateral: [Double] = []
        for _ in 0..<n {
            pd.append(0.0002 + 0.2 * next() * next())
            lgd.append(0.05 + 0.9 * next())
            ead.append(1_000 + 1_000_000 * next())
            let c = classes[Int(next() * Double(classes.count)) % classes.count]
            ac.append(c)
            seg.append(c.rawValue)
            collateral.append(c == .residentialMortgage || c == .cre ? ead.last! / (0.4 + 0.6 * next()) : .nan)
        }
        return make(pd: pd, lgd: lgd, ead: ead, assetClass: ac, segment: seg, collateral: collateral)
    }
}
