/// A failure inside a rendering library, with the library's own message.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var library: String
    public var operation: String
    public var message: String

    public init(library: String, operation: String, message: String) {
        self.library = library
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(library): \(operation) failed: \(message)" }
}
