/// Where each block of a sheet goes: a pure function of the model, computed
/// before anything is written, so formulas, charts and names can refer to
/// cells by position and rows can then be written strictly top to bottom
/// (constant-memory mode). Rows and columns are zero-based.
struct SheetLayout {
    static let titleRow = 0
    static let subtitleRow = 1
    /// Rows a chart covers (288 px at 20 px a row, with a margin).
    static let chartRows = 16
    /// Chart width relative to libxlsxwriter's default 480 px.
    static let chartScale = 1.25
    /// A table at most this wide (characters) has its charts beside it, a wider
    /// one under it, so that a printed page holds both at a readable size.
    static let besideWidth = 75.0

    struct TablePlacement {
        let table: ReportTable
        let captionRow: Int?
        let firstSummaryRow: Int
        let headerRow: Int
        let firstDataRow: Int

        var lastDataRow: Int { firstDataRow + table.rowCount - 1 }
        func dataRow(_ i: Int) -> Int { firstDataRow + i }
        func summaryRow(_ i: Int) -> Int { firstSummaryRow + i }

        /// Whether the cell exists: a formula or name may point at a row an empty table lacks.
        func contains(_ reference: CellReference) -> Bool {
            switch reference {
            case let .data(row, column): return (0..<table.rowCount).contains(row) && table.columns.indices.contains(column)
            case let .summary(row, column):
                return table.summaryRows.indices.contains(row) && table.summaryRows[row].cells.indices.contains(column)
            }
        }

        func position(_ reference: CellReference) -> (row: Int, column: Int) {
            switch reference {
            case let .data(row, column): return (dataRow(row), column)
            case let .summary(row, column): return (summaryRow(row), column)
            }
        }
    }

    struct ChartPlacement {
        let chart: ChartSpec
        let table: TablePlacement
        let row: Int
        let column: Int
        /// Size relative to libxlsxwriter's default 480 × 288 px.
        let xScale: Double
        let yScale: Double
    }

    /// A chart under a wide table is larger: it has the page's width.
    static let belowScale = (x: 2.0, y: 1.3), belowRows = 21

    /// First row of each block.
    private(set) var blockRows: [Int] = []
    private(set) var tables: [String: TablePlacement] = [:]
    private(set) var charts: [ChartPlacement] = []
    /// The table whose header row is frozen, and the one with the autofilter.
    private(set) var frozen: TablePlacement?
    private(set) var filtered: TablePlacement?

    init(_ sheet: ReportSheet, widths: ColumnWidths) {
        var row = sheet.subtitle == nil ? 2 : 3
        var chartsByTable: [String: [ChartSpec]] = [:]
        for chart in sheet.charts { chartsByTable[chart.table, default: []].append(chart) }
        for (index, block) in sheet.blocks.enumerated() {
            let start = row
            blockRows.append(start)
            switch block {
            case .heading:
                row += 1
                continue // the block under a heading follows without a blank row
            case .note:
                row += 1
            case let .fields(fields):
                row += fields.count
            case let .links(links):
                row += links.count
            case let .table(table):
                precondition(tables[table.id] == nil, "sheet \(sheet.name): two tables with id \(table.id)")
                let caption = table.caption == nil ? nil : row
                if caption != nil { row += 1 }
                let placement: TablePlacement
                if table.summaryAbove {
                    placement = TablePlacement(table: table, captionRow: caption, firstSummaryRow: row,
                                               headerRow: row + table.summaryRows.count,
                                               firstDataRow: row + table.summaryRows.count + 1)
                    row = placement.firstDataRow + table.rowCount
                } else {
                    placement = TablePlacement(table: table, captionRow: caption,
                                               firstSummaryRow: row + 1 + table.rowCount,
                                               headerRow: row, firstDataRow: row + 1)
                    row = placement.firstSummaryRow + table.summaryRows.count
                }
                tables[table.id] = placement
                if table.freezeHeader && frozen == nil { frozen = placement }
                if table.filter && filtered == nil { filtered = placement }
                // A chart over a table without rows would plot nothing (and its ranges point nowhere): left out.
                let attached = table.rowCount == 0 ? [] : chartsByTable[table.id] ?? []
                if widths.total(table.columns.count) <= Self.besideWidth {
                    for (k, chart) in attached.enumerated() {
                        charts.append(ChartPlacement(chart: chart, table: placement, row: start + k * Self.chartRows,
                                                     column: table.columns.count + 1, xScale: Self.chartScale, yScale: 1))
                    }
                    row = max(row, start + attached.count * Self.chartRows)
                } else {
                    for (k, chart) in attached.enumerated() {
                        charts.append(ChartPlacement(chart: chart, table: placement, row: row + 1 + k * Self.belowRows,
                                                     column: 0, xScale: Self.belowScale.x, yScale: Self.belowScale.y))
                    }
                    row += attached.count * Self.belowRows
                }
            }
            if index < sheet.blocks.count - 1 { row += 1 }
        }
        let placed = Set(tables.keys)
        precondition(sheet.charts.allSatisfy { placed.contains($0.table) },
                     "sheet \(sheet.name): a chart refers to a table that is not on the sheet")
    }
}

// MARK: - A1 references

enum A1 {
    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cell(_ row: Int, _ column: Int, absolute: Bool = false) -> String {
        absolute ? "$\(A1.column(column))$\(row + 1)" : "\(A1.column(column))\(row + 1)"
    }

    static func range(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) -> String {
        firstRow == lastRow && firstColumn == lastColumn
            ? cell(firstRow, firstColumn) : "\(cell(firstRow, firstColumn)):\(cell(lastRow, lastColumn))"
    }

    /// `'Sheet name'` for a formula or defined name (quotes doubled).
    static func quotedSheet(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
