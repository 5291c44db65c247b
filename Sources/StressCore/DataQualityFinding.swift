/// A non-fatal observation about the inputs of a run (STYLE habit 4: partial
/// failure is data). Findings go to results.json `data_quality.findings`.
public struct DataQualityFinding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error
        private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(severity: Severity, file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }
}
