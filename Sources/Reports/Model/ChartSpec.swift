/// A native chart over one table of the sheet: its series are ranges of that
/// table, so the chart redraws when a reviewer edits a figure. Drawn beside the table.
public struct ChartSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case line
        case column
        case stackedColumn
        case bar
    }

    public var kind: Kind
    public var title: String
    /// The table (`ReportTable.id`) the series point into.
    public var table: String
    public var categories: SeriesRange
    public var series: [ChartSeries]
    /// How the value axis shows numbers.
    public var valueKind: ValueKind
    public var valueAxisTitle: String?

    public init(kind: Kind, title: String, table: String, categories: SeriesRange, series: [ChartSeries],
                valueKind: ValueKind, valueAxisTitle: String? = nil) {
        self.kind = kind
        self.title = title
        self.table = table
        self.categories = categories
        self.series = series
        self.valueKind = valueKind
        self.valueAxisTitle = valueAxisTitle
    }
}

public struct ChartSeries: Sendable {
    /// The series name: a cell of the table (a column header or a row label).
    public var name: SeriesName
    public var values: SeriesRange
    /// A threshold (hurdle, minimum): drawn dashed.
    public var isThreshold: Bool

    public init(name: SeriesName, values: SeriesRange, isThreshold: Bool = false) {
        self.name = name
        self.values = values
        self.isThreshold = isThreshold
    }
}

public enum SeriesName: Sendable, Equatable {
    /// The header of a column.
    case header(column: Int)
    /// The first cell of a data row.
    case rowLabel(row: Int)
}

public enum SeriesRange: Sendable, Equatable {
    /// A column's data rows (all, or a range of data-row indices).
    case column(Int, rows: ClosedRange<Int>? = nil)
    /// A data row across columns.
    case row(Int, columns: ClosedRange<Int>)
    /// Header cells across columns (period labels as categories).
    case header(columns: ClosedRange<Int>)
}

/// A workbook name for a key figure (`MinCET1Ratio_eba_2025_adverse`), so a
/// reviewer or another workbook can refer to it. Names are global to the workbook.
public struct DefinedName: Sendable, Equatable {
    public var name: String
    /// The table and cell it names.
    public var table: String
    public var cell: CellReference

    public init(_ name: String, table: String, cell: CellReference) {
        self.name = name
        self.table = table
        self.cell = cell
    }
}
