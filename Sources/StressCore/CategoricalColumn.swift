/// A text column stored as small integer codes into a table of distinct levels,
/// so ten million exposures cost four bytes each per column, not a String each.
/// Level order is first appearance, which keeps it deterministic for a given file.
public struct CategoricalColumn: Sendable, Equatable {
    public private(set) var codes: [UInt32] = []
    public private(set) var levels: [String] = []
    private var index: [String: UInt32] = [:]

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == String {
        for value in values { append(value) }
    }

    /// A column read back from its codes and levels (a binary column file); nil when a code
    /// has no level or a level repeats.
    public init?(codes: [UInt32], levels: [String]) {
        var index: [String: UInt32] = [:]
        for (k, level) in levels.enumerated() {
            guard index.updateValue(UInt32(k), forKey: level) == nil else { return nil }
        }
        guard codes.allSatisfy({ Int($0) < levels.count }) else { return nil }
        self.codes = codes
        self.levels = levels
        self.index = index
    }

    public var count: Int { codes.count }

    public mutating func reserveCapacity(_ n: Int) { codes.reserveCapacity(n) }

    public mutating func append(_ value: String) {
        if let code = index[value] {
            codes.append(code)
        } else {
            let code = UInt32(levels.count)
            levels.append(value)
            index[value] = code
            codes.append(code)
        }
    }

    public subscript(row: Int) -> String { levels[Int(codes[row])] }

    /// Appends `other`'s values: its levels not yet here are added in their order, so a
    /// column read in parts and appended in order is the column read in one piece.
    public mutating func append(contentsOf other: CategoricalColumn) {
        let code = other.levels.map { level -> UInt32 in
            if let known = index[level] { return known }
            let new = UInt32(levels.count)
            levels.append(level)
            index[level] = new
            return new
        }
        codes.reserveCapacity(codes.count + other.codes.count)
        for c in other.codes { codes.append(code[Int(c)]) }
    }

    /// The values at `rows`, in that order: the same column as `CategoricalColumn(rows.map
    /// { self[$0] })` (levels in order of first appearance), built from the codes alone.
    /// The rows of `range` with this column's levels, in their order: a slice codes its
    /// values as the whole column does (an exposure-range shard's breakdowns line up with
    /// the book's).
    public func slice(_ range: Range<Int>) -> CategoricalColumn {
        var picked = self
        picked.codes = Array(codes[range])
        return picked
    }

    public func rows(_ rows: [Int]) -> CategoricalColumn {
        let unseen = UInt32.max
        var newCode = [UInt32](repeating: unseen, count: levels.count)
        var picked = CategoricalColumn()
        picked.codes.reserveCapacity(rows.count)
        for row in rows {
            let old = Int(codes[row])
            if newCode[old] == unseen {
                newCode[old] = UInt32(picked.levels.count)
                picked.index[levels[old]] = newCode[old]
                picked.levels.append(levels[old])
            }
            picked.codes.append(newCode[old])
        }
        return picked
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.codes == b.codes && a.levels == b.levels
    }
}
