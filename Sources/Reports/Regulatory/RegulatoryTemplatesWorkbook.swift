import Foundation
import RegulatoryTemplates

/// `<pack>-templates.xlsx`: one sheet per filled supervisory template, laid out as the
/// regulator's grid (row codes down, column codes across), one block per exposure class or
/// scenario. Cells the template computes from its own cells are live formulas with their
/// cached values; cells StressPack does not produce read "n/p", with the reasons listed under
/// the grid; every check's outcome closes the sheet. The same inputs give the same bytes.
public enum RegulatoryTemplatesWorkbook {
    public struct Heading: Sendable {
        public var runID: String
        public var asOf: String
        public var engineVersion: String
        public var pack: String
        public var currency: String

        public init(runID: String, asOf: String, engineVersion: String, pack: String, currency: String) {
            self.runID = runID
            self.asOf = asOf
            self.engineVersion = engineVersion
            self.pack = pack
            self.currency = currency
        }
    }

    /// The sheets written, with every formula cell (sheet, A1 cell, formula, cached value) for checks.
    public struct Rendered: Sendable {
        public var sheets: [String] = []
        public var formulas: [(sheet: String, cell: String, formula: String, value: Double)] = []
    }

    @discardableResult
    public static func render(_ templates: [FilledTemplate], heading: Heading, to path: String) throws -> Rendered {
        let workbook = try XlsxWorkbook(path: path)
        try workbook.setProperties(
            title: "Regulatory templates, run \(heading.runID)", author: "StressPack \(heading.engineVersion)",
            company: "StressPack", created: try XlsxRenderer.asOfDate(heading.asOf),
            subject: "Supervisory templates filled from run \(heading.runID) as of \(heading.asOf)",
            comments: "Run \(heading.runID), pack \(heading.pack), engine \(heading.engineVersion)")
        try workbook.setCustomProperty("RunID", heading.runID)
        try workbook.setCustomProperty("AsOfDate", heading.asOf)
        var rendered = Rendered()
        for t in templates {
            var sheet = TemplateSheet(workbook: workbook, worksheet: try workbook.addWorksheet(named: t.definition.sheet),
                                      template: t, heading: heading)
            try sheet.write()
            rendered.sheets.append(t.definition.sheet)
            rendered.formulas += sheet.formulas
        }
        try workbook.close()
        return rendered
    }
}

/// One template's sheet, written top to bottom.
struct TemplateSheet {
    let workbook: XlsxWorkbook
    let worksheet: XlsxWorksheet
    let template: FilledTemplate
    let heading: RegulatoryTemplatesWorkbook.Heading
    var row = 0
    var formulas: [(sheet: String, cell: String, formula: String, value: Double)] = []

    static let notProducedMark = "n/p"
    static let unavailableMark = "unavailable"

    init(workbook: XlsxWorkbook, worksheet: XlsxWorksheet, template: FilledTemplate,
         heading: RegulatoryTemplatesWorkbook.Heading) {
        self.workbook = workbook
        self.worksheet = worksheet
        self.template = template
        self.heading = heading
    }

    func style(_ role: XlsxStyle.Role, _ format: String? = nil) throws -> XlsxFormat {
        try workbook.format(XlsxStyle(role: role, numberFormat: format))
    }

    static func numberFormat(_ kind: TemplateDefinition.Kind) -> String? {
        switch kind {
        case .amount, .count: return "#,##0"
        case .percent: return "0.00%"
        case .years, .number: return "0.00"
        case .text: return nil
        }
    }

    mutating func line(_ text: String, _ role: XlsxStyle.Role) throws {
        try worksheet.write(row: row, column: 0, string: text, format: try style(role))
        row += 1
    }

    mutating func write() throws {
        let d = template.definition
        let widest = template.blocks.map(\.columns.count).max() ?? 0
        try worksheet.setColumn(0, width: 11)
        try worksheet.setColumn(1, width: 62)
        for c in 0..<widest { try worksheet.setColumn(c + 2, width: 17) }
        try line("\(d.code): \(d.title)", .title)
        try line("Run \(heading.runID) as of \(heading.asOf) · amounts in \(heading.currency) · StressPack \(heading.engineVersion)",
                 .subtitle)
        try line("Regulator: \(d.regulator)", .note)
        try line("Layout: \(d.source)", .note)
        try line("Version: \(d.version)", .note)
        for n in d.notes { try line(n, .note) }
        let failed = template.failedChecks.count
        try line("Checks: \(template.checks.count) run, \(failed) failed\(failed > 0 ? " (listed below)" : "")",
                 failed > 0 ? .heading : .note)
        try line("\(Self.notProducedMark): not produced by StressPack (reasons below); formulas recalculate from the cells they name.",
                 .note)
        row += 1
        for block in template.blocks { try write(block) }
        try writeChecks()
        try writeNotProduced()
    }

