import Foundation

/// Writes one sheet of the model, row by row from the top (constant-memory
/// mode): title, blocks in layout order, then panes, filter and charts.
struct SheetWriter {
    let workbook: XlsxWorkbook
    let worksheet: XlsxWorksheet
    let sheet: ReportSheet
    let layout: SheetLayout
    let widths: ColumnWidths
    private(set) var rendered: [RenderedCell] = []
    /// Defined names of fields → their target.
    private(set) var fieldNames: [(String, String)] = []
    /// Charts placed; a chart whose table has no rows is left out.
    private(set) var chartsDrawn = 0

    init(workbook: XlsxWorkbook, worksheet: XlsxWorksheet, sheet: ReportSheet) {
        self.workbook = workbook
        self.worksheet = worksheet
        self.sheet = sheet
        widths = ColumnWidths(sheet)
        layout = SheetLayout(sheet, widths: widths)
    }

    mutating func write() throws {
        for (column, width) in widths.widthsByColumn { try worksheet.setColumn(column, width: width) }
        worksheet.setPrintLayout()
        // Panes and filter first: in constant-memory mode they are checked against the rows written so far.
        if let frozen = layout.frozen { worksheet.freezePanes(row: frozen.headerRow + 1, column: 1) }
        if let filtered = layout.filtered {
            try worksheet.autofilter(firstRow: filtered.headerRow, firstColumn: 0,
                                     lastRow: max(filtered.headerRow, filtered.lastDataRow),
                                     lastColumn: filtered.table.columns.count - 1)
        }
        try worksheet.write(row: SheetLayout.titleRow, column: 0, string: sheet.title, format: style(.title))
        if let subtitle = sheet.subtitle {
            try worksheet.write(row: SheetLayout.subtitleRow, column: 0, string: subtitle, format: style(.subtitle))
        }
        for (index, block) in sheet.blocks.enumerated() {
            let row = layout.blockRows[index]
            switch block {
            case let .heading(text):
                try worksheet.write(row: row, column: 0, string: text, format: style(.heading))
            case let .note(text):
                try worksheet.write(row: row, column: 0, string: text, format: style(.note))
            case let .fields(fields):
                for (k, field) in fields.enumerated() {
                    try worksheet.write(row: row + k, column: 0, string: field.label, format: style(.label))
                    try write(field.value, row: row + k, column: 1, role: .field, source: field.source)
                    if let name = field.definedName {
                        fieldNames.append((name, "=\(A1.quotedSheet(sheet.name))!\(A1.cell(row + k, 1, absolute: true))"))
                    }
                }
            case let .links(links):
                for (k, link) in links.enumerated() {
                    try worksheet.write(row: row + k, column: 0, internalLink: "\(A1.quotedSheet(link.sheet))!A1",
                                        text: link.sheet, format: style(.link))
                    try worksheet.write(row: row + k, column: 1, string: link.description, format: style(.body))
                }
            case let .table(table):
                try write(layout.tables[table.id]!)
            }
        }
        for placement in layout.charts where try draw(placement) { chartsDrawn += 1 }
    }

    // MARK: - Tables

    private mutating func write(_ t: SheetLayout.TablePlacement) throws {
        let table = t.table
        if let caption = table.caption, let row = t.captionRow {
            try worksheet.write(row: row, column: 0, string: caption, format: style(.caption))
        }
        if table.summaryAbove { try writeSummaryRows(t) }
        let lines = table.columns.indices.map { widths.lines(table.columns[$0].header, column: $0) }.max() ?? 1
        if lines > 1 { try worksheet.setRow(t.headerRow, height: 15 * Double(lines)) }
        let header = try style(.header), numberHeader = try style(.numberHeader)
        for (c, column) in table.columns.enumerated() {
            try worksheet.write(row: t.headerRow, column: c, string: column.header,
                                format: column.kind == .text ? header : numberHeader)
        }
        try writeDataRows(t)
        if !table.summaryAbove { try writeSummaryRows(t) }
    }

    private mutating func writeSummaryRows(_ t: SheetLayout.TablePlacement) throws {
        for (k, row) in t.table.summaryRows.enumerated() {
            let r = t.summaryRow(k)
            // The first summary row is ruled off from the data; the ones after it are not.
            let role: XlsxStyle.Role = k == 0 ? .total : .subtotal
            for (c, cell) in row.cells.enumerated() {
                switch cell {
                case .empty:
                    if role == .total { try worksheet.write(row: r, column: c, string: "", format: style(role)) }
                case let .value(value):
                    try write(value, row: r, column: c, role: role, source: nil)
                case let .formula(f):
                    try write(f, row: r, column: c, role: role, table: t)
                }
            }
        }
    }

