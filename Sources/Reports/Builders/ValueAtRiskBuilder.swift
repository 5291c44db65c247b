import StressCore
import StressRun
import VaREngine

/// Credit VaR, expected shortfall and economic capital of the jump-off book
/// (results.json `var`, METHODOLOGY §6): the Monte Carlo set-up, the measures at
/// every confidence level beside the Vasicek ASRF figures, then the allocation of
/// VaR and ES to segments, asset classes, sectors and countries. The Euler
/// contributions add up to the portfolio VaR and ES, so each table's total is a
/// SUM a reviewer can recalculate against `/var/var` and `/var/es`.
enum ValueAtRiskBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        guard let v = context.results.creditVaR else { return [] }
        let pointer = ResultPointer(["var"])
        var blocks: [ReportBlock] = []
        var charts: [ChartSpec] = []
        var names: [DefinedName] = []

        blocks.append(.heading("Monte Carlo set-up"))
        blocks.append(.fields(setUp(v, pointer, context)))
        blocks.append(.heading("Headline at \(confidenceLabel(v.confidence)) confidence"))
        var headline = [
            Field(context.amountHeader("Expected loss (Σ PD·LGD·EAD)"), .amount(v.expectedLoss),
                  source: pointer.appending("expected_loss")),
            Field(context.amountHeader("Value at risk"), .amount(v.valueAtRisk), source: pointer.appending("var")),
            Field(context.amountHeader("Expected shortfall (mean loss beyond the VaR)"), .amount(v.expectedShortfall),
                  source: pointer.appending("es")),
            Field(context.amountHeader("Economic capital (VaR − EL)"), .amount(v.unexpectedLoss),
                  definedName: "EconomicCapital", source: pointer.appending("unexpected_loss")),
        ]
        // A subnormal economic capital would make the cover infinite: no cover then, as for zero.
        if let cet1 = context.results.balanceSheet?.cet1, v.unexpectedLoss > 0, (cet1 / v.unexpectedLoss).isFinite {
            headline.append(Field("CET1 / economic capital (cover; 1.00× or more)", .number(cet1 / v.unexpectedLoss, .multiple)))
        }
        if let se = v.varStandardError {
            headline.append(Field(context.amountHeader("VaR 95% interval (± 1.96 standard errors)"),
                                  .text("\(NumberFormat.plain(v.valueAtRisk - 1.96 * se, decimals: 0)) – "
                                        + NumberFormat.plain(v.valueAtRisk + 1.96 * se, decimals: 0))))
        }
        blocks.append(.fields(headline))
        blocks.append(.note("The defined names CreditEL, CreditVaR and CreditES point at the Portfolio totals of the "
                            + "segment table below, which are formulas over the segments."))

        blocks.append(.table(levelsTable(v, pointer, context)))
        blocks.append(.table(momentsTable(v, pointer, context)))

        let segments = segmentTable(v, pointer, context)
        blocks.append(.heading("Allocation by segment at \(confidenceLabel(v.confidence))"))
        blocks.append(.table(segments))
        names.append(DefinedName("CreditEL", table: segments.id, cell: .summary(row: 0, column: 3)))
        names.append(DefinedName("CreditVaR", table: segments.id, cell: .summary(row: 0, column: varColumn)))
        names.append(DefinedName("CreditES", table: segments.id, cell: .summary(row: 0, column: esColumn)))
        if entry.charts.contains(.varContributions), segments.rowCount > 0 {
            charts.append(ChartSpec(kind: .bar, title: "VaR and ES contributions by segment", table: segments.id,
                                    categories: .column(0),
                                    series: [ChartSeries(name: .header(column: varColumn), values: .column(varColumn)),
                                             ChartSeries(name: .header(column: esColumn), values: .column(esColumn))],
                                    valueKind: .amount))
        }
        let c = v.contributions, cp = pointer.appending("contributions")
        for (title, key, allocations) in [("asset class", "by_asset_class", c.byAssetClass),
                                          ("sector", "by_sector", c.bySector),
                                          ("country", "by_country", c.byCountry)] where !allocations.isEmpty {
            blocks.append(.table(allocationTable(id: "var-\(key.replacingOccurrences(of: "_", with: "-"))", title: title, allocations, v, cp.appending(key),
                                                 pointer, context)))
        }
        blocks.append(.note("VaR contribution: E[L_s | L ≈ VaR]·VaR/E[L | L ≈ VaR] over a window of paths around the "
                            + "VaR (Euler); ES contribution: E[L_s | L ≥ VaR]. Both add up to the portfolio figure."))
        blocks.append(.note("Component VaR: the covariance (parametric) Euler allocation, VaR·Cov(L_s, L)/Var(L); it "
                            + "also adds up to the VaR. Incremental VaR: the VaR lost by removing the segment."))
        blocks.append(.note("Parametric VaR is mean + z·σ; Cornish-Fisher adjusts z for skewness and kurtosis and "
                            + "overshoots when the kurtosis is large."))
        blocks.append(.note("The simulated standard deviation is larger than the first-order σ of the Factor risk "
                            + "sheet, which leaves out default clustering in the tail."))
        return [ReportSheet(name: Naming.tab(entry.title ?? "VaR and ES", nil),
                            title: "Credit VaR, expected shortfall and economic capital",
                            subtitle: ScenarioSheets.subtitle(context) + " · jump-off portfolio, one-year horizon, "
                                + "\(copulaName(v)) copula at \(confidenceLabel(v.confidence))",
                            blocks: blocks, charts: charts, definedNames: names)]
    }

    /// "single-factor Gaussian", "Student t (ν = 4)".
    static func copulaName(_ v: VaRResult) -> String {
        switch v.method {
        case "single_factor_gaussian": return "single-factor Gaussian"
        case "multi_factor_gaussian": return "multi-factor Gaussian"
        case "student_t": return "Student t" + (v.degreesOfFreedom.map { " (ν = \(NumberFormat.plain($0, decimals: 0)))" } ?? "")
        default: return v.method.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func confidenceLabel(_ q: Double) -> String {
        let percent = q * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }

    static func setUp(_ v: VaRResult, _ pointer: ResultPointer, _ context: BuildContext) -> [Field] {
        var fields = [
            Field("Copula", .text(copulaName(v))),
            Field("Asset correlation", .text(v.correlation == "basel" ? "Basel IRB (CRE31)" : v.correlation)),
            Field("Systematic factors", .text(v.factors == ["systematic"] ? "one (the economy)"
                                              : v.factors.map(FactorNames.display).joined(separator: ", "))),
            Field("Paths", .count(v.paths), source: pointer.appending("paths")),
            Field("Seed (Philox4x32-10)", .number(Double(v.seed), .count), source: pointer.appending("seed")),
            Field("Antithetic pairs", .yesNo(v.antithetic)),
            Field("Exposures", .count(v.obligors), source: pointer.appending("obligors")),
            Field("Exposures with loss potential", .count(v.simulatedObligors), source: pointer.appending("simulated_obligors")),
            Field(context.amountHeader("Total EAD"), .amount(v.totalEAD), source: pointer.appending("total_ead")),
        ]
        if let shift = v.importanceShift, let fraction = v.importanceFraction {
            fields.append(Field("Importance sampling",
                                .text("factor mean shifted to \(shift.map { String(format: "%.3f", $0) }.joined(separator: ", ")) "
                                      + "for \(Int((fraction * 100).rounded()))% of paths (Glasserman & Li 2005)")))
        }
        return fields
    }

    static func levelsTable(_ v: VaRResult, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let a = v.analytic
        return ReportTable(id: "var-levels", caption: "Measures by confidence level (Monte Carlo and Vasicek ASRF)", columns: [
            .numbers("Confidence", .percent(decimals: 1), v.levels.map(\.confidence)),
            .numbers(context.amountHeader("VaR"), .amount, v.levels.map(\.valueAtRisk)),
            .numbers(context.amountHeader("VaR standard error"), .amount, v.levels.map { $0.varStandardError ?? .nan }),
            .numbers(context.amountHeader("ES"), .amount, v.levels.map(\.expectedShortfall)),
            .numbers(context.amountHeader("ES standard error"), .amount, v.levels.map { $0.esStandardError ?? .nan }),
            .numbers(context.amountHeader("Economic capital"), .amount, v.levels.map(\.unexpectedLoss)),
            .numbers(context.amountHeader("Parametric VaR"), .amount, v.levels.map { $0.parametricVaR ?? .nan }),
            .numbers(context.amountHeader("Cornish-Fisher VaR"), .amount, v.levels.map { $0.cornishFisherVaR ?? .nan }),
            .numbers(context.amountHeader("ASRF VaR"), .amount, a.valueAtRisk),
            .numbers(context.amountHeader("Granularity adjustment"), .amount, a.granularityAdjustment),
            .numbers(context.amountHeader("ASRF VaR + GA"), .amount, a.valueAtRiskWithGranularity),
            .numbers(context.amountHeader("ASRF economic capital (no GA)"), .amount, a.economicCapital),
        ])
    }

    static func momentsTable(_ v: VaRResult, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let m = v.monteCarlo
        let rows: [(String, Double, ValueKind)] = [
            ("Mean loss", m.meanLoss, .amount),
            ("Standard error of the mean", m.meanLossStandardError ?? .nan, .amount),
            ("Standard deviation", m.standardDeviation, .amount),
            ("Skewness", m.skewness ?? .nan, .number(decimals: 3)),
            ("Excess kurtosis", m.excessKurtosis ?? .nan, .number(decimals: 3)),
            ("Smallest loss", m.minimumLoss, .amount),
            ("Largest loss", m.maximumLoss, .amount),
        ]
        return ReportTable(id: "var-moments", caption: "Simulated loss distribution", columns: [
            .text("Moment", rows.map(\.0)),
            ReportColumn("Value (amounts in \(context.currency.isEmpty ? "currency units" : context.currency))", .amount,
                         .cells(rows.map { .number($0.1, $0.2) })),
        ])
    }

    static let varColumn = 5, esColumn = 6

    static func segmentTable(_ v: VaRResult, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let names = v.bySegment.keys.sorted().sorted {
            (v.bySegment[$0]!.varContribution ?? 0) > (v.bySegment[$1]!.varContribution ?? 0)
        }
        let s = names.map { v.bySegment[$0]! }
        let headline = v.levels.firstIndex { $0.confidence == v.confidence } ?? (v.analytic.valueAtRisk.count - 1)
        func total(_ column: Int, _ kind: ValueKind, _ value: Double, _ key: String...) -> SummaryCell {
            .formula(FormulaCell(.sum(.column(column)), equals: value, kind: kind, source: ResultPointer(["var"] + key)))
        }
        let summed = [
            total(1, .count, Double(v.obligors), "obligors"),
            total(2, .amount, v.totalEAD, "total_ead"),
            total(3, .amount, v.expectedLoss, "expected_loss"),
            total(4, .amount, v.analytic.valueAtRisk[headline], "analytic", "var", String(headline)),
            total(varColumn, .amount, v.valueAtRisk, "var"),
            total(esColumn, .amount, v.expectedShortfall, "es"),
            // The covariance allocation adds up to the VaR too (one normalisation of the moments).
            total(7, .amount, v.valueAtRisk, "var"),
        ]
        return ReportTable(id: "var-by-segment", caption: nil, columns: [
            .text("Segment", names),
            .numbers("Exposures", .count, s.map { Double($0.obligors) }),
            .numbers(context.amountHeader("EAD"), .amount, s.map(\.ead)),
            .numbers(context.amountHeader("Expected loss"), .amount, s.map(\.expectedLoss)),
            .numbers(context.amountHeader("ASRF VaR"), .amount, s.map(\.asrfVaR)),
            .numbers(context.amountHeader("VaR contribution"), .amount, s.map { $0.varContribution ?? .nan }),
            .numbers(context.amountHeader("ES contribution"), .amount, s.map { $0.esContribution ?? .nan }),
            .numbers(context.amountHeader("Component VaR"), .amount, s.map { $0.componentVaR ?? .nan }),
            .numbers("Marginal VaR per unit EAD", .percent(decimals: 2), s.map { $0.marginalVaR ?? .nan }),
            .numbers(context.amountHeader("Incremental VaR"), .amount, s.map { $0.incrementalVaR ?? .nan }),
            .numbers("Correlation with portfolio loss", .number(decimals: 3), s.map { $0.correlationWithPortfolio ?? .nan }),
        ], summaryRows: [SummaryRow(label: "Portfolio", summed)], filter: true)
    }

    static func allocationTable(id: String, title: String, _ allocations: [String: VaRResult.Allocation], _ v: VaRResult,
                                _ source: ResultPointer, _ pointer: ResultPointer, _ context: BuildContext) -> ReportTable {
        let names = allocations.keys.sorted().sorted {
            (allocations[$0]!.valueAtRisk ?? 0) > (allocations[$1]!.valueAtRisk ?? 0)
        }
        let a = names.map { allocations[$0]! }
        let varSum = a.reduce(0) { $0 + ($1.valueAtRisk ?? 0) }, esSum = a.reduce(0) { $0 + ($1.expectedShortfall ?? 0) }
        // The asset-class table leaves out classes with no loss potential, so its
        // totals are traced to the portfolio figures only when nothing is missing.
        let complete = a.allSatisfy { $0.valueAtRisk != nil && $0.expectedShortfall != nil }
        return ReportTable(id: id, caption: "Allocation by \(title)", columns: [
            .text(title.prefix(1).uppercased() + title.dropFirst(),
                  title == "asset class" ? names.map(AssetClass.displayName) : names),
            .numbers(context.amountHeader("VaR contribution"), .amount, a.map { $0.valueAtRisk ?? .nan }),
            .numbers(context.amountHeader("ES contribution"), .amount, a.map { $0.expectedShortfall ?? .nan }),
            ReportColumn("Share of VaR", .percent(decimals: 1), .formulas(a.indices.map { i in
                FormulaCell(.divide(.cell(.data(row: i, column: 1)), .cell(.summary(row: 0, column: 1))),
                            equals: (a[i].valueAtRisk ?? 0) / varSum, kind: .percent(decimals: 1), source: nil)
            })),
        ], summaryRows: [SummaryRow(label: "Portfolio", [
            .formula(FormulaCell(.sum(.column(1)), equals: varSum, kind: .amount, source: complete ? pointer.appending("var") : nil)),
            .formula(FormulaCell(.sum(.column(2)), equals: esSum, kind: .amount, source: complete ? pointer.appending("es") : nil)),
            .formula(FormulaCell(.sum(.column(3)), equals: a.reduce(0) { $0 + ($1.valueAtRisk ?? 0) / varSum },
                                 kind: .percent(decimals: 1), source: nil)),
        ])])
    }
}
