internal import CCairo
import Foundation

/// Stroke and fill primitives. Each saves and restores Cairo's state so one
/// call's dash or clip never leaks into the next; non-finite coordinates are
/// skipped rather than drawn (Cairo would put the whole context in error).
extension PDFDocument {
    func line(_ a: Point, _ b: Point, _ colour: Colour, width: Double = 1, dash: LineDash = .solid) {
        guard let cr = context, a.isFinite, b.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        setStroke(cr, colour, width: width, dash: dash)
        cairo_move_to(cr, a.x, a.y)
        cairo_line_to(cr, b.x, b.y)
        cairo_stroke(cr)
    }

    /// A connected line; a non-finite point (NaN value) breaks it into separate runs.
    func polyline(_ pts: [Point], _ colour: Colour, width: Double = 1.5, dash: LineDash = .solid) {
        guard let cr = context, pts.count > 1 else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        setStroke(cr, colour, width: width, dash: dash)
        var penDown = false
        for p in pts {
            if p.isFinite {
                if penDown { cairo_line_to(cr, p.x, p.y) } else { cairo_move_to(cr, p.x, p.y) }
                penDown = true
            } else {
                penDown = false
            }
        }
        cairo_stroke(cr)
    }

    func fill(_ r: Rect, _ colour: Colour) {
        guard let cr = context, r.width > 0, r.height > 0, r.x.isFinite, r.y.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    func stroke(_ r: Rect, _ colour: Colour, width: Double = 0.5) {
        guard let cr = context, r.x.isFinite, r.y.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        setStroke(cr, colour, width: width, dash: .solid)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_stroke(cr)
    }

    func fillPolygon(_ pts: [Point], _ colour: Colour, alpha: Double = 1) {
        let finite = pts.filter(\.isFinite)
        guard let cr = context, finite.count >= 3 else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        if alpha >= 1 {
            cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        } else {
            cairo_set_source_rgba(cr, colour.r, colour.g, colour.b, max(0, alpha))
        }
        cairo_move_to(cr, finite[0].x, finite[0].y)
        for p in finite.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        cairo_close_path(cr)
        cairo_fill(cr)
    }

    /// Diagonal hatching inside `r`: the tone cue that survives greyscale
    /// printing where two fills would otherwise have the same grey.
    func hatch(_ r: Rect, _ colour: Colour, spacing: Double = 3.5, width: Double = 0.7) {
        guard let cr = context, r.width > 0, r.height > 0, r.x.isFinite, r.y.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
        setStroke(cr, colour, width: width, dash: .solid)
        // Lines at 45°, anchored to page coordinates so neighbouring bars line up.
        let start = ((r.x - r.height) / spacing).rounded(.down) * spacing
        var x = start
        while x < r.maxX {
            cairo_move_to(cr, x, r.maxY)
            cairo_line_to(cr, x + r.height, r.y)
            x += spacing
        }
        cairo_stroke(cr)
    }

    /// A series marker: circle, square, triangle, diamond by series index,
    /// with a white rim so it stands out from the line through it.
    func marker(_ p: Point, index: Int, _ colour: Colour) {
        guard let cr = context, p.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        let s = 2.8
        switch ((index % 4) + 4) % 4 {
        case 0:
            cairo_new_sub_path(cr)
            cairo_arc(cr, p.x, p.y, s, 0, 2 * Double.pi)
        case 1:
            cairo_rectangle(cr, p.x - s * 0.9, p.y - s * 0.9, s * 1.8, s * 1.8)
        case 2:
            cairo_move_to(cr, p.x, p.y - s * 1.2)
            cairo_line_to(cr, p.x + s * 1.1, p.y + s * 0.8)
            cairo_line_to(cr, p.x - s * 1.1, p.y + s * 0.8)
            cairo_close_path(cr)
        default:
            cairo_move_to(cr, p.x, p.y - s * 1.25)
            cairo_line_to(cr, p.x + s * 1.1, p.y)
            cairo_line_to(cr, p.x, p.y + s * 1.25)
            cairo_line_to(cr, p.x - s * 1.1, p.y)
            cairo_close_path(cr)
        }
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_fill_preserve(cr)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_set_line_width(cr, 0.6)
        cairo_stroke(cr)
    }

    private func setStroke(_ cr: OpaquePointer, _ colour: Colour, width: Double, dash: LineDash) {
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        switch dash {
        case .solid:
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_set_dash(cr, nil, 0, 0)
        case .dashed:
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            let pattern = [max(3, 3.5 * width), max(2, 2.2 * width)]
            cairo_set_dash(cr, pattern, 2, 0)
        case .dotted:
            // Zero-length dashes with round caps draw dots.
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            let pattern = [0, max(2, 2.2 * width)]
            cairo_set_dash(cr, pattern, 2, 0)
        }
    }
}
