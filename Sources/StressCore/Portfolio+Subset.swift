extension Portfolio {
    /// The exposures not in default at jump-off (`isDefaulted`): the book a credit
    /// portfolio model simulates (defaulted exposures are provisioned, not at risk of
    /// default). The portfolio itself when no exposure is in default.
    public func performing() -> Portfolio {
        let keep = defaultedFlags().map { $0 == 0 }
        guard keep.contains(false) else { return self }
        return subset(keep)
    }

    /// `performing()` with only the columns a credit portfolio model reads: identity, PD,
    /// LGD, EAD, asset class, segment, sector, country and turnover (the SME correlation,
    /// CRE31.15). The credit VaR and the factor risk run on it; the other columns (terms,
    /// rates, provisions, collateral, ratings …) would be a second copy of most of the book,
    /// 1.3 GB at 10M exposures.
    public func performingCreditRiskBook() -> Portfolio {
        var lean = Portfolio()
        lean.ids = ids; lean.pd = pd; lean.lgd = lgd; lean.ead = ead; lean.assetClass = assetClass
        lean.segment = segment; lean.sector = sector; lean.country = country
        lean.turnoverEURm = turnoverEURm
        // The flags come from the full book: stage and default flag are not kept.
        let keep = defaultedFlags().map { $0 == 0 }
        guard keep.contains(false) else { return lean }
        return lean.subset(keep)
    }

    /// The rows of `range`, every column kept, text columns with the whole book's levels:
    /// an exposure-range shard's book (docs/SCALE-OUT.md). Row by row it is the book's, so
    /// per-exposure figures (risk weights, provision books, stressed paths) are the same.
    public func slice(_ range: Range<Int>) -> Portfolio {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "Portfolio.slice: rows outside the book")
        func pick<T>(_ a: [T]) -> [T] { a.count == count ? Array(a[range]) : a }
        func pick<T>(_ a: [T]?) -> [T]? { a.map { pick($0) } }
        func pick(_ c: CategoricalColumn) -> CategoricalColumn { c.count == count ? c.slice(range) : c }
        var p = Portfolio()
        p.ids = pick(ids); p.pd = pick(pd); p.lgd = pick(lgd); p.ead = pick(ead)
        p.assetClass = pick(assetClass)
        p.segment = pick(segment); p.sector = pick(sector); p.country = pick(country)
        p.rating = pick(rating); p.currency = pick(currency)
        p.maturity = pick(maturity); p.turnoverEURm = pick(turnoverEURm); p.drawn = pick(drawn)
        p.undrawn = pick(undrawn); p.ccf = pick(ccf); p.collateralValue = pick(collateralValue)
        p.amortisation = pick(amortisation); p.stage = pick(stage); p.daysPastDue = pick(daysPastDue)
        p.defaultFlag = pick(defaultFlag); p.originationPD = pick(originationPD); p.remainingTerm = pick(remainingTerm)
        p.maturityDate = pick(maturityDate); p.eir = pick(eir); p.provision = pick(provision)
        p.writeOffPolicy = pick(writeOffPolicy)
        return p
    }

    /// The rows at `indices`, in that order, every column kept.
    public func rows(_ indices: [Int]) -> Portfolio {
        func pick<T>(_ a: [T]) -> [T] { a.count == count ? indices.map { a[$0] } : a }
        func pick<T>(_ a: [T]?) -> [T]? { a.map { pick($0) } }
        func pick(_ c: CategoricalColumn) -> CategoricalColumn { c.count == count ? c.rows(indices) : c }
        var p = Portfolio()
        p.ids = pick(ids); p.pd = pick(pd); p.lgd = pick(lgd); p.ead = pick(ead)
        p.assetClass = pick(assetClass)
        p.segment = pick(segment); p.sector = pick(sector); p.country = pick(country)
        p.rating = pick(rating); p.currency = pick(currency)
        p.maturity = pick(maturity); p.turnoverEURm = pick(turnoverEURm); p.drawn = pick(drawn)
        p.undrawn = pick(undrawn); p.ccf = pick(ccf); p.collateralValue = pick(collateralValue)
        p.amortisation = pick(amortisation); p.stage = pick(stage); p.daysPastDue = pick(daysPastDue)
        p.defaultFlag = pick(defaultFlag); p.originationPD = pick(originationPD); p.remainingTerm = pick(remainingTerm)
        p.maturityDate = pick(maturityDate); p.eir = pick(eir); p.provision = pick(provision)
        p.writeOffPolicy = pick(writeOffPolicy)
        return p
    }

    /// The rows where `keep` is true, every column kept in row order.
    public func subset(_ keep: [Bool]) -> Portfolio {
        precondition(keep.count == count, "Portfolio.subset: one flag per exposure")
        return rows(keep.indices.filter { keep[$0] })
    }
}
