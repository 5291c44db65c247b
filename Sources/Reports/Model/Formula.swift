/// A formula cell: the formula over cells of its own table, the value it
/// evaluates to (written as the cached result, so a reader that does not
/// recalculate shows the right figure), how to show it, and the results.json
/// figure it reproduces. A reviewer traces the figure by reading the formula.
public struct FormulaCell: Sendable {
    public var formula: Formula
    public var cached: CachedValue
    public var kind: ValueKind
    /// The figure in results.json the formula must equal after recalculation.
    public var source: ResultPointer?

    public init(_ formula: Formula, equals cached: Double, kind: ValueKind, source: ResultPointer?) {
        self.formula = formula
        self.cached = .number(cached)
        self.kind = kind
        self.source = source
    }

    public init(_ formula: Formula, text cached: String) {
        self.formula = formula
        self.cached = .text(cached)
        self.kind = .text
        self.source = nil
    }

    public enum CachedValue: Sendable, Equatable {
        case number(Double)
        case text(String)
    }
}

/// A formula described abstractly, over the table it sits in; the renderer
/// turns it into the spreadsheet's syntax (`SUM(C7:C9)`) once cells are placed.
public indirect enum Formula: Sendable {
    /// Σ of the cells of a span.
    case sum(Span)
    case minimum(Span)
    case maximum(Span)
    /// How many cells of the span hold numbers.
    case count(Span)
    /// How many cells of the span equal the text.
    case countText(Span, String)
    /// Σ_i Π_k span_k[i]: spans of equal length (Σ PD·LGD·EAD).
    case sumProduct([Span])
    case cell(CellReference)
    case constant(Double)
    case add(Formula, Formula)
    case subtract(Formula, Formula)
    case multiply(Formula, Formula)
    case divide(Formula, Formula)
    /// "pass" when |value − expected| ≤ tolerance, else "FAIL".
    case passFail(value: Formula, expected: Formula, tolerance: Formula)
}

/// Cells of the formula's own table.
public enum Span: Sendable, Equatable {
    /// A column's data rows, all of them or a range of data-row indices.
    case column(Int, rows: ClosedRange<Int>? = nil)
    /// A data row across a range of columns.
    case row(Int, columns: ClosedRange<Int>)
}

public enum CellReference: Sendable, Equatable {
    /// A data cell (data-row index, column index).
    case data(row: Int, column: Int)
    /// A cell of a summary row.
    case summary(row: Int, column: Int)
}
