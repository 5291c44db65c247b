import CapitalEngine
import StressCore
import StressRun

/// The page a board member reads first: headline tiles for today's position and
/// the tail risk, then one row per scenario with its minimum CET1 ratio against
/// the hurdle, cumulative credit loss, minimum leverage ratio and LCR, each with a
/// ✓ pass / ✗ breach mark, and a two-sentence reading of the table.
enum ExecutiveSummaryPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let (tileRow, rest) = area.splitTop(84)
        drawTiles(context, in: tileRow, on: pdf)
        let top = rest.y + 12
        let used = TableDrawing(columns: columns, rows: rows(context), style: TextStyle.body.with(size: 9))
            .draw(in: Rect(x: rest.x, y: top, width: rest.width, height: rest.height - 76), on: pdf)
        let note = pdf.wrappedText(
            "Credit loss: cumulative expected loss over the horizon. Minima with their period; ✓ at or above the "
                + "hurdle, ✗ below it; — no hurdle. Payouts (MDA): the tightest cap on distributions when CET1 falls "
                + "into the combined buffer. Other tests: tier 1, total capital and leverage ratios.",
            in: Rect(x: rest.x, y: top + used + 4, width: rest.width, height: 24), TextStyle.small.with(colour: .muted))
        pdf.wrappedText(reading(context), in: Rect(x: rest.x, y: top + used + note + 12, width: rest.width,
                                                   height: max(0, rest.maxY - top - used - note - 12)), .body)
    }

    // MARK: - Tiles

    struct Tile {
        var label: String
        var value: String
        var note: String
        var verdict: Bool? = nil
    }

    static func tiles(_ context: BoardPackContext) -> [Tile] {
        let r = context.results
        var tiles: [Tile] = []
        let start = r.balanceSheet?.cet1Ratio ?? r.scenarios.compactMap(\.capital).first?.startCET1Ratio
        if let start { tiles.append(Tile(label: "CET1 ratio at jump-off", value: BoardFigures.ratio(start), note: "reported")) }
        if let k = context.bindingScenario(Array(r.scenarios.indices)), let c = r.scenarios[k].capital {
            tiles.append(Tile(label: "Lowest CET1 ratio", value: BoardFigures.ratio(c.minCET1Ratio),
                              note: "\(r.scenarios[k].id), \(c.minPeriod)",
                              verdict: c.minCET1Ratio >= CapitalReading.mdaTrigger(c)))
        }
        if let l = r.scenarios.compactMap(\.liquidity).first {
            tiles.append(Tile(label: "LCR at jump-off", value: BoardFigures.lcr(l.jumpOff.lcr), note: "minimum 100%",
                              verdict: l.jumpOff.lcr >= l.hurdle))
            if let nsfr = l.nsfr {
                tiles.append(Tile(label: "NSFR at jump-off", value: BoardFigures.lcr(nsfr), note: "minimum 100%",
                                  verdict: nsfr >= 1))
            }
        }
        if let v = r.creditVaR {
            let q = ValueAtRiskBuilder.confidenceLabel(v.confidence)
            tiles.append(Tile(label: "Credit VaR \(q)", value: BoardFigures.amount(v.valueAtRisk),
                              note: "EL \(BoardFigures.amount(v.expectedLoss))"))
            tiles.append(Tile(label: "ES \(q)", value: BoardFigures.amount(v.expectedShortfall),
                              note: "mean loss beyond the VaR"))
            if let cet1 = r.balanceSheet?.cet1, v.unexpectedLoss > 0, (cet1 / v.unexpectedLoss).isFinite {
                let cover = cet1 / v.unexpectedLoss
                tiles.append(Tile(label: "CET1 / economic capital", value: String(format: "%.2f×", cover),
                                  note: "minimum 1.00×", verdict: cover >= 1))
            }
        }
        return tiles
    }

    static func drawTiles(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let tiles = tiles(context)
        guard !tiles.isEmpty else { return }
        for (tile, box) in zip(tiles, area.columns(tiles.count, gap: 8)) {
            pdf.fill(box, Colour(r: 0.95, g: 0.95, b: 0.95))
            let inner = box.inset(8)
            pdf.fittedText(tile.label, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 12), TextStyle.small.with(colour: .muted))
            var style = TextStyle(size: 17, bold: true)
            var value = tile.value
            if let verdict = tile.verdict {
                style.colour = verdict ? .pass : .breach
                value = (verdict ? "✓ " : "✗ ") + value
            }
            pdf.fittedText(value, in: Rect(x: inner.x, y: inner.y + 18, width: inner.width, height: 24), style)
            pdf.fittedText(tile.note, in: Rect(x: inner.x, y: inner.y + 48, width: inner.width, height: 12), TextStyle.small.with(colour: .muted))
        }
    }

    // MARK: - Scenario table

    static let columns = [
        TableColumn(header: "Scenario", weight: 2.1, align: .left),
        TableColumn(header: "Framework", weight: 0.85, align: .left),
        TableColumn(header: "Severity", weight: 1.05, align: .left),
        TableColumn(header: "Credit loss", weight: 0.9, align: .right),
        TableColumn(header: "Minimum CET1", weight: 1.45, align: .right),
        TableColumn(header: "Hurdle", weight: 0.65, align: .right),
        TableColumn(header: "Payouts (MDA)", weight: 1.45, align: .right),
        TableColumn(header: "Other tests", weight: 1.6, align: .right),
        TableColumn(header: "Minimum LCR", weight: 1.45, align: .right),
    ]

    /// "✓ none" above the combined buffer, "✗ ≤ 20% (2026Q3)" within it.
    static func payoutCell(_ c: CapitalResult) -> TableCell {
        guard let r = CapitalReading.payoutRestriction(c) else { return TableCell(text: "none", style: .pass) }
        return TableCell(text: "≤ \(NumberFormat.percent(r.payout, decimals: 0)) (\(r.period))", style: .breach)
    }

    /// "✓ all met" or the first breached test, e.g. "✗ total capital 8.29%".
    static func otherTestsCell(_ c: CapitalResult) -> TableCell {
        let others = c.tests.filter { $0.measure != .cet1Ratio }
        guard !others.isEmpty else { return TableCell(text: "—", style: .muted) }
        guard let first = CapitalReading.otherBreaches(c).first else { return TableCell(text: "all met", style: .pass) }
        let name = CapitalReading.measureName(first.measure).replacingOccurrences(of: " ratio", with: "")
        return TableCell(text: "\(name.prefix(1).uppercased() + name.dropFirst()) \(BoardFigures.ratio(first.minimum))",
                         style: .breach)
    }

    static func rows(_ context: BoardPackContext) -> [[TableCell]] {
        // Grouped by framework (EBA, BoE, CCAR, RBI), lowest minimum CET1 first within each.
        context.frameworks.flatMap { context.byMinimumCET1(context.scenarios(of: $0)) }.map { k in
            let s = context.results.scenarios[k]
            let framework = Framework(rawValue: s.framework)?.displayName ?? s.framework
            var row = [TableCell(text: s.id, style: .bold), TableCell(text: framework),
                       TableCell(text: s.severity.replacingOccurrences(of: "_", with: " "))]
            row.append(TableCell(text: s.credit.map { BoardFigures.amount($0.cumulativeEL) } ?? "—"))
            if let c = s.capital {
                row += [MinimumCells.cet1(c), TableCell(text: c.hurdle.map(BoardFigures.ratio) ?? "—", style: .muted),
                        payoutCell(c), otherTestsCell(c)]
            } else {
                row += [MinimumCells.none, MinimumCells.none, MinimumCells.none, MinimumCells.none]
            }
            row.append(s.liquidity.map { MinimumCells.lcr($0, withPeriod: true) } ?? MinimumCells.none)
            return row
        }
    }

    /// A few sentences: breaches of the hurdle, payout restrictions, other tests,
    /// where the trough is and how much of it is RWA growth, and how far the
    /// liquidity results can be read.
    static func reading(_ context: BoardPackContext) -> String {
        let r = context.results
        let tested = r.scenarios.filter { $0.capital?.hurdle != nil }
        let breaches = tested.filter { $0.capital!.breach }
        var text = tested.isEmpty ? "No scenario has a CET1 hurdle."
            : breaches.isEmpty ? "All \(tested.count) scenarios with a CET1 hurdle stay above it."
            : "\(breaches.count) of \(tested.count) scenarios with a CET1 hurdle breach it: "
                + breaches.map(\.id).joined(separator: ", ") + "."
        let restricted = r.scenarios.filter { $0.capital.map { CapitalReading.payoutRestriction($0) != nil } ?? false }
        if !restricted.isEmpty {
            text += " In \(restricted.count) of \(r.scenarios.count) scenarios CET1 falls into the combined buffer and "
                + "distributions are restricted (MDA)."
        }
        let others = r.scenarios.flatMap { s in
            (s.capital.map(CapitalReading.otherBreaches) ?? []).map { t in
                "\(s.id) \(CapitalReading.measureName(t.measure)) \(BoardFigures.ratio(t.minimum)) against "
                    + BoardFigures.ratio(t.threshold)
            }
        }
        if !others.isEmpty { text += " Other tests breached: " + others.joined(separator: "; ") + "." }
        if let k = context.bindingScenario(Array(r.scenarios.indices)), let c = r.scenarios[k].capital {
            text += " The lowest CET1 ratio is \(BoardFigures.ratio(c.minCET1Ratio)) in \(r.scenarios[k].id) "
                + "(\(c.minPeriod)), \(NumberFormat.plain(c.depletionBP, decimals: 0)) bp below jump-off"
            if let rwa = CapitalReading.rwaEffectBP(c), rwa > 0 {
                text += ", of which \(NumberFormat.plain(rwa, decimals: 0)) bp is the effect of higher risk-weighted assets"
            }
            text += "."
        }
        let liquid = r.scenarios.compactMap(\.liquidity)
        if !liquid.isEmpty {
            let breachesLCR = r.scenarios.filter { $0.liquidity?.breach ?? false }
            text += breachesLCR.isEmpty ? " The LCR stays above 100% in every scenario"
                : " The LCR falls below 100% in \(breachesLCR.count) scenario\(breachesLCR.count == 1 ? "" : "s")"
            let defaults = liquid.allSatisfy { $0.shocks.depositRunoffSource == .severityDefault }
            text += defaults ? " (severity-default liquidity shocks: the scenarios give none; NSFR at jump-off only)." : "."
        }
        return text
    }
}
