/// How a cell looks: the number format and the few text styles the workbooks
/// use. One libxlsxwriter format per distinct style, made by `XlsxWorkbook`.
public struct XlsxStyle: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        case body
        /// The sheet title (row 1).
        case title
        /// The line under the title: run, date, currency.
        case subtitle
        case heading
        /// A table's caption.
        case caption
        /// A table's column header: bold on grey, wrapped, bottom border.
        case header
        /// The header of a column of numbers: as `header`, right-aligned over the figures.
        case numberHeader
        /// The first totals or summary row: bold with a top border.
        case total
        /// Summary rows after the first: bold.
        case subtotal
        /// A field's value: left-aligned under its neighbours, whatever its kind.
        case field
        /// Prose in a table cell, wrapped within its column (bottom-aligned, as its neighbours).
        case wrapped
        /// A field's label.
        case label
        case note
        case link
    }

    public var role: Role
    /// Excel number format, e.g. `#,##0` or `0.00%`; nil for text.
    public var numberFormat: String?

    public init(role: Role = .body, numberFormat: String? = nil) {
        self.role = role
        self.numberFormat = numberFormat
    }

    /// The number format of a kind of value (percent, basis points, currency with separators, ...).
    public static func numberFormat(_ kind: ValueKind) -> String? {
        switch kind {
        case .text: return nil
        case .amount: return "#,##0"
        case let .percent(decimals): return decimals > 0 ? "0." + String(repeating: "0", count: decimals) + "%" : "0%"
        case .basisPoints: return "#,##0.0\" bp\""
        case .count: return "#,##0"
        case .date: return "yyyy-mm-dd"
        case let .number(decimals): return decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0"
        case .multiple: return "0.00\"×\""
        case .scientific: return "0.0E+00"
        }
    }

    public static func value(_ kind: ValueKind, role: Role = .body) -> XlsxStyle {
        XlsxStyle(role: role, numberFormat: numberFormat(kind))
    }
}
