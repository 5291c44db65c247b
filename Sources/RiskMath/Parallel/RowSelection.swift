/// The rows a kernel visits, in order: a contiguous range, or a list of rows taken from one
/// (the rows of a block whose figures one attribution coalition computes itself, the others
/// reusing them). Position p is the p-th row visited; a kernel indexes its per-row buffers
/// (stressed paths, per-row records) by position and its portfolio columns by row.
@frozen
public struct RowSelection: @unchecked Sendable {
    /// Rows visited.
    public let count: Int
    @usableFromInline let first: Int
    @usableFromInline let list: UnsafePointer<Int32>?

    /// Every row of `range`, in order.
    @inlinable
    public init(_ range: Range<Int>) {
        count = range.count
        first = range.lowerBound
        list = nil
    }

    /// The rows of `rows`, in their order; the buffer must outlive the selection.
    @inlinable
    public init(rows: UnsafeBufferPointer<Int32>) {
        count = rows.count
        first = 0
        list = rows.baseAddress
    }

    /// The row at `position` (0 ..< count).
    @inlinable
    public subscript(position: Int) -> Int {
        @inline(__always) get {
            if let list { return Int(list[position]) }
            return first + position
        }
    }
}
