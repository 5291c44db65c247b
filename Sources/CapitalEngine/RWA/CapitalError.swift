/// A capital-engine input that cannot be used, with what was expected.
public enum CapitalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Exposures are assigned to the standardised approach but no risk-weight table was given.
    case standardisedTableMissing(exposures: Int)
    /// The standardised table has no weights for an asset class that the portfolio uses.
    case standardisedClassMissing(assetClass: String)

    public var description: String {
        switch self {
        case let .standardisedTableMissing(n):
            return "\(n) exposures use the standardised approach, but no standardised risk-weight table was given "
                + "(tables/standardised-risk-weights.yaml)"
        case let .standardisedClassMissing(c):
            return "the standardised risk-weight table has no entry for asset class '\(c)'"
        }
    }
}
