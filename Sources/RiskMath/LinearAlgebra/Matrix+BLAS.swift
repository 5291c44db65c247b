internal import CLapack

extension Matrix {
    // MARK: - Matrix × matrix (dgemm)

    /// C ← α·op(A)·op(B) + β·C, with op(X) = Xᵀ when the flag is set (CBLAS `cblas_dgemm`,
    /// row-major). With β = 0 the old C is ignored (NaNs in it do not propagate).
    ///
    /// Throws `.shapeMismatch` unless op(A) is m×k, op(B) k×n and C m×n. The last bits
    /// of the result depend on OpenBLAS's thread count and CPU kernel: see `BLASEnvironment`.
    public static func gemm(
        alpha: Double = 1, _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        beta: Double = 0, into c: inout Matrix
    ) throws(LinearAlgebraError) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kB else {
            throw .shapeMismatch(operation: "gemm op(A)·op(B)",
                                 left: MatrixShape(rows: m, columns: k), right: MatrixShape(rows: kB, columns: n))
        }
        guard c.rows == m, c.columns == n else {
            throw .shapeMismatch(operation: "gemm result C",
                                 left: MatrixShape(rows: m, columns: n), right: c.shape)
        }
        if m == 0 || n == 0 { return }
        if k == 0 {  // α·op(A)·op(B) is the zero matrix
            for index in c.storage.indices { c.storage[index] = beta == 0 ? 0 : beta * c.storage[index] }
            return
        }
        a.storage.withUnsafeBufferPointer { aBuffer in
            b.storage.withUnsafeBufferPointer { bBuffer in
                c.storage.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(CblasRowMajor,
                                transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                lapackDimension(m), lapackDimension(n), lapackDimension(k),
                                alpha, aBuffer.baseAddress, lapackDimension(Swift.max(1, a.columns)),
                                bBuffer.baseAddress, lapackDimension(Swift.max(1, b.columns)),
                                beta, cBuffer.baseAddress, lapackDimension(Swift.max(1, n)))
                }
            }
        }
    }

    /// A·B (dgemm); throws `.shapeMismatch` unless A.columns == B.rows.
    public static func * (lhs: Matrix, rhs: Matrix) throws(LinearAlgebraError) -> Matrix {
        var product = Matrix(rows: lhs.rows, columns: rhs.columns)
        try gemm(lhs, rhs, into: &product)
        return product
    }

    // MARK: - Matrix × vector (dgemv)

    /// y ← α·op(A)·x + β·y (CBLAS `cblas_dgemv`, row-major). With β = 0 the old y is ignored.
    /// Throws `.shapeMismatch` unless op(A) is m×n, x has n and y has m elements.
    public static func gemv(
        alpha: Double = 1, _ a: Matrix, transposeA: Bool = false,
        _ x: [Double], beta: Double = 0, into y: inout [Double]
    ) throws(LinearAlgebraError) {
        let m = transposeA ? a.columns : a.rows
        let n = transposeA ? a.rows : a.columns
        guard x.count == n else {
            throw .shapeMismatch(operation: "gemv op(A)·x",
                                 left: MatrixShape(rows: m, columns: n), right: MatrixShape(rows: x.count, columns: 1))
        }
        guard y.count == m else {
            throw .shapeMismatch(operation: "gemv result y",
                                 left: MatrixShape(rows: m, columns: 1), right: MatrixShape(rows: y.count, columns: 1))
        }
        if m == 0 { return }
        if n == 0 {
            for index in y.indices { y[index] = beta == 0 ? 0 : beta * y[index] }
            return
        }
        a.storage.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_dgemv(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                lapackDimension(a.rows), lapackDimension(a.columns),
                                alpha, aBuffer.baseAddress, lapackDimension(Swift.max(1, a.columns)),
                                xBuffer.baseAddress, 1, beta, yBuffer.baseAddress, 1)
                }
            }
        }
    }

    /// A·x (dgemv); throws `.shapeMismatch` unless x.count == A.columns.
    public static func * (lhs: Matrix, rhs: [Double]) throws(LinearAlgebraError) -> [Double] {
        var product = [Double](repeating: 0, count: lhs.rows)
        try gemv(lhs, rhs, into: &product)
        return product
    }
}
