import FactorModel
import StressCore
import StressRun

/// Where the credit risk sits by factor (results.json `factor_risk`,
/// METHODOLOGY §5): σ = √(hᵀ(XFXᵀ + Δ)h) split into Euler contributions of the
/// market, sector and country factors plus the specific part, which add up to σ;
/// then the same σ allocated to segments, sectors, countries and asset classes.
/// Every total is a SUM traced to `/factor_risk/total`.
enum FactorRiskBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        guard let f = context.results.factorRisk else { return [] }
        let pointer = ResultPointer(["factor_risk"])
        var blocks: [ReportBlock] = []
        var charts: [ChartSpec] = []

        blocks.append(.note("Measure: \(f.measure). Holdings h = EAD·LGD·φ(Φ⁻¹(PD)), the loss from a one-standard-"
                            + "deviation fall in the obligor's asset value."))
        blocks.append(.fields([
            Field(context.amountHeader("Total risk σ"), .amount(f.total), definedName: "FactorRiskTotal",
                  source: pointer.appending("total")),
            Field(context.amountHeader("Systematic σ, stand-alone"), .amount(f.systematic), source: pointer.appending("systematic")),
            Field(context.amountHeader("Specific σ, stand-alone"), .amount(f.specific), source: pointer.appending("specific")),
            Field("Systematic share of variance", .percent(f.systematicShare, decimals: 1),
                  definedName: "FactorRiskSystematicShare", source: pointer.appending("systematic_share")),
        ]))

        blocks.append(.note("Stand-alone σ add in squares (σ² = systematic² + specific²); the contributions below add "
                            + "up to σ itself (Euler). The simulated standard deviation on the VaR sheet is larger: "
                            + "this σ is first order and leaves out default clustering in the tail."))
        let groups = groupTable(f, pointer, context)
        blocks.append(.table(groups))
        if entry.charts.contains(.factorContributions) {
            charts.append(ChartSpec(kind: .bar, title: "Contributions to credit loss σ by factor group", table: groups.id,
                                    categories: .column(0), series: [ChartSeries(name: .header(column: 1), values: .column(1))],
                                    valueKind: .amount))
        }
        blocks.append(.table(factorTable(f, pointer, context)))
        for (title, key, contributions) in [("segment", "by_segment", f.bySegment), ("sector", "by_sector", f.bySector),
                                            ("country", "by_country", f.byCountry),
                                            ("asset class", "by_asset_class", f.byAssetClass)] where !contributions.isEmpty {
            blocks.append(.table(contributionTable(id: "factor-\(key.replacingOccurrences(of: "_", with: "-"))", title: title, contributions, total: f.total,
                                                  pointer, context)))
        }
        if let active = f.active {
            blocks.append(.heading("Active risk against \(active.benchmark) (scaled ×\(String(format: "%.3f", active.benchmarkScale)))"))
            blocks.append(.fields([
                Field(context.amountHeader("Active σ"), .amount(active.total), source: pointer.appending("active", "total")),
                Field(context.amountHeader("Systematic"), .amount(active.systematic)),
                Field(context.amountHeader("Specific"), .amount(active.specific)),
            ]))
        }
        blocks.append(.heading("Model"))
        blocks.append(.fields([
            Field("Factors", .count(f.model.factorCount), source: pointer.appending("model", "factor_count")),
            Field("Units", .text(f.model.units)),
            Field("Estimation", .text(f.model.estimation)),
        ] + f.model.realData.map { Field("Data", .text($0)) } + f.model.assumptions.map { Field("Assumption", .text($0)) }))
        return [ReportSheet(name: Naming.tab(entry.title ?? "Factor risk", nil),
                            title: "Factor risk of the credit book",
                            subtitle: ScenarioSheets.subtitle(context) + " · holdings weighted by "
                                + f.weighting.rawValue.replacingOccurrences(of: "_", with: " "),
                            blocks: blocks, charts: charts)]
    }

    /// Market, sector factors, country factors, specific: four rows that add up to σ.
    /// (group, contribution to σ) for the market, sector, country factors and the specific part.
    static func groupContributions(_ f: FactorRiskReport) -> [(String, Double)] {
        func sum(_ keep: (String) -> Bool) -> Double {
            f.factors.keys.sorted().filter(keep).reduce(0) { $0 + f.factors[$1]! }
        }
        return [("Market", sum { !$0.hasPrefix("sector:") && !$0.hasPrefix("country:") }),
                ("Sector factors", sum { $0.hasPrefix("sector:") }),
                ("Country factors", sum { $0.hasPrefix("country:") }),
                ("Specific (idiosyncratic)", f.specificContribution)]
    }

    static func groupTable(_ f: FactorRiskReport, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let groups = groupContributions(f)
        let values = groups.map(\.1)
        return ReportTable(id: "factor-groups", caption: "Contributions by factor group", columns: [
            .text("Group", groups.map(\.0)),
            .numbers(context.amountHeader("Contribution to σ"), .amount, values),
            ReportColumn("Share", .percent(decimals: 1), .formulas(values.indices.map { i in
                FormulaCell(.divide(.cell(.data(row: i, column: 1)), .cell(.summary(row: 0, column: 1))),
                            equals: values[i] / f.total, kind: .percent(decimals: 1), source: nil)
            })),
        ], summaryRows: [SummaryRow(label: "Total σ", [
            .formula(FormulaCell(.sum(.column(1)), equals: f.total, kind: .amount, source: pointer.appending("total"))),
            .empty,
        ])])
    }

    /// Every factor with its exposure x_k, volatility, marginal (Fx)_k/σ and Euler
    /// contribution x_k(Fx)_k/σ, largest contribution first; the specific part last.
    static func factorTable(_ f: FactorRiskReport, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let names = f.factors.keys.sorted().sorted { f.factors[$0]! > f.factors[$1]! }
        let n = names.count
        return ReportTable(id: "factor-contributions", caption: "Contributions by factor (Euler)", columns: [
            .text("Factor", names.map(FactorNames.display) + ["Specific"]),
            .numbers(context.amountHeader("Exposure x_k (per unit factor return)"), .amount,
                     names.map { f.factorExposures[$0] ?? .nan } + [.nan]),
            .numbers("Annual volatility", .percent(decimals: 1), names.map { f.factorVolatility[$0] ?? .nan } + [.nan]),
            .numbers("Marginal (Fx)_k/σ", .number(decimals: 4), names.map { f.factorMarginal[$0] ?? .nan } + [.nan]),
            .numbers(context.amountHeader("Contribution to σ"), .amount, names.map { f.factors[$0]! } + [f.specificContribution]),
        ], summaryRows: [
            SummaryRow(label: "Systematic (contribution of the factors)", [.empty, .empty, .empty, .formula(FormulaCell(
                .sum(.column(4, rows: 0...max(n - 1, 0))), equals: f.total - f.specificContribution, kind: .amount, source: nil))]),
            SummaryRow(label: "Total σ", [.empty, .empty, .empty, .formula(FormulaCell(
                .sum(.column(4)), equals: f.total, kind: .amount, source: pointer.appending("total")))]),
        ], filter: true)
    }

    static func contributionTable(id: String, title: String, _ c: [String: FactorRiskReport.Contribution], total: Double,
                                  _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let names = c.keys.sorted().sorted { c[$0]!.component > c[$1]!.component }
        let rows = names.map { c[$0]! }
        return ReportTable(id: id, caption: "Allocation of σ by \(title)", columns: [
            .text(title.prefix(1).uppercased() + title.dropFirst(),
                  title == "asset class" ? names.map(AssetClass.displayName) : names),
            .numbers(context.amountHeader("Holding"), .amount, rows.map(\.holding)),
            .numbers(context.amountHeader("Contribution to σ"), .amount, rows.map(\.component)),
            .numbers("Marginal (per unit holding)", .number(decimals: 4), rows.map(\.marginal)),
            .numbers("Share of σ", .percent(decimals: 1), rows.map(\.share)),
        ], summaryRows: [SummaryRow(label: "Total", [
            .formula(FormulaCell(.sum(.column(1)), equals: rows.reduce(0) { $0 + $1.holding }, kind: .amount, source: nil)),
            .formula(FormulaCell(.sum(.column(2)), equals: total, kind: .amount, source: pointer.appending("total"))),
            .empty,
            .formula(FormulaCell(.sum(.column(4)), equals: rows.reduce(0) { $0 + $1.share }, kind: .percent(decimals: 1),
                                 source: nil)),
        ])])
    }
}