    mutating func write(_ block: FilledTemplate.Block) throws {
        let d = template.definition
        if template.blocks.count > 1 || block.label != d.code { try line(block.label, .heading) }
        // Header: row code, label, then each column's code and label.
        try worksheet.write(row: row, column: 0, string: "Row", format: try style(.header))
        try worksheet.write(row: row, column: 1, string: "Label", format: try style(.header))
        var lines = 2
        for (c, column) in block.columns.enumerated() {
            try worksheet.write(row: row, column: c + 2, string: column.code + "\n" + column.label,
                                format: try style(.numberHeader))
            lines = max(lines, 2 + column.label.count / 15)
        }
        try worksheet.setRow(row, height: 15 * Double(min(lines, 14)))
        row += 1
        var rowPosition: [String: Int] = [:], columnPosition: [String: Int] = [:]
        for (r, line) in block.rows.enumerated() { rowPosition[line.code] = row + r }
        for (c, column) in block.columns.enumerated() { columnPosition[column.code] = c + 2 }
        for (r, line) in block.rows.enumerated() {
            // Long labels wrap within the label column: the row grows to hold them.
            let labelLines = (line.label.count + 4 * line.level) / 64 + 1
            if labelLines > 1 { try worksheet.setRow(row, height: 15 * Double(min(labelLines, 6))) }
            try worksheet.write(row: row, column: 0, string: line.code, format: try style(.body))
            try worksheet.write(row: row, column: 1,
                                string: String(repeating: "    ", count: line.level) + line.label, format: try style(.wrapped))
            for (c, column) in block.columns.enumerated() {
                let cell = block.cells[r][c]
                let format = try style(.body, Self.numberFormat(line.kind(in: column)))
                switch cell.content {
                case let .value(x):
                    if x.isFinite {
                        try worksheet.write(row: row, column: c + 2, number: x, format: format)
                    } else {
                        try worksheet.write(row: row, column: c + 2, string: Self.unavailableMark, format: try style(.note))
                    }
                case let .formula(e, x):
                    let placement = TemplateFormulaText.Placement(rows: rowPosition, columns: columnPosition, row: row,
                                                                  column: c + 2)
                    if x.isFinite, let text = TemplateFormulaText.text(e, placement) {
                        try worksheet.write(row: row, column: c + 2, formula: text, cached: x, format: format)
                        formulas.append((d.sheet, A1.cell(row, c + 2), text, x))
                    } else {
                        try worksheet.write(row: row, column: c + 2, number: x, format: format)
                    }
                case .notProduced:
                    try worksheet.write(row: row, column: c + 2, string: Self.notProducedMark, format: try style(.note))
                case .unavailable:
                    try worksheet.write(row: row, column: c + 2, string: Self.unavailableMark, format: try style(.note))
                }
            }
            row += 1
        }
        row += 1
    }

    mutating func writeChecks() throws {
        guard !template.checks.isEmpty else { return }
        try line("Validation rules", .heading)
        let headers = ["Rule", "Block", "Column", "Left side", "Right side", "Result", "What it checks"]
        for (c, h) in headers.enumerated() {
            try worksheet.write(row: row, column: c, string: h, format: try style(c >= 3 && c <= 4 ? .numberHeader : .header))
        }
        row += 1
        for check in template.checks {
            try worksheet.write(row: row, column: 0, string: check.id, format: try style(.body))
            try worksheet.write(row: row, column: 1, string: check.block, format: try style(.body))
            try worksheet.write(row: row, column: 2, string: check.column ?? "", format: try style(.body))
            for (k, x) in [check.lhs, check.rhs].enumerated() where x.isFinite {
                try worksheet.write(row: row, column: 3 + k, number: x, format: try style(.body, "#,##0.########"))
            }
            try worksheet.write(row: row, column: 5, string: check.passed ? "pass" : "FAIL",
                                format: try style(check.passed ? .body : .heading))
            try worksheet.write(row: row, column: 6,
                                string: check.description + (check.error.map { " (\($0))" } ?? ""), format: try style(.body))
            row += 1
        }
        row += 1
    }

    mutating func writeNotProduced() throws {
        let items = template.notProduced
        guard !items.isEmpty else { return }
        try line("Not produced (\(Self.notProducedMark))", .heading)
        for item in items {
            try worksheet.write(row: row, column: 0, string: item.reason, format: try style(.body))
            try worksheet.write(row: row, column: 2, string: item.cells, format: try style(.note))
            row += 1
        }
    }
}
