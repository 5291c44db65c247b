/// An RGB colour, components 0…1. Named colours carry meaning (pass, breach,
/// threshold) so a page reads the same way everywhere in the pack.
struct Colour: Equatable, Sendable {
    var r: Double
    var g: Double
    var b: Double

    init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    init(_ r: Int, _ g: Int, _ b: Int) {
        self.init(r: Double(r) / 255, g: Double(g) / 255, b: Double(b) / 255)
    }

    /// Near-black for text and axes; pure black is harsh next to light grids.
    static let ink = Colour(34, 34, 34)
    /// Secondary text: axis labels, footers, notes.
    static let muted = Colour(110, 110, 110)
    /// Gridlines: visible on screen and paper, never competing with data.
    static let grid = Colour(222, 222, 222)
    static let white = Colour(255, 255, 255)
    /// Okabe–Ito bluish green: a pass that colour-blind readers still tell from breach.
    static let pass = Colour(0, 140, 100)
    /// Okabe–Ito vermillion, a shade darker so bold text stays readable.
    static let breach = Colour(200, 80, 0)
    /// Amber lights: Okabe–Ito orange darkened to read as text.
    static let caution = Colour(170, 110, 0)
    /// Hurdles and limits: the vermillion of breach, always drawn dashed.
    static let threshold = Colour(70, 70, 70)
    /// The shaded range behind scenario fans.
    static let band = Colour(214, 226, 238)
    /// Zebra stripes in tables.
    static let zebra = Colour(244, 245, 247)

    // The Okabe–Ito palette (Okabe & Ito 2008), safe for the common colour-vision deficiencies.
    static let blue = Colour(0, 114, 178)
    static let orange = Colour(230, 159, 0)
    static let bluishGreen = Colour(0, 158, 115)
    static let yellow = Colour(240, 228, 66)
    static let vermillion = Colour(213, 94, 0)
    static let skyBlue = Colour(86, 180, 233)
    static let reddishPurple = Colour(204, 121, 167)
    static let black = Colour(0, 0, 0)

    /// Luma (Rec. 601), what a greyscale printer roughly keeps.
    var luma: Double { 0.299 * r + 0.587 * g + 0.114 * b }

    /// The colour mixed towards white by `amount` (0 = unchanged, 1 = white): tints for hatched fills.
    func tint(_ amount: Double) -> Colour {
        let a = min(max(amount, 0), 1)
        return Colour(r: r + (1 - r) * a, g: g + (1 - g) * a, b: b + (1 - b) * a)
    }
}

/// Series colours in an order where neighbours differ clearly in greyscale
/// luminance (luma ≈ .34 .64 .41 .84 .47 .62 0 .59), so stacked segments and
/// adjacent lines stay distinguishable on a black-and-white printout.
enum Palette {
    static let series: [Colour] = [
        .blue, .orange, .bluishGreen, .yellow, .vermillion, .skyBlue, .black, .reddishPurple,
    ]

    static func colour(_ index: Int) -> Colour {
        series[((index % series.count) + series.count) % series.count]
    }

    /// The colour for a stroked line: as `colour`, except that Okabe–Ito
    /// yellow, fine for fills, is darkened to a gold that holds up as a thin
    /// line on white paper.
    static func lineColour(_ index: Int) -> Colour {
        let c = colour(index)
        return c == .yellow ? Colour(190, 165, 0) : c
    }

    /// The dash for series `index`: cycles with period 3 against markers' 4,
    /// so the first twelve series differ in shape as well as colour.
    static func dash(_ index: Int) -> LineDash {
        [LineDash.solid, .dashed, .dotted][((index % 3) + 3) % 3]
    }
}

/// Stroke patterns; the second cue (after colour) that keeps series apart in greyscale.
enum LineDash: Sendable, Equatable {
    case solid, dashed, dotted
}
