import StressCore
import StressRun

/// The exposure-level list: every input column of the portfolio, one row per
/// exposure, columns borrowed from the portfolio without copying. Totals sit
/// above the header (Σ EAD, Σ PD·LGD·EAD, EAD-weighted PD and LGD, the count),
/// each equal to its results.json figure. A book longer than the template's row limit
/// (`rows:`, 100,000 by default) lists its largest exposures by EAD, without totals. A
/// list longer than one sheet holds continues on further sheets of `rowsPerSheet` rows,
/// without totals.
///
/// Extension point: when results carry per-exposure stressed figures (stressed
/// PD and EL per period, RWA), append their columns in `columns`.
enum ExposuresBuilder {
    /// Excel holds 1,048,576 rows; a round million leaves room for the header.
    static let rowsPerSheet = 1_000_000

    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        guard let book = context.portfolio, !book.isEmpty else { return [] }
        let limit = entry.maxRows ?? ReportTemplate.Sheet.defaultMaxRows
        guard book.count > limit else { return sheets(book, entry, context, note: nil) }
        // A book longer than the limit: its largest exposures, largest first (ties in file
        // order). Every exposure stays in the portfolio input, hashed in the manifest.
        let largest = largestByEAD(book.ead, count: limit)
        let shown = largest.reduce(0.0) { $0 + book.ead[$1] }
        let share = book.totalEAD > 0 ? shown / book.totalEAD : 0
        let note = "The \(NumberFormat.plain(Double(limit), decimals: 0)) largest exposures by EAD of "
            + "\(NumberFormat.plain(Double(book.count), decimals: 0)), largest first "
            + "(\(NumberFormat.percent(share)) of total EAD); the portfolio's totals are on the Portfolio "
            + "sheet. Every exposure is in the portfolio input file, listed with its SHA-256 on the Manifest sheet "
            + "and kept by the run store. The template's 'rows:' sets how many are listed here ('rows: all' for every one)."
        return sheets(book.rows(largest), entry, context, note: note)
    }

    /// Indices of the `count` largest EADs, largest first, ties in row order.
    static func largestByEAD(_ ead: [Double], count: Int) -> [Int] {
        let order = ead.indices.sorted { ead[$0] != ead[$1] ? ead[$0] > ead[$1] : $0 < $1 }
        return Array(order.prefix(count))
    }

    private static func sheets(_ p: Portfolio, _ entry: ReportTemplate.Sheet, _ context: BuildContext,
                               note: String?) -> [ReportSheet] {
        let columns = columns(p, context)
        let pdColumn = columns.firstIndex { $0.header == "PD" }!
        let lgdColumn = columns.firstIndex { $0.header == "LGD" }!
        let eadColumn = columns.firstIndex { $0.header.hasPrefix("EAD") }!
        let base = entry.title ?? "Exposures"
        let sheetsNeeded = (p.count + rowsPerSheet - 1) / rowsPerSheet
        return (0..<sheetsNeeded).map { k in
            let window = (k * rowsPerSheet)..<min(p.count, (k + 1) * rowsPerSheet)
            var summary: [SummaryRow] = []
            var blocks: [ReportBlock] = []
            if let note { blocks.append(.note(note)) }
            if sheetsNeeded > 1 {
                blocks.append(.note("Exposures \(window.lowerBound + 1)–\(window.upperBound) of \(p.count); "
                                    + "the portfolio's totals are on the Portfolio sheet."))
            } else if note == nil {
                summary = totals(p: context.results.portfolio, width: columns.count, pd: pdColumn, lgd: lgdColumn, ead: eadColumn)
            }
            blocks.append(.table(ReportTable(id: "exposures", columns: columns, summaryRows: summary, summaryAbove: true,
                                             filter: true, freezeHeader: true,
                                             window: sheetsNeeded == 1 ? nil : window)))
            return ReportSheet(name: Naming.tab(base, k == 0 ? nil : "\(k + 1)"),
                               title: note == nil ? "Exposures at jump-off (portfolio input)"
                                   : "Largest exposures at jump-off (portfolio input)", subtitle: ScenarioSheets.subtitle(context),
                               blocks: blocks)
        }
    }

    /// The portfolio's columns, those present in the file only.
    static func columns(_ p: Portfolio, _ context: BuildContext) -> [ReportColumn] {
        var columns: [ReportColumn] = [.text("Exposure id", p.ids)]
        func categorical(_ header: String, _ c: CategoricalColumn) {
            if c.count == p.count && !c.levels.isEmpty { columns.append(ReportColumn(header, .text, .categories(c))) }
        }
        categorical("Segment", p.segment)
        let classes = AssetClass.allCases
        var code: [AssetClass: UInt32] = [:]
        for (i, c) in classes.enumerated() { code[c] = UInt32(i) }
        columns.append(ReportColumn("Asset class", .text, .categories(codes: p.assetClass.map { code[$0]! },
                                                                       levels: classes.map(\.rawValue))))
        categorical("Sector", p.sector)
        categorical("Country", p.country)
        categorical("Rating", p.rating)
        categorical("Currency", p.currency)
        columns.append(.numbers("PD", .percent(decimals: 3), p.pd))
        columns.append(.numbers("LGD", .percent(decimals: 1), p.lgd))
        columns.append(.numbers(context.amountHeader("EAD"), .amount, p.ead))
        func optional(_ header: String, _ kind: ValueKind, _ values: [Double]?) {
            if let values, values.count == p.count { columns.append(.numbers(header, kind, values)) }
        }
        optional(context.amountHeader("Drawn"), .amount, p.drawn)
        optional(context.amountHeader("Undrawn"), .amount, p.undrawn)
        optional("CCF", .percent(decimals: 0), p.ccf)
        optional("Maturity (years)", .number(decimals: 2), p.maturity)
        optional(context.amountHeader("Collateral value"), .amount, p.collateralValue)
        optional("Amortisation per period", .percent(decimals: 1), p.amortisation)
        optional("Turnover (EUR m)", .number(decimals: 1), p.turnoverEURm)
        return columns
    }

    static func totals(p: PortfolioSummary, width: Int, pd: Int, lgd: Int, ead: Int) -> [SummaryRow] {
        let root = ResultPointer(["portfolio"])
        func row(_ label: String, _ cells: [Int: FormulaCell]) -> SummaryRow {
            SummaryRow(label: label, (1..<width).map { c in cells[c].map { .formula($0) } ?? .empty })
        }
        let weightedPD = FormulaCell(.divide(.sumProduct([.column(pd), .column(ead)]), .sum(.column(ead))),
                                     equals: p.eadWeightedPD, kind: .percent(decimals: 3), source: root.appending("ead_weighted_pd"))
        let weightedLGD = FormulaCell(.divide(.sumProduct([.column(lgd), .column(ead)]), .sum(.column(ead))),
                                      equals: p.eadWeightedLGD, kind: .percent(decimals: 3), source: root.appending("ead_weighted_lgd"))
        return [
            row("Total EAD; EAD-weighted PD and LGD", [
                pd: weightedPD, lgd: weightedLGD,
                ead: FormulaCell(.sum(.column(ead)), equals: p.totalEAD, kind: .amount, source: root.appending("total_ead")),
            ]),
            row("Expected loss Σ PD·LGD·EAD", [
                ead: FormulaCell(.sumProduct([.column(pd), .column(lgd), .column(ead)]), equals: p.expectedLoss,
                                 kind: .amount, source: root.appending("expected_loss")),
            ]),
            row("Exposures", [
                ead: FormulaCell(.count(.column(ead)), equals: Double(p.exposures), kind: .count, source: root.appending("exposures")),
            ]),
        ]
    }
}
