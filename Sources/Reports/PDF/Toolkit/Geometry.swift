/// A position on the page in points. Origin top-left, y grows downwards, as in
/// Cairo's user space, so layout code never flips signs.
struct Point: Equatable, Sendable {
    var x: Double
    var y: Double

    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A box on the page in points (origin top-left, y down). Page layout is done
/// by carving rects (split, columns, rows) so no chart ever draws outside the
/// box it was given. Widths and heights never go negative.
struct Rect: Equatable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// The same box shrunk by `d` on every side.
    func inset(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// A strip of height `h` from the top, and what remains underneath.
    func splitTop(_ h: Double) -> (top: Rect, rest: Rect) {
        let h = min(max(0, h), height)
        return (Rect(x: x, y: y, width: width, height: h),
                Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// A strip of height `h` from the bottom, and what remains above.
    func splitBottom(_ h: Double) -> (bottom: Rect, rest: Rect) {
        let h = min(max(0, h), height)
        return (Rect(x: x, y: maxY - h, width: width, height: h),
                Rect(x: x, y: y, width: width, height: height - h))
    }

    /// A strip of width `w` from the left, and what remains to its right.
    func splitLeft(_ w: Double) -> (left: Rect, rest: Rect) {
        let w = min(max(0, w), width)
        return (Rect(x: x, y: y, width: w, height: height),
                Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// A strip of width `w` from the right, and what remains to its left.
    func splitRight(_ w: Double) -> (right: Rect, rest: Rect) {
        let w = min(max(0, w), width)
        return (Rect(x: maxX - w, y: y, width: w, height: height),
                Rect(x: x, y: y, width: width - w, height: height))
    }

    /// `n` equal columns separated by `gap`; empty for n ≤ 0.
    func columns(_ n: Int, gap: Double) -> [Rect] {
        guard n > 0 else { return [] }
        let w = max(0, (width - gap * Double(n - 1)) / Double(n))
        return (0..<n).map { Rect(x: x + Double($0) * (w + gap), y: y, width: w, height: height) }
    }

    /// `n` equal rows separated by `gap`; empty for n ≤ 0.
    func rows(_ n: Int, gap: Double) -> [Rect] {
        guard n > 0 else { return [] }
        let h = max(0, (height - gap * Double(n - 1)) / Double(n))
        return (0..<n).map { Rect(x: x, y: y + Double($0) * (h + gap), width: width, height: h) }
    }

    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance
            && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }
}
