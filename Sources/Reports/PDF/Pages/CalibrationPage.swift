import StressCore
import StressRun

/// Appendix: each headline scenario of the run beside the published aggregate of its
/// exercise (README, "Calibration"): the depletion of the headline ratio, its CET1
/// decomposition to the minimum, and the two targets for a typical universal bank —
/// within a factor of two of the aggregate, RWA growth at most a third of the fall —
/// each ✓ or ✗, then every figure's source and why the bank may differ.
enum CalibrationPage {
    static let columns = [
        TableColumn(header: "Exercise (published aggregate)", weight: 3.25, align: .left),
        TableColumn(header: "Ratio", weight: 0.55, align: .left),
        TableColumn(header: "Published", weight: 1.25, align: .right),
        TableColumn(header: "bp", weight: 0.5, align: .right),
        TableColumn(header: "This run", weight: 1.25, align: .right),
        TableColumn(header: "bp", weight: 0.5, align: .right),
        TableColumn(header: "Run ÷ pub.", weight: 0.85, align: .right),
        TableColumn(header: "Losses", weight: 0.65, align: .right),
        TableColumn(header: "PPNR", weight: 0.6, align: .right),
        TableColumn(header: "RWA", weight: 0.7, align: .right),
        TableColumn(header: "Payouts", weight: 0.7, align: .right),
        TableColumn(header: "Tax, other", weight: 0.75, align: .right),
        TableColumn(header: "RWA share", weight: 0.85, align: .right),
    ]

    static func rows(_ rows: [CalibrationRow]) -> [[TableCell]] {
        rows.map { row in
            let p = row.published, w = row.decomposition
            func path(_ start: Double?, _ minimum: Double?) -> String {
                guard let start, let minimum else { return "—" }
                return "\(NumberFormat.percent(start, decimals: 1)) → \(NumberFormat.percent(minimum, decimals: 1))"
            }
            func bp(_ x: Double) -> TableCell { TableCell(text: NumberFormat.plain(abs(x) < 0.5 ? 0 : x, decimals: 0)) }
            return [
                TableCell(text: p.exercise + (p.confidence == .secondary ? " †" : "")),
                TableCell(text: row.measure == .cet1Ratio ? "CET1" : "CRAR"),
                TableCell(text: path(p.start, p.minimum)), bp(p.depletionBP),
                TableCell(text: path(row.start, row.minimum)), bp(row.depletionBP),
                TableCell(text: String(format: "%.2f×", row.depletionRatio), style: row.withinFactorOfTwo ? .pass : .breach),
                bp(w.creditLossesBP), bp(w.ppnrBP), bp(w.rwaGrowthBP), bp(w.distributionsBP), bp(w.otherLossesAndTaxesBP),
                TableCell(text: NumberFormat.percent(row.rwaShare, decimals: 0),
                          style: row.rwaShareWithinOneThird ? .pass : .breach),
            ]
        }
    }

    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        guard let calibration = context.results.calibration, !calibration.isEmpty else {
            pdf.text("No scenario of this run has a published outcome.", x: area.x, baseline: area.y + 14, .body)
            return
        }
        let top = area.y + 8
        let used = TableDrawing(columns: columns, rows: rows(calibration), style: TextStyle.small.with(size: 7.5))
            .draw(in: Rect(x: area.x, y: top, width: area.width, height: min(area.height * 0.45, area.height)), on: pdf)
        var y = top + used + 4
        y += pdf.wrappedText(
            "Depletion (bp): start − minimum of the exercise's headline ratio (the RBI reports CRAR). Losses to RWA: the "
                + "CET1 waterfall from jump-off to this run's minimum, in bp of RWA. Targets for a typical universal bank: "
                + "within a factor of two of the aggregate (run ÷ published between 0.5 and 2); RWA growth at most a third "
                + "of the CET1 fall. † figure read in a report of the publication, not the publication itself.",
            in: Rect(x: area.x, y: y, width: area.width, height: 30), TextStyle.small.with(colour: .muted)) + 6
        for row in calibration where y < area.maxY - 10 {
            let text = "\(row.published.exercise): \(row.published.source)"
                + (row.published.note.map { " — Why the bank may differ: \($0)" } ?? "")
            y += pdf.wrappedText(text, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                 TextStyle.small.with(size: 7)) + 3
        }
    }
}
