internal import CXlsxWriter

/// The one place a libxlsxwriter return code becomes a Swift error (STYLE
/// habit 8), with the library's own message and the failing call.
func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws {
    guard code != LXW_NO_ERROR else { return }
    throw ReportError(library: "libxlsxwriter", operation: operation(),
                      message: String(cString: lxw_strerror(code)))
}

/// A libxlsxwriter call that returns no code and failed by returning NULL.
func nullResult(_ operation: String, _ message: String) -> ReportError {
    ReportError(library: "libxlsxwriter", operation: operation, message: message)
}
