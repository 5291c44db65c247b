internal import CXlsxWriter
import Foundation

/// Owner of one libxlsxwriter workbook handle (STYLE habit 8): created by a
/// throwing init, closed exactly once by `close()`. Worksheets, formats and
/// charts are borrowed from it and must not be used after `close()`. Every
/// `lxw_error` goes through `check` (XlsxCheck.swift).
public final class XlsxWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var cStrings: [UnsafeMutablePointer<CChar>] = []
    private var formats: [XlsxStyle: XlsxFormat] = [:]
    public let path: String

    /// - Parameters:
    ///   - constantMemory: stream rows to disk (one row in memory): rows of every
    ///     sheet must then be written in order, top to bottom. libxlsxwriter 1.1.4
    ///     sets this for the whole workbook, not per sheet; the million-row
    ///     exposure sheet needs it.
    public init(path: String, constantMemory: Bool = false, temporaryDirectory: String? = nil) throws {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        let tmp = temporaryDirectory.map { strdup($0)! }
        if let tmp { cStrings.append(tmp) }
        options.tmpdir = tmp
        guard let workbook = workbook_new_opt(path, &options) else {
            throw ReportError(library: "libxlsxwriter", operation: "workbook_new_opt(\(path))",
                              message: "could not create the workbook (memory or path)")
        }
        handle = workbook
    }

    deinit {
        // A workbook never closed still owns its temporary files: close it, ignore errors.
        if let handle { _ = workbook_close(handle) }
        for s in cStrings { free(s) }
    }

    /// Document properties; `created` is the run's as-of date, never the clock,
    /// so the same run gives a byte-identical file (METHODOLOGY §7).
    public func setProperties(title: String, author: String, company: String, created: Date,
                              subject: String? = nil, comments: String? = nil) throws {
        var properties = lxw_doc_properties()
        properties.title = keep(title)
        properties.author = keep(author)
        properties.company = keep(company)
        if let subject { properties.subject = keep(subject) }
        if let comments { properties.comments = keep(comments) }
        properties.created = time_t(created.timeIntervalSince1970)
        try check(workbook_set_properties(try workbookHandle(), &properties), "workbook_set_properties")
    }

    /// A custom document property (File → Properties → Custom), e.g. the run id.
    public func setCustomProperty(_ name: String, _ value: String) throws {
        try check(workbook_set_custom_property_string(try workbookHandle(), name, value),
                  "workbook_set_custom_property_string(\(name))")
    }

    public func addWorksheet(named name: String) throws -> XlsxWorksheet {
        let workbook = try workbookHandle()
        try check(workbook_validate_sheet_name(workbook, name), "workbook_add_worksheet(\(name))")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw nullResult("workbook_add_worksheet(\(name))", "invalid or duplicate sheet name")
        }
        return XlsxWorksheet(handle: sheet, name: name)
    }

    /// The format of a style, made once per workbook.
    public func format(_ style: XlsxStyle) throws -> XlsxFormat {
        if let made = formats[style] { return made }
        guard let f = workbook_add_format(try workbookHandle()) else {
            throw nullResult("workbook_add_format", "out of memory")
        }
        if let numberFormat = style.numberFormat { format_set_num_format(f, numberFormat) }
        switch style.role {
        case .body: break
        case .title:
            format_set_bold(f); format_set_font_size(f, 14); format_set_font_color(f, 0x1F3864)
        case .subtitle:
            format_set_italic(f); format_set_font_size(f, 9); format_set_font_color(f, 0x595959)
        case .heading:
            format_set_bold(f); format_set_font_size(f, 12); format_set_font_color(f, 0x2F5597)
        case .caption:
            format_set_bold(f); format_set_italic(f)
        case .header:
            format_set_bold(f); format_set_text_wrap(f); format_set_bg_color(f, 0xD9E1F2)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)); format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .numberHeader:
            format_set_bold(f); format_set_text_wrap(f); format_set_bg_color(f, 0xD9E1F2)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue)); format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case .total:
            format_set_bold(f); format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue))
        case .subtotal:
            format_set_bold(f)
        case .field:
            format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .wrapped:
            format_set_text_wrap(f)
        case .label:
            format_set_bold(f)
        case .note:
            format_set_font_color(f, 0x404040)
        case .link:
            format_set_font_color(f, 0x0563C1); format_set_underline(f, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
        }
        let made = XlsxFormat(handle: f)
        formats[style] = made
        return made
    }

    /// A chart, to be inserted into one worksheet.
    public func addChart(_ kind: ChartSpec.Kind) throws -> XlsxChart {
        let type: lxw_chart_type
        switch kind {
        case .line: type = LXW_CHART_LINE
        case .column: type = LXW_CHART_COLUMN
        case .stackedColumn: type = LXW_CHART_COLUMN_STACKED
        case .bar: type = LXW_CHART_BAR
        }
        guard let chart = workbook_add_chart(try workbookHandle(), UInt8(type.rawValue)) else {
            throw nullResult("workbook_add_chart", "out of memory")
        }
        return XlsxChart(handle: chart)
    }

    /// A workbook-wide name for a cell or range, e.g. `='Capital EBA'!$D$12`.
    public func defineName(_ name: String, refersTo formula: String) throws {
        try check(workbook_define_name(try workbookHandle(), name, formula), "workbook_define_name(\(name))")
    }

    /// Writes the file. Must be called exactly once.
    public func close() throws {
        guard let h = handle else {
            throw ReportError(library: "libxlsxwriter", operation: "workbook_close", message: "already closed")
        }
        handle = nil
        try check(workbook_close(h), "workbook_close(\(path))")
    }

    private func workbookHandle() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw ReportError(library: "libxlsxwriter", operation: "use", message: "workbook already closed")
        }
        return handle
    }

    private func keep(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        cStrings.append(p)
        return p
    }
}

/// A cell format borrowed from its workbook.
public struct XlsxFormat {
    let handle: UnsafeMutablePointer<lxw_format>
}
