/// An argument outside the domain of a VaR function. The message names the argument, the
/// value and what was expected, in the seed library's words where it has them
/// (`rho must be in (0, 1), got 0.0`; Swift prints doubles as Python's `repr` does).
public struct VaRError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
