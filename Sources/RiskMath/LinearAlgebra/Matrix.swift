/// A dense real matrix stored row-major in one contiguous `[Double]`: element (i, j) is
/// `elements[i·columns + j]`, the layout passed to CBLAS/LAPACKE as `CblasRowMajor` /
/// `LAPACK_ROW_MAJOR` with leading dimension `columns`.
///
/// A value type: copies are cheap until written (copy-on-write). Indices are 0-based.
@frozen
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major storage; `storage.count == rows·columns` always.
    @usableFromInline var storage: [Double]

    // MARK: - Construction

    /// A rows × columns matrix with every element `value` (rows, columns ≥ 0).
    @inlinable
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative dimension \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix from row-major `elements`; throws unless `elements.count == rows·columns`.
    public init(rows: Int, columns: Int, elements: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw .shapeMismatch(operation: "Matrix(rows:columns:elements:)",
                                 left: MatrixShape(rows: rows, columns: columns),
                                 right: MatrixShape(rows: elements.count, columns: 1))
        }
        self.rows = rows
        self.columns = columns
        self.storage = elements
    }

    /// A matrix from its rows, e.g. `try Matrix([[4, 2], [2, 3]])`; throws if rows differ
    /// in length.
    public init(_ rowArrays: [[Double]]) throws(LinearAlgebraError) {
        let columns = rowArrays.first?.count ?? 0
        var storage: [Double] = []
        storage.reserveCapacity(rowArrays.count * columns)
        for row in rowArrays {
            guard row.count == columns else {
                throw .shapeMismatch(operation: "Matrix(_:) rows of unequal length",
                                     left: MatrixShape(rows: 1, columns: columns),
                                     right: MatrixShape(rows: 1, columns: row.count))
            }
            storage.append(contentsOf: row)
        }
        self.rows = rowArrays.count
        self.columns = columns
        self.storage = storage
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        diagonal([Double](repeating: 1, count: n))
    }

    /// The square matrix with `values` on the diagonal and zeros elsewhere.
    public static func diagonal(_ values: [Double]) -> Matrix {
        var matrix = Matrix(rows: values.count, columns: values.count)
        for (i, value) in values.enumerated() {
            matrix.storage[i * values.count + i] = value
        }
        return matrix
    }

    // MARK: - Access

    /// The row-major elements.
    @inlinable
    public var elements: [Double] { storage }

    /// rows × columns.
    @inlinable
    public var shape: MatrixShape { MatrixShape(rows: rows, columns: columns) }

    /// Whether rows == columns.
    @inlinable
    public var isSquare: Bool { rows == columns }

    /// Element (row, column); traps outside 0..<rows × 0..<columns.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) outside \(rows)×\(columns)")
            return storage[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) outside \(rows)×\(columns)")
            storage[row * columns + column] = newValue
        }
    }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Matrix row \(i) outside 0..<\(rows)")
        return Array(storage[i * columns ..< (i + 1) * columns])
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Matrix column \(j) outside 0..<\(columns)")
        return (0..<rows).map { storage[$0 * columns + j] }
    }

    /// Aᵀ.
    public var transpose: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                result.storage[j * rows + i] = storage[i * columns + j]
            }
        }
        return result
    }

    // MARK: - Checks shared by the factorizations

    /// Throws `.nonFiniteValue` at the first NaN or infinity.
    func requireFinite(_ operation: String) throws(LinearAlgebraError) {
        if let k = storage.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(operation: operation, row: k / columns, column: k % columns)
        }
    }

    /// Throws unless square, finite and symmetric to 1e-10 relative to the largest |a_ij|.
    func requireSymmetric(_ operation: String) throws(LinearAlgebraError) {
        guard isSquare else { throw .notSquare(operation: operation, shape: shape) }
        try requireFinite(operation)
        let scale = storage.reduce(0) { Swift.max($0, abs($1)) }
        let tolerance = 1e-10 * scale
        for i in 0..<rows {
            for j in 0..<i where abs(storage[i * columns + j] - storage[j * columns + i]) > tolerance {
                throw .notSymmetric(operation: operation, row: i, column: j)
            }
        }
    }
}
