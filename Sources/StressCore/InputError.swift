/// A problem with an input file, pointing at where it is and what was expected.
///
/// Every loader reports through this one type so the CLI can print
/// `file:line:column: key: message` and exit with code 2 (INTERFACES.md).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// Key path (`capital.cet1`, `variables.gdp_growth[2]`) or CSV column name.
    public var key: String?
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line = line, line > 0, let column { location += ":\(column)" }
        if let key { return "\(location): \(key): \(message)" }
        return "\(location): \(message)"
    }
}
