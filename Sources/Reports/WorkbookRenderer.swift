import StressCore
import StressRun

/// A run's workbook in one call: the template's sections built from the
/// results (Builders/), then drawn (Xlsx/). `portfolio` feeds the exposure
/// sheet, `scenarios` the scenario paths (results.json names the variables but
/// not their values); `outputs` lists files written before the workbook
/// (results.json) for the manifest sheet. The same inputs give the same bytes.
public enum WorkbookRenderer {
    @discardableResult
    public static func render(results: RunResults, portfolio: Portfolio?, scenarios: [Scenario] = [],
                              template: ReportTemplate, outputs: [InputFile] = [], to path: String,
                              temporaryDirectory: String? = nil) throws -> RenderedWorkbook {
        let document = ReportBuilder.document(results: results, portfolio: portfolio, scenarios: scenarios,
                                              template: template, outputs: outputs)
        return try XlsxRenderer.render(document, to: path, temporaryDirectory: temporaryDirectory)
    }
}