    /// The data rows: each column's storage is borrowed once for the whole table
    /// (no reference counting per cell), then rows are written in order.
    private mutating func writeDataRows(_ t: SheetLayout.TablePlacement) throws {
        let table = t.table
        guard table.rowCount > 0 else { return }
        let formats = try table.columns.map { try format(for: $0.kind, role: .body) }
        let levels = table.columns.map { column -> CStringTable? in
            if case let .categories(_, names) = column.values { return CStringTable(names) }
            return nil
        }
        let measure = table.rowCount <= ColumnWidths.wrapRows
        let wrapped = try style(.wrapped)
        try ColumnSources.with(table.columns, formats: formats, levels: levels) { sources in
            for i in 0..<table.rowCount {
                let row = t.dataRow(i), index = table.storageIndex(i)
                var wraps = Set<Int>()
                if measure {
                    // Prose wider than its column wraps; the row is made tall enough first.
                    var lines = 1
                    for (c, source) in sources.enumerated() {
                        guard case let .texts(values, _) = source else { continue }
                        let n = widths.lines(text: values[index], column: c)
                        if n > 1 { wraps.insert(c); lines = max(lines, n) }
                    }
                    if lines > 1 { try worksheet.setRow(row, height: 15 * Double(lines)) }
                }
                for (c, source) in sources.enumerated() {
                    switch source {
                    case let .numbers(values, format):
                        let x = values[index]
                        // NaN is "no value"; an infinity would be an invalid cell in the file.
                        if x.isFinite { try worksheet.write(row: row, column: c, number: x, format: format) }
                    case let .texts(values, format):
                        let s = values[index]
                        if !s.isEmpty {
                            try worksheet.write(row: row, column: c, string: s, format: wraps.contains(c) ? wrapped : format)
                        }
                    case let .categories(codes, names, format):
                        let name = names[Int(codes[index])]
                        if name.pointee != 0 { try worksheet.write(row: row, column: c, cString: UnsafePointer(name), format: format) }
                    case let .cells(values):
                        try write(values[index], row: row, column: c, role: .body, source: nil)
                    case let .formulas(values):
                        try write(values[index], row: row, column: c, role: .body, table: t)
                    }
                }
            }
        }
    }

    // MARK: - Cells

    private mutating func write(_ value: CellValue, row: Int, column: Int, role: XlsxStyle.Role,
                                source: ResultPointer?) throws {
        switch value {
        case let .text(s):
            try worksheet.write(row: row, column: column, string: s, format: style(role))
            if let source { rendered.append(RenderedCell(sheet: sheet.name, row: row, column: column, value: .text(s), source: source)) }
        case let .number(x, kind):
            guard x.isFinite else { return }
            try worksheet.write(row: row, column: column, number: x, format: format(for: kind, role: role))
            if let source { rendered.append(RenderedCell(sheet: sheet.name, row: row, column: column, value: .number(x), source: source)) }
        case let .date(iso):
            if let (y, m, d) = CalendarText.parse(iso) {
                try worksheet.write(row: row, column: column, year: y, month: m, day: d, format: format(for: .date, role: role))
            } else {
                try worksheet.write(row: row, column: column, string: iso, format: style(role))
            }
            if let source { rendered.append(RenderedCell(sheet: sheet.name, row: row, column: column, value: .text(iso), source: source)) }
        case .blank:
            break
        }
    }

    private mutating func write(_ f: FormulaCell, row: Int, column: Int, role: XlsxStyle.Role,
                                table: SheetLayout.TablePlacement) throws {
        let finite: Bool
        if case let .number(x) = f.cached { finite = x.isFinite } else { finite = true }
        guard finite, let text = FormulaText.text(f.formula, in: table) else {
            // Nothing to add up (no rows shown): the value alone.
            switch f.cached {
            case let .number(x): try write(.number(x, f.kind), row: row, column: column, role: role, source: f.source)
            case let .text(s): try write(.text(s), row: row, column: column, role: role, source: f.source)
            }
            return
        }
        let format = try format(for: f.kind, role: role)
        switch f.cached {
        case let .number(x): try worksheet.write(row: row, column: column, formula: text, cached: x, format: format)
        case let .text(s): try worksheet.write(row: row, column: column, formula: text, cachedText: s, format: format)
        }
        rendered.append(RenderedCell(sheet: sheet.name, row: row, column: column, formula: text, value: f.cached,
                                     source: f.source))
    }

