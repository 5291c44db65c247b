import StressCore
import StressRun

/// Appendix: each headline scenario of the run beside the published aggregate of its
/// exercise (README, "Calibration"): the depletion of the headline ratio, its CET1
/// decomposition to the minimum, and the two targets for a typical universal bank —
/// within a factor of two of the aggregate, RWA growth at most a third of the fall —
/// each ✓ or ✗, then every figure's source and why the bank may differ.
enum CalibrationPage {
    static let columns = [
        TableColumn(header: "Exercise (published)", weight: 3.0, align: .left),
        TableColumn(header: "Published", weight: 1.7, align: .right),
        TableColumn(header: "This run", weight: 1.7, align: .right),
        TableColumn(header: "Run / published", weight: 1.2, align: .right),
        TableColumn(header: "Credit losses", weight: 1.0, align: .right),
        TableColumn(header: "PPNR", weight: 0.9, align: .right),
        TableColumn(header: "RWA", weight: 0.9, align: .right),
        TableColumn(header: "Payouts", weight: 0.9, align: .right),
        TableColumn(header: "Taxes, other", weight: 0.9, align: .right),
        TableColumn(header: "RWA share", weight: 1.1, align: .right),
    ]

    static func rows(_ rows: [CalibrationRow]) -> [[TableCell]] {
        rows.map { row in
            let p = row.published, w = row.decomposition
            let measure = row.measure == .cet1Ratio ? "CET1" : "CRAR"
            func path(_ start: Double?, _ minimum: Double?, _ depletion: Double) -> String {
                let bp = NumberFormat.plain(depletion, decimals: 0) + " bp"
                guard let start, let minimum else { return bp }
                return "\(NumberFormat.percent(start, decimals: 1))→\(NumberFormat.percent(minimum, decimals: 1)) \(bp)"
            }
            return [
                TableCell(text: "\(p.exercise) · \(measure)\(p.confidence == .secondary ? " (secondary)" : "")"),
                TableCell(text: path(p.start, p.minimum, p.depletionBP)),
                TableCell(text: path(row.start, row.minimum, row.depletionBP)),
                TableCell(text: String(format: "%.2f×", row.depletionRatio) + (row.withinFactorOfTwo ? " ✓" : " ✗"),
                          style: row.withinFactorOfTwo ? .pass : .breach),
                TableCell(text: NumberFormat.plain(w.creditLossesBP, decimals: 0)),
                TableCell(text: NumberFormat.plain(w.ppnrBP, decimals: 0)),
                TableCell(text: NumberFormat.plain(w.rwaGrowthBP, decimals: 0)),
                TableCell(text: NumberFormat.plain(w.distributionsBP, decimals: 0)),
                TableCell(text: NumberFormat.plain(w.otherLossesAndTaxesBP, decimals: 0)),
                TableCell(text: NumberFormat.percent(row.rwaShare, decimals: 0) + (row.rwaShareWithinOneThird ? " ✓" : " ✗"),
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
        let used = TableDrawing(columns: columns, rows: rows(calibration), style: TextStyle.small.with(size: 8))
            .draw(in: Rect(x: area.x, y: top, width: area.width, height: min(area.height * 0.45, area.height)), on: pdf)
        var y = top + used + 4
        y += pdf.wrappedText(
            "Depletion: start − minimum of the exercise's headline ratio (the RBI reports CRAR). Decomposition: the CET1 "
                + "waterfall from jump-off to this run's minimum, in bp of RWA. Targets for a typical universal bank: "
                + "within a factor of two of the aggregate; RWA growth at most a third of the CET1 fall.",
            in: Rect(x: area.x, y: y, width: area.width, height: 30), TextStyle.small.with(colour: .muted)) + 6
        for row in calibration where y < area.maxY - 10 {
            let text = "\(row.published.exercise): \(row.published.source)"
                + (row.published.note.map { " — Why the bank may differ: \($0)" } ?? "")
            y += pdf.wrappedText(text, in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y),
                                 TextStyle.small.with(size: 7)) + 3
        }
    }
}
