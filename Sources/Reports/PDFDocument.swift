internal import CCairo
import Foundation

/// Owner of one Cairo PDF surface and its drawing context. `finish()` flushes
/// the file exactly once and reports Cairo's status as a Swift error.
public final class PDFDocument {
    private var surface: OpaquePointer?
    /// The Cairo context; readable inside the module so the drawing toolkit
    /// (PDF/Toolkit) can extend this class without owning a second handle.
    private(set) var context: OpaquePointer?
    public let path: String
    public let width: Double
    public let height: Double

    /// A4 landscape in points (297 × 210 mm).
    public static let a4Landscape = (width: 841.889763779528, height: 595.275590551181)

    public init(path: String, width: Double = PDFDocument.a4Landscape.width,
                height: Double = PDFDocument.a4Landscape.height) throws {
        self.path = path
        self.width = width
        self.height = height
        let s = cairo_pdf_surface_create(path, width, height)
        try check(cairo_surface_status(s), "cairo_pdf_surface_create(\(path))")
        surface = s
        let c = cairo_create(s)
        try check(cairo_status(c), "cairo_create")
        context = c
    }

    /// An SVG drawing of the given size in points, for the dashboard: the charts' same
    /// drawing code, on Cairo's SVG surface (sizes in pt, so it scales by its viewBox).
    public init(svgPath path: String, width: Double, height: Double) throws {
        self.path = path
        self.width = width
        self.height = height
        let s = cairo_svg_surface_create(path, width, height)
        try check(cairo_surface_status(s), "cairo_svg_surface_create(\(path))")
        cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PT)
        surface = s
        let c = cairo_create(s)
        try check(cairo_status(c), "cairo_create")
        context = c
    }

    deinit {
        if let context { cairo_destroy(context) }
        if let surface { cairo_surface_destroy(surface) }
    }

    /// Title, author and creation date. The date is the run's as-of date, never
    /// the clock, so the same run gives a byte-identical PDF (METHODOLOGY §7).
    public func setMetadata(title: String, author: String, created: Date) {
        guard let surface, cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_PDF else { return }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let date = formatter.string(from: created)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "StressPack")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }

    /// Draws text at (x, y) from the top-left corner, in points.
    public func text(_ string: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        guard let context else { return }
        cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        cairo_move_to(context, x, y)
        cairo_show_text(context, string)
    }

    public func rectangle(x: Double, y: Double, width: Double, height: Double, grey: Double) {
        guard let context else { return }
        cairo_set_source_rgb(context, grey, grey, grey)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
        cairo_set_source_rgb(context, 0, 0, 0)
    }

    public func showPage() { if let context { cairo_show_page(context) } }

    /// Cairo's sticky drawing status so far. Drawing primitives do not throw
    /// (a chart is drawn in one pass); callers that want to stop early ask here.
    func checkDrawing(_ operation: @autoclosure () -> String = "drawing") throws {
        guard let context else { return }
        try check(cairo_status(context), operation())
    }

    /// Completes the file. Must be called exactly once.
    public func finish() throws {
        guard let surface, let context else {
            throw ReportError(library: "cairo", operation: "finish", message: "already finished")
        }
        try check(cairo_status(context), "drawing")
        cairo_destroy(context)
        self.context = nil
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        self.surface = nil
        try check(status, "cairo_surface_finish(\(path))")
    }
}

/// The one place a Cairo status becomes a Swift error. Internal so the drawing
/// toolkit reports through the same funnel.
func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw ReportError(library: "cairo", operation: operation(),
                      message: String(cString: cairo_status_to_string(status)))
}