    private func style(_ role: XlsxStyle.Role) throws -> XlsxFormat {
        try workbook.format(XlsxStyle(role: role))
    }

    private func format(for kind: ValueKind, role: XlsxStyle.Role) throws -> XlsxFormat {
        try workbook.format(XlsxStyle.value(kind, role: role))
    }

    // MARK: - Charts

    /// False (and nothing drawn) when the chart does not fit its table.
    private func draw(_ p: SheetLayout.ChartPlacement) throws -> Bool {
        let spec = p.chart, t = p.table
        guard Self.fits(spec, t) else { return false }
        let chart = try workbook.addChart(spec.kind)
        func range(_ r: SeriesRange) -> XlsxChart.Range {
            switch r {
            case let .column(column, rows):
                let rows = rows ?? 0...max(0, t.table.rowCount - 1)
                return .init(sheet: sheet.name, firstRow: t.dataRow(rows.lowerBound), firstColumn: column,
                             lastRow: t.dataRow(rows.upperBound), lastColumn: column)
            case let .row(row, columns):
                return .init(sheet: sheet.name, firstRow: t.dataRow(row), firstColumn: columns.lowerBound,
                             lastRow: t.dataRow(row), lastColumn: columns.upperBound)
            case let .header(columns):
                return .init(sheet: sheet.name, firstRow: t.headerRow, firstColumn: columns.lowerBound,
                             lastRow: t.headerRow, lastColumn: columns.upperBound)
            }
        }
        let categories = range(spec.categories)
        for series in spec.series {
            let name: (String, Int, Int)
            switch series.name {
            case let .header(column): name = (sheet.name, t.headerRow, column)
            case let .rowLabel(row): name = (sheet.name, t.dataRow(row), 0)
            }
            try chart.addSeries(values: range(series.values), categories: categories, nameCell: name,
                                threshold: series.isThreshold, lineChart: spec.kind == .line)
        }
        chart.setTitle(spec.title)
        let horizontal = spec.kind == .bar
        chart.setValueAxis(numberFormat: spec.valueKind == .amount ? "#,##0,,\" m\"" : XlsxStyle.numberFormat(spec.valueKind),
                           title: spec.valueAxisTitle, horizontal: horizontal)
        chart.setCategoryLabelsLow(horizontal: horizontal)
        if horizontal { chart.setCategoriesTopDown() }
        if spec.series.count > 1 { chart.setLegendBottom() } else { chart.hideLegend() }
        try worksheet.insert(chart, row: p.row, column: p.column, xScale: p.xScale, yScale: p.yScale)
        return true
    }
}

extension SheetWriter {
    /// Whether every range of the chart lies inside its table's data; a chart that
    /// would point past the rows shown is left out rather than drawn over other cells.
    static func fits(_ spec: ChartSpec, _ t: SheetLayout.TablePlacement) -> Bool {
        let rows = 0..<t.table.rowCount, columns = t.table.columns.indices
        func fits(_ r: SeriesRange) -> Bool {
            switch r {
            case let .column(column, range):
                return columns.contains(column) && !rows.isEmpty
                    && range.map { rows.contains($0.lowerBound) && rows.contains($0.upperBound) } ?? true
            case let .row(row, range):
                return rows.contains(row) && columns.contains(range.lowerBound) && columns.contains(range.upperBound)
            case let .header(range):
                return columns.contains(range.lowerBound) && columns.contains(range.upperBound)
            }
        }
        func fits(_ name: SeriesName) -> Bool {
            switch name {
            case let .header(column): return columns.contains(column)
            case let .rowLabel(row): return rows.contains(row)
            }
        }
        return !spec.series.isEmpty && fits(spec.categories)
            && spec.series.allSatisfy { fits($0.values) && fits($0.name) }
    }
}

extension ColumnWidths {
    var widthsByColumn: [(Int, Double)] { (0..<64).compactMap { c in width(c).map { (c, $0) } } }
}
