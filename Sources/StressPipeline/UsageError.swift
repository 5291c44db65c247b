/// Bad usage that is not a parse error (a command not available yet, a
/// missing bundled file): the CLI exits with code 2.
public struct UsageError: Error {
    public var message: String

    public init(message: String) { self.message = message }
}
