import StressCore
import StressRun

/// Appendix: the run's manifest — the inputs and the outputs written before this
/// PDF, each with its SHA-256 in full — so an auditor can re-verify the run years
/// later (`stresspack runs verify`). The PDF cannot carry its own digest; the
/// manifest.json beside it does.
enum ManifestPage {
    static func draw(_ context: BoardPackContext, in area: Rect, on pdf: PDFDocument) {
        let r = context.results
        var y = area.y + 12
        let facts = [("Run", r.run.id), ("As of", r.run.asOf), ("Engine", "StressPack \(r.run.engineVersion)"),
                     ("Seed", "\(r.run.seed)"), ("Pack", r.run.pack)]
        for (column, fact) in zip(area.columns(facts.count, gap: 10), facts) {
            pdf.text(fact.0, x: column.x, baseline: y, TextStyle.small.with(colour: .muted))
            pdf.fittedText(fact.1, in: Rect(x: column.x, y: y + 3, width: column.width, height: 14), TextStyle.body.with(bold: true))
        }
        y += 28
        let files = r.run.createdFrom.inputs.map { ($0.role, $0.path, $0.bytes, $0.sha256) }
            + context.outputs.map { ("output: \($0.role)", $0.path, $0.bytes, $0.sha256) }
        let rows = files.map { file in
            [TableCell(text: file.0.replacingOccurrences(of: "_", with: " ")), TableCell(text: file.1),
             TableCell(text: NumberFormat.plain(Double(file.2), decimals: 0)), TableCell(text: file.3)]
        }
        // Every file first (an auditor needs them all); the warnings take the room that is left.
        let findings = r.dataQuality.findings.filter { $0.severity != .info }
        let used = TableDrawing(columns: [TableColumn(header: "Role", weight: 1.1, align: .left),
                                          TableColumn(header: "File", weight: 2.6, align: .left),
                                          TableColumn(header: "Bytes", weight: 0.9, align: .right),
                                          TableColumn(header: "SHA-256", weight: 4.6, align: .left, monospace: true)],
                                rows: rows, style: TextStyle.small.with(size: 7))
            .draw(in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y), on: pdf)
        guard !findings.isEmpty else { return }
        var fy = y + used + 16
        guard fy + 10 < area.maxY else { return }
        pdf.text("Data-quality warnings (\(findings.count); all in the workbook's Data quality sheet)", x: area.x,
                 baseline: fy, TextStyle.small.with(bold: true))
        let room = max(0, Int((area.maxY - fy - 2) / 10))
        let shown = findings.count <= room ? findings.count : max(0, room - 1)
        for f in findings.prefix(shown) {
            fy += 10
            pdf.fittedText("\(f.file)\(f.line.map { ":\($0)" } ?? "")\(f.field.map { " \($0)" } ?? ""): \(f.message)",
                           in: Rect(x: area.x, y: fy - 8, width: area.width, height: 10), TextStyle.small.with(size: 7))
        }
        if shown < findings.count {
            pdf.text("… and \(findings.count - shown) more", x: area.x, baseline: fy + 10, TextStyle.small.with(colour: .muted))
        }
    }
}
