import StressCore

/// A table: typed columns of equal length (stored by column, so the exposure
/// table borrows the portfolio's arrays without copying), and summary rows
/// (totals, minima) whose cells are formulas over the data rows.
public struct ReportTable: Sendable {
    /// Unique within its sheet; charts and defined names refer to it.
    public var id: String
    public var caption: String?
    public var columns: [ReportColumn]
    public var summaryRows: [SummaryRow]
    /// Summary rows above the header instead of below the data: for long tables
    /// (the exposure list), so the totals are in view and rows stream in order.
    public var summaryAbove: Bool
    /// An autofilter on the header row (one per sheet).
    public var filter: Bool
    /// Freeze the panes below the header row and right of the first column.
    public var freezeHeader: Bool
    /// The rows shown, when only part of the columns is (a long list over several
    /// sheets); data-row indices in formulas and charts count from its start.
    public var window: Range<Int>?

    public init(id: String, caption: String? = nil, columns: [ReportColumn], summaryRows: [SummaryRow] = [],
                summaryAbove: Bool = false, filter: Bool = false, freezeHeader: Bool = false,
                window: Range<Int>? = nil) {
        self.id = id
        self.window = window
        self.caption = caption
        self.columns = columns
        self.summaryRows = summaryRows
        self.summaryAbove = summaryAbove
        self.filter = filter
        self.freezeHeader = freezeHeader
        precondition(columns.allSatisfy { $0.values.count == columns.first?.values.count },
                     "table \(id): columns of unequal length")
    }

    /// Data rows shown.
    public var rowCount: Int { window?.count ?? columns.first?.values.count ?? 0 }

    /// Index into the column arrays of the shown data row `row`.
    public func storageIndex(_ row: Int) -> Int { (window?.lowerBound ?? 0) + row }
}

public struct ReportColumn: Sendable {
    public var header: String
    public var kind: ValueKind
    public var values: ColumnValues

    public init(_ header: String, _ kind: ValueKind, _ values: ColumnValues) {
        self.header = header
        self.kind = kind
        self.values = values
    }

    public static func text(_ header: String, _ values: [String]) -> ReportColumn {
        ReportColumn(header, .text, .texts(values))
    }

    public static func numbers(_ header: String, _ kind: ValueKind, _ values: [Double]) -> ReportColumn {
        ReportColumn(header, kind, .numbers(values))
    }
}

/// A column's values.
public enum ColumnValues: Sendable {
    /// NaN is an empty cell.
    case numbers([Double])
    case texts([String])
    /// Codes into a table of levels (a portfolio's segment, country, ... column).
    case categories(codes: [UInt32], levels: [String])
    /// Each cell typed on its own (a column mixing text and numbers).
    case cells([CellValue])
    /// Each cell a formula over the same table (a row total, a pass/fail check).
    case formulas([FormulaCell])

    public var count: Int {
        switch self {
        case let .numbers(v): return v.count
        case let .texts(v): return v.count
        case let .categories(codes, _): return codes.count
        case let .cells(v): return v.count
        case let .formulas(v): return v.count
        }
    }

    public static func categories(_ column: CategoricalColumn) -> ColumnValues {
        .categories(codes: column.codes, levels: column.levels)
    }
}

/// A row under (or above) the data: a label in the first column and, in the
/// others, formulas over the data rows or plain values.
public struct SummaryRow: Sendable {
    public var cells: [SummaryCell]

    /// `cells` holds the columns after the first, which is the label.
    public init(label: String, _ cells: [SummaryCell]) {
        self.cells = [.value(.text(label))] + cells
    }

    public init(cells: [SummaryCell]) { self.cells = cells }
}

public enum SummaryCell: Sendable {
    case value(CellValue)
    case formula(FormulaCell)
    case empty
}
