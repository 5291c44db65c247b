internal import CXlsxWriter

/// A chart borrowed from its `XlsxWorkbook`; inserted into exactly one worksheet.
/// Series are cell ranges (`Sheet!$B$5:$B$9`), so the chart follows the cells.
public struct XlsxChart {
    let handle: UnsafeMutablePointer<lxw_chart>

    /// A rectangle of cells on a sheet, zero-based and inclusive.
    public struct Range: Equatable {
        public var sheet: String
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }
    }

    /// Adds a series: values and categories as ranges, its name from a cell.
    /// A threshold (hurdle) is drawn as a dashed dark red line without markers.
    public func addSeries(values: Range, categories: Range, nameCell: (sheet: String, row: Int, column: Int),
                          threshold: Bool, lineChart: Bool) throws {
        guard let series = chart_add_series(handle, nil, nil) else {
            throw nullResult("chart_add_series", "out of memory")
        }
        chart_series_set_values(series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        chart_series_set_categories(series, categories.sheet, lxw_row_t(categories.firstRow),
                                    lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow),
                                    lxw_col_t(categories.lastColumn))
        chart_series_set_name_range(series, nameCell.sheet, lxw_row_t(nameCell.row), lxw_col_t(nameCell.column))
        guard lineChart else { return }
        var line = lxw_chart_line()
        line.width = 2.25
        if threshold {
            line.color = 0xC00000
            line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
            chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_NONE.rawValue))
        } else {
            chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_AUTOMATIC.rawValue))
        }
        chart_series_set_line(series, &line)
    }

    /// The title, in 11-point bold so that it fits on one line over the plot.
    public func setTitle(_ title: String) {
        chart_title_set_name(handle, title)
        var font = lxw_chart_font()
        font.size = 11
        font.bold = 1
        chart_title_set_name_font(handle, &font)
    }

    /// The value axis (y; x for a bar chart): number format and optional title.
    public func setValueAxis(numberFormat: String?, title: String?, horizontal: Bool) {
        let axis = horizontal ? handle.pointee.x_axis : handle.pointee.y_axis
        guard let axis else { return }
        if let numberFormat { chart_axis_set_num_format(axis, numberFormat) }
        if let title { chart_axis_set_name(axis, title) }
    }

    /// Category labels at the bottom even when values are negative (bar charts: at the left).
    public func setCategoryLabelsLow(horizontal: Bool) {
        let axis = horizontal ? handle.pointee.y_axis : handle.pointee.x_axis
        guard let axis else { return }
        chart_axis_set_label_position(axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
    }

    /// Bar charts list categories bottom-up by default; reversed (with the value axis
    /// kept at the bottom) they read top-down in the table's order.
    public func setCategoriesTopDown() {
        guard let axis = handle.pointee.y_axis else { return }
        chart_axis_set_reverse(axis)
        chart_axis_set_crossing_max(axis)
    }

    public func setLegendBottom() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }

    public func hideLegend() {
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }
}
