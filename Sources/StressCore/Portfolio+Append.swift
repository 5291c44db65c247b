extension Portfolio {
    /// Appends `other`'s rows after these, every column (a book read in parts, in order).
    /// Both must carry the same optional columns; `other` is consumed column by column,
    /// so the two never hold more than one column twice.
    public mutating func append(contentsOf other: inout Portfolio) {
        func take<T>(_ a: inout [T], _ b: inout [T]) {
            a.append(contentsOf: b)
            b = []
        }
        func take<T>(_ a: inout [T]?, _ b: inout [T]?) {
            precondition((a == nil) == (b == nil), "Portfolio.append: the parts carry different columns")
            if a != nil {
                a!.append(contentsOf: b!)
                b = nil
            }
        }
        func take(_ a: inout CategoricalColumn, _ b: inout CategoricalColumn) {
            a.append(contentsOf: b)
            b = CategoricalColumn()
        }
        take(&ids, &other.ids); take(&pd, &other.pd); take(&lgd, &other.lgd); take(&ead, &other.ead)
        take(&assetClass, &other.assetClass)
        take(&segment, &other.segment); take(&sector, &other.sector); take(&country, &other.country)
        take(&rating, &other.rating); take(&currency, &other.currency)
        take(&maturity, &other.maturity); take(&turnoverEURm, &other.turnoverEURm); take(&drawn, &other.drawn)
        take(&undrawn, &other.undrawn); take(&ccf, &other.ccf); take(&collateralValue, &other.collateralValue)
        take(&amortisation, &other.amortisation); take(&stage, &other.stage); take(&daysPastDue, &other.daysPastDue)
        take(&defaultFlag, &other.defaultFlag); take(&originationPD, &other.originationPD)
        take(&remainingTerm, &other.remainingTerm); take(&maturityDate, &other.maturityDate); take(&eir, &other.eir)
        take(&provision, &other.provision); take(&writeOffPolicy, &other.writeOffPolicy)
    }
}
