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
        return picking(RangePicker(range: range))
    }

    /// The rows at `indices`, in that order, every column kept.
    public func rows(_ indices: [Int]) -> Portfolio {
        picking(IndexPicker(indices: indices))
    }

    /// Every column of the book through `picker` (columns of another length, absent ones
    /// included, are kept as they are).
    private func picking(_ picker: some RowPicker) -> Portfolio {
        func pick<T>(_ a: [T]) -> [T] { a.count == count ? picker.pick(a) : a }
        func pick<T>(_ a: [T]?) -> [T]? { a.map { pick($0) } }
        func pick(_ c: CategoricalColumn) -> CategoricalColumn { c.count == count ? picker.pick(c) : c }
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

/// Which rows a new book keeps, column by column.
private protocol RowPicker {
    func pick<T>(_ column: [T]) -> [T]
    func pick(_ column: CategoricalColumn) -> CategoricalColumn
}

/// Contiguous rows; text columns keep the book's levels.
private struct RangePicker: RowPicker {
    let range: Range<Int>
    func pick<T>(_ column: [T]) -> [T] { Array(column[range]) }
    func pick(_ column: CategoricalColumn) -> CategoricalColumn { column.slice(range) }
}

/// Rows by index, in that order; text columns keep the levels they use.
private struct IndexPicker: RowPicker {
    let indices: [Int]
    func pick<T>(_ column: [T]) -> [T] { indices.map { column[$0] } }
    func pick(_ column: CategoricalColumn) -> CategoricalColumn { column.rows(indices) }
}
