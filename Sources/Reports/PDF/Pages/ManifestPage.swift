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
            pdf.text(fact.0, x: column.x, baseline: y, TextStyle.small.muted)
            pdf.fittedText(fact.1, in: Rect(x: column.x, y: y + 3, width: column.width, height: 14), TextStyle.body.bolded)
        }
        y += 28
        let files = r.run.createdFrom.inputs.map { ($0.role, $0.path, $0.bytes, $0.sha256) }
            + context.outputs.map { ("output: \($0.role)", $0.path, $0.bytes, $0.sha256) }
        let rows = files.map { file in
            [TableCell(text: file.0.replacingOccurrences(of: "_", with: " ")), TableCell(text: file.1),
             TableCell(text: NumberFormat.plain(Double(file.2), decimals: 0)), TableCell(text: file.3)]
        }
        let findings = r.dataQuality.findings.filter { $0.severity != .info }
        let reserved = findings.isEmpty ? 0.0 : 22 + 11 * Double(min(findings.count, 6) + (findings.count > 6 ? 1 : 0))
        let used = TableDrawing(columns: [TableColumn(header: "Role", weight: 1.1, align: .left),
                                          TableColumn(header: "File", weight: 2.6, align: .left),
                                          TableColumn(header: "Bytes", weight: 0.9, align: .right),
                                          TableColumn(header: "SHA-256", weight: 4.4, align: .left)],
                                rows: rows, style: TextStyle.small.sized(7))
            .draw(in: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y - reserved), on: pdf)
        guard !findings.isEmpty else { return }
        // The data-quality warnings the figures rest on (all of them in the workbook's Data quality sheet).
        var fy = y + used + 18
        pdf.text("Data-quality warnings (\(findings.count))", x: area.x, baseline: fy, TextStyle.body.bolded)
        for f in findings.prefix(6) {
            fy += 11
            pdf.fittedText("\(f.file)\(f.line.map { ":\($0)" } ?? "")\(f.field.map { " \($0)" } ?? ""): \(f.message)",
                           in: Rect(x: area.x, y: fy - 8, width: area.width, height: 11), TextStyle.small.sized(7.5))
        }
        if findings.count > 6 {
            fy += 11
            pdf.text("… and \(findings.count - 6) more in the workbook's Data quality sheet", x: area.x, baseline: fy,
                     TextStyle.small.muted)
        }
    }
}
