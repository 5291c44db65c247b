import Foundation

/// Draws a `ReportDocument` into an .xlsx file: places cells, formats, formulas
/// with their cached values, charts, frozen panes, autofilters and defined
/// names. It computes no figure: every number comes from the model. The
/// workbook is written in constant-memory mode (rows top to bottom, one row in
/// memory) so a million-row exposure sheet costs no more memory than a small one.
public enum XlsxRenderer {
    @discardableResult
    public static func render(_ document: ReportDocument, to path: String,
                              temporaryDirectory: String? = nil) throws -> RenderedWorkbook {
        let workbook = try XlsxWorkbook(path: path, constantMemory: true, temporaryDirectory: temporaryDirectory)
        let p = document.provenance
        try workbook.setProperties(
            title: document.title, author: "StressPack \(p.engineVersion)", company: "StressPack",
            created: try asOfDate(p.asOf), subject: "Stress-test results, run \(p.runID) as of \(p.asOf)",
            comments: "Run \(p.runID), pack \(p.pack), seed \(p.seed), engine \(p.engineVersion)")
        try workbook.setCustomProperty("RunID", p.runID)
        try workbook.setCustomProperty("AsOfDate", p.asOf)
        try workbook.setCustomProperty("EngineVersion", p.engineVersion)
        try workbook.setCustomProperty("Pack", p.pack)
        var rendered = RenderedWorkbook()
        for sheet in document.sheets {
            let worksheet = try workbook.addWorksheet(named: sheet.name)
            var writer = SheetWriter(workbook: workbook, worksheet: worksheet, sheet: sheet)
            try writer.write()
            rendered.sheets.append(sheet.name)
            rendered.cells += writer.rendered
            rendered.charts += writer.chartsDrawn
            for name in sheet.definedNames {
                // A name for a cell the table lacks (no rows shown) would point at an empty cell: left out.
                guard let table = writer.layout.tables[name.table], table.contains(name.cell) else { continue }
                let (row, column) = table.position(name.cell)
                let target = "=\(A1.quotedSheet(sheet.name))!\(A1.cell(row, column, absolute: true))"
                try workbook.defineName(name.name, refersTo: target)
                rendered.definedNames[name.name] = target
            }
            for (name, target) in writer.fieldNames {
                try workbook.defineName(name, refersTo: target)
                rendered.definedNames[name] = target
            }
        }
        try workbook.close()
        return rendered
    }

    /// The run's as-of date at midnight UTC: the document's creation date.
    static func asOfDate(_ iso: String) throws -> Date {
        guard let (y, m, d) = CalendarText.parse(iso) else {
            throw ReportError(library: "report", operation: "document date", message: "as-of date '\(iso)' is not YYYY-MM-DD")
        }
        var components = DateComponents()
        components.year = y; components.month = m; components.day = d
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else {
            throw ReportError(library: "report", operation: "document date", message: "as-of date '\(iso)' is not a date")
        }
        return date
    }
}

/// What was placed where, for tests and the reader of a golden dump: every
/// formula cell and every cell that shows a results.json figure.
public struct RenderedWorkbook: Sendable {
    public var sheets: [String] = []
    public var cells: [RenderedCell] = []
    public var charts = 0
    /// Defined name → `='Sheet'!$C$5`.
    public var definedNames: [String: String] = [:]
}

public struct RenderedCell: Sendable {
    public var sheet: String
    public var row: Int
    public var column: Int
    /// `=SUM(F8:F10)`; nil for a plain value.
    public var formula: String?
    public var value: FormulaCell.CachedValue
    public var source: ResultPointer?

    /// `B7` style address.
    public var address: String { A1.cell(row, column) }
}

enum CalendarText {
    /// `YYYY-MM-DD` → (year, month, day).
    static func parse(_ s: String) -> (Int, Int, Int)? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }
}
