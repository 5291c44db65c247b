import StressCore

/// The validated table file (StressCore's `StandardisedRiskWeightTable`, which Inputs loads) as
/// the engine's weights, field for field.
extension StandardisedRiskWeights {
    public init(_ t: StandardisedRiskWeightTable) {
        var classes: [AssetClass: ClassWeights] = [:]
        for (c, e) in t.classes {
            var bands: LoanToValueBands? = nil
            if let upTo = e.loanToValueBounds, let weights = e.loanToValueWeights {
                bands = LoanToValueBands(upTo: upTo, weights: weights)
            }
            var coverage: CoverageBands? = nil
            if let atLeast = e.defaultedCoverageBounds, let weights = e.defaultedCoverageWeights {
                coverage = CoverageBands(atLeast: atLeast, weights: weights)
            }
            classes[c] = ClassWeights(byCreditQualityStep: e.byCreditQualityStep, byLoanToValue: bands,
                                      byRating: e.byRating, byCountryRiskClassification: e.byCountryRiskClassification,
                                      undrawnCCF: e.undrawnCCF, base: e.base, transactor: e.transactor,
                                      defaulted: e.defaulted, defaultedByCoverage: coverage)
        }
        self.init(name: t.name, classes: classes, countryRiskClassification: t.countryRiskClassification,
                  defaultedNetOfProvisions: t.defaultedNetOfProvisions)
    }
}
