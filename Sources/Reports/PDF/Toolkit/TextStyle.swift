enum TextAlign: Sendable, Equatable {
    case left, center, right
}

/// A font size, weight and colour in DejaVu Sans (DejaVu Sans Mono when
/// `monospace`, for digests an auditor compares character by character). A
/// handful of named styles keeps the hierarchy of every page the same.
struct TextStyle: Equatable, Sendable {
    var size: Double
    var bold: Bool = false
    var colour: Colour = .ink
    var monospace = false

    static let title = TextStyle(size: 18, bold: true)
    static let heading = TextStyle(size: 13, bold: true)
    static let body = TextStyle(size: 10)
    static let small = TextStyle(size: 8.5)
    static let axis = TextStyle(size: 8, colour: .muted)

    func with(size: Double? = nil, bold: Bool? = nil, colour: Colour? = nil, monospace: Bool? = nil) -> TextStyle {
        TextStyle(size: size ?? self.size, bold: bold ?? self.bold, colour: colour ?? self.colour,
                  monospace: monospace ?? self.monospace)
    }
}
