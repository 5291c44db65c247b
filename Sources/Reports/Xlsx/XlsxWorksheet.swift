internal import CXlsxWriter
import Foundation

/// A worksheet borrowed from its `XlsxWorkbook`. In constant-memory mode rows
/// must be written top to bottom; writing above the current row is an error.
public struct XlsxWorksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    public let name: String

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.handle = handle
        self.name = name
    }

    // MARK: - Cells

    public func write(row: Int, column: Int, number: Double, format: XlsxFormat? = nil) throws {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format?.handle),
                  "worksheet_write_number(\(name)!\(row),\(column))")
    }

    public func write(row: Int, column: Int, string: String, format: XlsxFormat? = nil) throws {
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), string, format?.handle),
                  "worksheet_write_string(\(name)!\(row),\(column))")
    }

    /// A string already in C form (a level of a categorical column, converted once).
    func write(row: Int, column: Int, cString: UnsafePointer<CChar>, format: XlsxFormat?) throws {
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), cString, format?.handle),
                  "worksheet_write_string(\(name)!\(row),\(column))")
    }

    /// A formula without a cached result (a reader that recalculates shows it).
    public func write(row: Int, column: Int, formula: String, format: XlsxFormat? = nil) throws {
        try check(worksheet_write_formula(handle, lxw_row_t(row), lxw_col_t(column), formula, format?.handle),
                  "worksheet_write_formula(\(name)!\(row),\(column))")
    }

    /// A formula with its cached numeric result, shown by readers that do not recalculate.
    public func write(row: Int, column: Int, formula: String, cached: Double, format: XlsxFormat? = nil) throws {
        try check(worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(column), formula,
                                              format?.handle, cached),
                  "worksheet_write_formula_num(\(name)!\(row),\(column): \(formula))")
    }

    /// A formula with its cached text result.
    public func write(row: Int, column: Int, formula: String, cachedText: String, format: XlsxFormat? = nil) throws {
        try check(worksheet_write_formula_str(handle, lxw_row_t(row), lxw_col_t(column), formula,
                                              format?.handle, cachedText),
                  "worksheet_write_formula_str(\(name)!\(row),\(column): \(formula))")
    }

    /// A date (no time of day) as an Excel date serial with a date format.
    public func write(row: Int, column: Int, year: Int, month: Int, day: Int, format: XlsxFormat?) throws {
        var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &date, format?.handle),
                  "worksheet_write_datetime(\(name)!\(row),\(column))")
    }

    /// A link to a cell of the workbook (`internal:'Sheet'!A1`) showing `text`.
    public func write(row: Int, column: Int, internalLink target: String, text: String, format: XlsxFormat?) throws {
        try check(worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), "internal:" + target,
                                          format?.handle, text, nil),
                  "worksheet_write_url(\(name)!\(row),\(column))")
    }

    // MARK: - Layout

    /// Row height in points; in constant-memory mode, before the row's cells are written.
    public func setRow(_ row: Int, height: Double) throws {
        try check(worksheet_set_row(handle, lxw_row_t(row), height, nil), "worksheet_set_row(\(name)!\(row))")
    }

    /// Column width in characters of the default font.
    public func setColumn(_ column: Int, width: Double) throws {
        try check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil),
                  "worksheet_set_column(\(name)!\(column))")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                       lxw_col_t(lastColumn)),
                  "worksheet_autofilter(\(name))")
    }

    public func insert(_ chart: XlsxChart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws {
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options),
                  "worksheet_insert_chart(\(name)!\(row),\(column))")
    }

    /// Landscape A4, one page wide, for printing a submission.
    public func setPrintLayout() {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)
        worksheet_fit_to_pages(handle, 1, 0)
    }

    public func setTabColor(_ rgb: UInt32) {
        worksheet_set_tab_color(handle, lxw_color_t(rgb))
    }
}
