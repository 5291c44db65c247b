import StressCore
import StressRun

/// Every data-quality finding of the run (results.json `data_quality.findings`),
/// filterable, with the count per severity as COUNTIF formulas above the list.
enum DataQualityBuilder {
    static func sheets(_ entry: ReportTemplate.Sheet, _ context: BuildContext) -> [ReportSheet] {
        let findings = context.results.dataQuality.findings
        let name = Naming.tab(entry.title ?? "Data quality", nil)
        let title = "Data-quality findings"
        guard !findings.isEmpty else {
            return [ReportSheet(name: name, title: title, subtitle: ScenarioSheets.subtitle(context),
                                blocks: [.note("No findings: every input was complete and consistent.")])]
        }
        let severities: [DataQualityFinding.Severity] = [.error, .warning, .info]
        let counts = severities.map { s in
            SummaryRow(label: "Findings: \(s.rawValue)", [.formula(FormulaCell(
                .countText(.column(0), s.rawValue), equals: Double(findings.filter { $0.severity == s }.count),
                kind: .count, source: nil))])
        }
        let table = ReportTable(id: "findings", columns: [
            .text("Severity", findings.map(\.severity.rawValue)),
            .text("File", findings.map(\.file)),
            .numbers("Line", .count, findings.map { $0.line.map(Double.init) ?? .nan }),
            .text("Field", findings.map { $0.field ?? "" }),
            .text("Message", findings.map(\.message)),
        ], summaryRows: counts, summaryAbove: true, filter: true, freezeHeader: true)
        return [ReportSheet(name: name, title: title, subtitle: ScenarioSheets.subtitle(context), blocks: [.table(table)])]
    }
}
