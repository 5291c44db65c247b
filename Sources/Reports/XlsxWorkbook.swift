internal import CXlsxWriter
import Foundation

/// Owner of one libxlsxwriter workbook handle (STYLE habit 8): created by a
/// throwing init, closed exactly once by `close()`. Worksheets are borrowed from
/// it and must not be used after `close()`.
public final class XlsxWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var cStrings: [UnsafeMutablePointer<CChar>] = []
    public let path: String

    /// - Parameters:
    ///   - constantMemory: stream rows to disk (one row in memory); rows must then
    ///     be written in order. Needed for the million-row exposure sheet.
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
    public func setProperties(title: String, author: String, company: String, created: Date) throws {
        var properties = lxw_doc_properties()
        let t = keep(title), a = keep(author), c = keep(company)
        properties.title = t
        properties.author = a
        properties.company = c
        properties.created = time_t(created.timeIntervalSince1970)
        try check(workbook_set_properties(try workbookHandle(), &properties), "workbook_set_properties")
    }

    public func addWorksheet(named name: String) throws -> XlsxWorksheet {
        guard let sheet = workbook_add_worksheet(try workbookHandle(), name) else {
            throw ReportError(library: "libxlsxwriter", operation: "workbook_add_worksheet(\(name))",
                              message: "invalid or duplicate sheet name")
        }
        return XlsxWorksheet(handle: sheet)
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

/// A worksheet borrowed from its `XlsxWorkbook`.
public struct XlsxWorksheet {
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>

    fileprivate init(handle: UnsafeMutablePointer<lxw_worksheet>) { self.handle = handle }

    public func write(row: Int, column: Int, number: Double) throws {
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, nil),
                  "worksheet_write_number(\(row),\(column))")
    }

    public func write(row: Int, column: Int, string: String) throws {
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), string, nil),
                  "worksheet_write_string(\(row),\(column))")
    }

    public func write(row: Int, column: Int, formula: String) throws {
        try check(worksheet_write_formula(handle, lxw_row_t(row), lxw_col_t(column), formula, nil),
                  "worksheet_write_formula(\(row),\(column))")
    }
}

/// The one place a libxlsxwriter return code becomes a Swift error.
private func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws {
    guard code != LXW_NO_ERROR else { return }
    throw ReportError(library: "libxlsxwriter", operation: operation(),
                      message: String(cString: lxw_strerror(code)))
}
