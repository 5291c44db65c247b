/// Why a matrix operation could not be carried out. Shape and input problems are found
/// before any BLAS or LAPACK call; LAPACK's own `info` codes arrive here only through
/// `LAPACKStatus.check(_:_:)`.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operands' shapes do not fit the operation (vectors are n×1).
    case shapeMismatch(operation: String, left: MatrixShape, right: MatrixShape)
    /// The operation needs a square matrix.
    case notSquare(operation: String, shape: MatrixShape)
    /// The operation needs a symmetric matrix; |a_ij − a_ji| exceeded 1e-10·max|a|.
    case notSymmetric(operation: String, row: Int, column: Int)
    /// An input element is NaN or infinite (LAPACK's results would be meaningless).
    case nonFiniteValue(operation: String, row: Int, column: Int)
    /// dpotrf/dposv: the leading minor of this order (1-based) is not positive definite,
    /// so no Cholesky factor exists.
    case notPositiveDefinite(minorOrder: Int)
    /// dgels: the design matrix is rank deficient or numerically so; the payload is the
    /// estimated reciprocal 1-norm condition number of R after column scaling (0 when
    /// LAPACK found an exactly zero diagonal element of R).
    case rankDeficient(reciprocalConditionNumber: Double)
    /// dsyevd did not converge (LAPACK `info` > 0, which locates the failing submatrix).
    case noConvergence(routine: String, info: Int)
    /// LAPACKE rejected argument number `position` (a bug in RiskMath, not in the data).
    case illegalArgument(routine: String, position: Int)
    /// LAPACKE could not allocate its workspace or transposition buffer.
    case workspaceAllocationFailed(routine: String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, left, right):
            return "\(operation): shapes \(left) and \(right) do not fit"
        case let .notSquare(operation, shape):
            return "\(operation): needs a square matrix, got \(shape)"
        case let .notSymmetric(operation, row, column):
            return "\(operation): matrix is not symmetric at (\(row), \(column))"
        case let .nonFiniteValue(operation, row, column):
            return "\(operation): non-finite value at (\(row), \(column))"
        case let .notPositiveDefinite(minorOrder):
            return "matrix is not positive definite: the leading minor of order \(minorOrder) is not positive definite (LAPACK dpotrf info = \(minorOrder))"
        case let .rankDeficient(reciprocalConditionNumber):
            return "design matrix is rank deficient (reciprocal condition number \(reciprocalConditionNumber))"
        case let .noConvergence(routine, info):
            return "LAPACK \(routine) failed to converge (info = \(info))"
        case let .illegalArgument(routine, position):
            return "LAPACK \(routine): argument \(position) had an illegal value (info = \(-position))"
        case let .workspaceAllocationFailed(routine):
            return "LAPACKE \(routine): out of memory for workspace"
        }
    }
}

/// A matrix's rows × columns, for error messages.
@frozen
public struct MatrixShape: Sendable, Hashable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    @inlinable
    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var description: String { "\(rows)×\(columns)" }
}
