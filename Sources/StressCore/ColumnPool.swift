/// Keeps one copy of equal columns: a column bit-for-bit equal to one already pooled comes
/// back as that array (shared storage, copy-on-write), so per-framework tables built from
/// the same book (the provision books of four frameworks, most of whose columns agree)
/// hold each distinct column once. At 10M exposures a Double column is 80 MB.
/// Equality is of the bytes: NaNs with the same payload match, −0 and +0 do not.
/// Used by one thread while the books are built (not Sendable).
public final class ColumnPool {
    /// Pooled columns by element type (no cast between element types is ever tried).
    private var columns: [ObjectIdentifier: [Any]] = [:]

    public init() {}

    public func intern<T: BitwiseCopyable>(_ column: [T]) -> [T] {
        let type = ObjectIdentifier(T.self)
        for case let pooled as [T] in columns[type, default: []] where Self.sameBytes(pooled, column) { return pooled }
        columns[type, default: []].append(column)
        return column
    }

    static func sameBytes<T: BitwiseCopyable>(_ a: [T], _ b: [T]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.elementsEqual(y) } }
    }
}
