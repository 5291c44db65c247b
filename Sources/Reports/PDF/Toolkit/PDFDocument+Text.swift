internal import CCairo
import Foundation

/// Text primitives in DejaVu Sans (it carries ✓ ✗ ▲ ▼ − and …). Everything
/// that has to fit measures first with Cairo's own extents, so what is
/// measured is exactly what is drawn.
extension PDFDocument {
    /// Advance width of `s` in points.
    func measure(_ s: String, _ style: TextStyle) -> Double {
        guard let cr = context, !s.isEmpty else { return 0 }
        select(cr, style)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, s, &extents)
        return extents.x_advance
    }

    /// Baseline-to-baseline distance for the style.
    func lineHeight(_ style: TextStyle) -> Double {
        guard let cr = context else { return style.size * 1.2 }
        select(cr, style)
        var extents = cairo_font_extents_t()
        cairo_font_extents(cr, &extents)
        return extents.height
    }

    /// Cap height of DejaVu Sans (0.73 em): centres a line of text on a tick or in a box.
    func capHeight(_ style: TextStyle) -> Double { style.size * 0.73 }

    func text(_ s: String, x: Double, baseline: Double, _ style: TextStyle, align: TextAlign = .left) {
        guard let cr = context, !s.isEmpty, x.isFinite, baseline.isFinite else { return }
        let w = measure(s, style)
        let x0: Double
        switch align {
        case .left: x0 = x
        case .center: x0 = x - w / 2
        case .right: x0 = x - w
        }
        select(cr, style)
        cairo_set_source_rgb(cr, style.colour.r, style.colour.g, style.colour.b)
        cairo_move_to(cr, x0, baseline)
        cairo_show_text(cr, s)
        cairo_new_path(cr)
    }

    /// What `fittedText` would draw: the string (perhaps ending in "…") and the
    /// style (perhaps shrunk to no less than 75 %), guaranteed no wider than `width`.
    func fit(_ s: String, width: Double, _ style: TextStyle) -> (text: String, style: TextStyle) {
        guard width > 0 else { return ("", style) }
        var st = style
        var w = measure(s, st)
        if w <= width { return (s, st) }
        st.size = max(style.size * 0.75, style.size * width / w * 0.99)
        w = measure(s, st)
        if w <= width { return (s, st) }
        return (truncated(s, width: width, st), st)
    }

    /// The longest prefix of `s` that, followed by "…", fits `width`; "" if not even "…" fits.
    func truncated(_ s: String, width: Double, _ style: TextStyle) -> String {
        if measure(s, style) <= width { return s }
        let chars = Array(s)
        var lo = 0, hi = chars.count // invariant: prefix(lo)+… fits (or lo == 0)
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = String(chars[0..<mid]).trimmingCharacters(in: .whitespaces) + "…"
            if measure(candidate, style) <= width { lo = mid } else { hi = mid - 1 }
        }
        let result = String(chars[0..<lo]).trimmingCharacters(in: .whitespaces) + "…"
        return measure(result, style) <= width ? result : ""
    }

    /// One line inside `r`, vertically centred; shrinks to 75 % then ends in "…". Never wider than `r`.
    func fittedText(_ s: String, in r: Rect, _ style: TextStyle, align: TextAlign = .left) {
        let (t, st) = fit(s, width: r.width, style)
        guard !t.isEmpty else { return }
        let baseline = r.midY + capHeight(st) / 2
        switch align {
        case .left: text(t, x: r.x, baseline: baseline, st, align: .left)
        case .center: text(t, x: r.midX, baseline: baseline, st, align: .center)
        case .right: text(t, x: r.maxX, baseline: baseline, st, align: .right)
        }
    }

    /// Greedy word wrap to `width`. A word wider than the line stays whole
    /// (the drawer truncates it). Newlines start new paragraphs.
    func wrapLines(_ s: String, width: Double, _ style: TextStyle) -> [String] {
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if current.isEmpty || measure(candidate, style) <= width {
                    current = candidate
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// Word-wrapped text from the top of `r`; returns the height used. Lines
    /// that do not fit are dropped and the last shown line ends with "…".
    @discardableResult
    func wrappedText(_ s: String, in r: Rect, _ style: TextStyle) -> Double {
        wrappedText(s, in: r, style, align: .left)
    }

    @discardableResult
    func wrappedText(_ s: String, in r: Rect, _ style: TextStyle, align: TextAlign) -> Double {
        let lh = lineHeight(style)
        guard lh > 0, r.width > 0 else { return 0 }
        let capacity = Int(((r.height + 0.01) / lh).rounded(.down))
        guard capacity > 0 else { return 0 }
        var lines = wrapLines(s, width: r.width, style)
        if lines.count > capacity {
            lines = Array(lines.prefix(capacity))
            let last = lines[capacity - 1]
            let marked = last + "…"
            lines[capacity - 1] = measure(marked, style) <= r.width ? marked : truncated(last + " …", width: r.width, style)
        }
        // Centre each line in its own line box; the baseline sits where the font's ascent puts it.
        let ascentShift = (lh + capHeight(style)) / 2
        for (i, line) in lines.enumerated() {
            let t = truncated(line, width: r.width, style)
            let baseline = r.y + Double(i) * lh + ascentShift
            switch align {
            case .left: text(t, x: r.x, baseline: baseline, style)
            case .center: text(t, x: r.midX, baseline: baseline, style, align: .center)
            case .right: text(t, x: r.maxX, baseline: baseline, style, align: .right)
            }
        }
        return Double(lines.count) * lh
    }

    /// Text rotated −90° (reading bottom to top) centred on `centre`: y-axis titles.
    func verticalText(_ s: String, centre: Point, _ style: TextStyle) {
        verticalText(s, centre: centre, style, maxLength: .infinity)
    }

    /// As above, truncated with "…" so it spans at most `maxLength` points.
    func verticalText(_ s: String, centre: Point, _ style: TextStyle, maxLength: Double) {
        guard let cr = context, centre.isFinite else { return }
        let t = maxLength.isFinite ? truncated(s, width: maxLength, style) : s
        guard !t.isEmpty else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, centre.x, centre.y)
        cairo_rotate(cr, -Double.pi / 2)
        text(t, x: 0, baseline: capHeight(style) / 2, style, align: .center)
    }

    private func select(_ cr: OpaquePointer, _ style: TextStyle) {
        cairo_select_font_face(cr, style.monospace ? "DejaVu Sans Mono" : "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, max(0.1, style.size))
    }
}
