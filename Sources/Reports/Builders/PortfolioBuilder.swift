import StressCore
import StressRun

/// The jump-off portfolio (results.json `portfolio`) by segment, asset class,
/// sector and country, and the balance sheet's capital. Totals are formulas:
/// Σ exposures, Σ EAD, Σ EL, and the EAD-weighted PD and LGD as
/// SUMPRODUCT(PD, EAD)/SUM(EAD), each equal to the portfolio figure.
enum PortfolioBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let p = context.results.portfolio
        var blocks: [ReportBlock] = []
        if let b = context.results.balanceSheet {
            let bp = ResultPointer(["balance_sheet"])
            blocks.append(.heading("Capital at jump-off (balance sheet)"))
            blocks.append(.fields([
                Field(context.amountHeader("CET1 capital"), .amount(b.cet1), source: bp.appending("cet1")),
                Field(context.amountHeader("RWA"), .optional(b.rwa) { .amount($0) }, source: bp.appending("rwa")),
                Field("CET1 ratio", .optional(b.cet1Ratio) { .percent($0) }, source: bp.appending("cet1_ratio")),
                Field("Tier 1 ratio", .optional(b.tier1Ratio) { .percent($0) }, source: bp.appending("tier1_ratio")),
                Field("Total capital ratio", .optional(b.totalCapitalRatio) { .percent($0) },
                      source: bp.appending("total_capital_ratio")),
                Field("Leverage ratio", .percent(b.leverageRatio), source: bp.appending("leverage_ratio")),
            ]))
        }
        blocks.append(.heading("Portfolio at jump-off"))
        for (dimension, key, buckets) in [("Segment", "by_segment", p.bySegment), ("Asset class", "by_asset_class", p.byAssetClass),
                                          ("Sector", "by_sector", p.bySector), ("Country", "by_country", p.byCountry)]
        where !buckets.isEmpty {
            blocks.append(.table(bucketTable(dimension: dimension, key: key, buckets, p, context)))
        }
        return [ReportSheet(name: Naming.tab(entry.title ?? "Portfolio", nil), title: "Portfolio and capital at jump-off",
                            subtitle: ScenarioSheets.subtitle(context), blocks: blocks)]
    }

    static func bucketTable(dimension: String, key: String, _ buckets: [String: PortfolioSummary.Bucket],
                            _ p: PortfolioSummary, _ context: BuildContext) -> ReportTable {
        let names = buckets.keys.sorted()
        let root = ResultPointer(["portfolio"])
        func weighted(_ column: Int, _ value: Double, _ key: String) -> SummaryCell {
            .formula(FormulaCell(.divide(.sumProduct([.column(column), .column(2)]), .sum(.column(2))), equals: value,
                                 kind: .percent(decimals: 3), source: root.appending(key)))
        }
        return ReportTable(id: "portfolio-\(key)", caption: "By \(dimension.lowercased())", columns: [
            .text(dimension, names),
            .numbers("Exposures", .count, names.map { Double(buckets[$0]!.exposures) }),
            .numbers(context.amountHeader("EAD"), .amount, names.map { buckets[$0]!.ead }),
            .numbers(context.amountHeader("Expected loss"), .amount, names.map { buckets[$0]!.expectedLoss }),
            .numbers("EAD-weighted PD", .percent(decimals: 3), names.map { buckets[$0]!.eadWeightedPD }),
            .numbers("EAD-weighted LGD", .percent(decimals: 3), names.map { buckets[$0]!.eadWeightedLGD }),
        ], summaryRows: [SummaryRow(label: "Total", [
            .formula(FormulaCell(.sum(.column(1)), equals: Double(p.exposures), kind: .count, source: root.appending("exposures"))),
            .formula(FormulaCell(.sum(.column(2)), equals: p.totalEAD, kind: .amount, source: root.appending("total_ead"))),
            .formula(FormulaCell(.sum(.column(3)), equals: p.expectedLoss, kind: .amount, source: root.appending("expected_loss"))),
            weighted(4, p.eadWeightedPD, "ead_weighted_pd"),
            weighted(5, p.eadWeightedLGD, "ead_weighted_lgd"),
        ])])
    }
}
