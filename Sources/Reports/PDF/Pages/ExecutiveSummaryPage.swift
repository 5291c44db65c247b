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
        let used = TableDrawing(columns: columns, rows: rows(context), style: TextStyle.body.sized(9))
            .draw(in: Rect(x: rest.x, y: top, width: rest.width, height: rest.height - 76), on: pdf)
        pdf.text("Credit loss: cumulative expected loss over the horizon. Minima with the period they occur in; "
                 + "✓ at or above the hurdle, ✗ below it; — no hurdle in the framework.",
                 x: rest.x, baseline: top + used + 12, TextStyle.small.muted)
        pdf.wrappedText(reading(context), in: Rect(x: rest.x, y: top + used + 24, width: rest.width,
                                                   height: max(0, rest.maxY - top - used - 24)), .body)
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
                              note: "\(r.scenarios[k].id), \(c.minPeriod)", verdict: c.hurdle.map { _ in !c.breach }))
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
            if let cet1 = r.balanceSheet?.cet1, v.unexpectedLoss > 0 {
                let cover = cet1 / v.unexpectedLoss
                tiles.append(Tile(label: "CET1 / economic capital", value: String(format: "%.2f×", cover),
                                  note: "EC = VaR − EL", verdict: cover >= 1))
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
            pdf.fittedText(tile.label, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 12), TextStyle.small.muted)
            var style = TextStyle(size: 17, bold: true)
            var value = tile.value
            if let verdict = tile.verdict {
                style.colour = verdict ? .pass : .breach
                value = (verdict ? "✓ " : "✗ ") + value
            }
            pdf.fittedText(value, in: Rect(x: inner.x, y: inner.y + 18, width: inner.width, height: 24), style)
            pdf.fittedText(tile.note, in: Rect(x: inner.x, y: inner.y + 48, width: inner.width, height: 12), TextStyle.small.muted)
        }
    }

    // MARK: - Scenario table

    static let columns = [
        TableColumn(header: "Scenario", weight: 2.3, align: .left),
        TableColumn(header: "Framework", weight: 0.9, align: .left),
        TableColumn(header: "Severity", weight: 1.1, align: .left),
        TableColumn(header: "Credit loss", weight: 1.1, align: .right),
        TableColumn(header: "Minimum CET1 ratio", weight: 1.6, align: .right),
        TableColumn(header: "Hurdle", weight: 0.8, align: .right),
        TableColumn(header: "Min leverage", weight: 1.2, align: .right),
        TableColumn(header: "Minimum LCR", weight: 1.5, align: .right),
    ]

    static func rows(_ context: BoardPackContext) -> [[TableCell]] {
        context.results.scenarios.map { s in
            let framework = Framework(rawValue: s.framework)?.displayName ?? s.framework
            var row = [TableCell(text: s.id, style: .bold), TableCell(text: framework),
                       TableCell(text: s.severity.replacingOccurrences(of: "_", with: " "))]
            row.append(TableCell(text: s.credit.map { BoardFigures.amount($0.cumulativeEL) } ?? "—"))
            if let c = s.capital {
                row += [MinimumCells.cet1(c), TableCell(text: c.hurdle.map(BoardFigures.ratio) ?? "—", style: .muted),
                        MinimumCells.leverage(c)]
            } else {
                row += [MinimumCells.none, MinimumCells.none, MinimumCells.none]
            }
            row.append(s.liquidity.map { MinimumCells.lcr($0, withPeriod: true) } ?? MinimumCells.none)
            return row
        }
    }

    /// Two sentences: how many scenarios breach, and where the trough is.
    static func reading(_ context: BoardPackContext) -> String {
        let r = context.results
        let tested = r.scenarios.filter { $0.capital?.hurdle != nil }
        let breaches = tested.filter { $0.capital!.breach }
        var text = tested.isEmpty ? "No scenario has a CET1 hurdle."
            : breaches.isEmpty ? "All \(tested.count) scenarios with a CET1 hurdle stay above it."
            : "\(breaches.count) of \(tested.count) scenarios breach the CET1 hurdle: "
                + breaches.map(\.id).joined(separator: ", ") + "."
        if let k = context.bindingScenario(Array(r.scenarios.indices)), let c = r.scenarios[k].capital {
            text += " The lowest CET1 ratio is \(BoardFigures.ratio(c.minCET1Ratio)) in \(r.scenarios[k].id) (\(c.minPeriod)), "
                + "\(NumberFormat.plain(c.depletionBP, decimals: 0)) bp below jump-off"
            text += c.hurdle.map { "; the hurdle is \(BoardFigures.ratio($0))." } ?? "."
        }
        let liquidityBreaches = r.scenarios.filter { $0.liquidity?.breach ?? false }
        if r.scenarios.contains(where: { $0.liquidity != nil }) {
            text += liquidityBreaches.isEmpty ? " The LCR stays above 100% in every scenario."
                : " The LCR falls below 100% in \(liquidityBreaches.count) scenario\(liquidityBreaches.count == 1 ? "" : "s")."
        }
        return text
    }
}
