import RiskMath

/// Why a factor-model computation could not be carried out: the stage (`cross-sectional
/// regression`, `GARCH(1,1)`, …), the item it concerns when there is one (a date, a
/// factor, an exposure id) and what went wrong, including LAPACK's own message.
public struct FactorModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: String
    public var item: String?
    public var message: String

    public init(stage: String, item: String? = nil, message: String) {
        self.stage = stage
        self.item = item
        self.message = message
    }

    public var description: String {
        if let item { return "\(stage): \(item): \(message)" }
        return "\(stage): \(message)"
    }
}

/// Runs a RiskMath linear-algebra call and maps its error into a `FactorModelError` of
/// `stage` (the one place this module converts LAPACK failures).
@inline(__always)
func linearAlgebra<T>(_ stage: String, item: String? = nil,
                      _ body: () throws(LinearAlgebraError) -> T) throws(FactorModelError) -> T {
    do {
        return try body()
    } catch {
        throw FactorModelError(stage: stage, item: item, message: error.description)
    }
}

/// A matrix from row-major elements whose count the caller has made right.
@inline(__always)
func makeMatrix(rows: Int, columns: Int, _ elements: [Double]) -> Matrix {
    do {
        return try Matrix(rows: rows, columns: columns, elements: elements)
    } catch {
        preconditionFailure("makeMatrix: \(rows)×\(columns) from \(elements.count) elements")
    }
}
