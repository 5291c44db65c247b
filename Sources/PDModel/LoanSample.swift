/// Loan-level development or monitoring data: one value per loan for each
/// characteristic, and the default flag (1: defaulted within the outcome window).
public struct LoanSample: Sendable, Equatable {
    public enum Column: Sendable, Equatable {
        /// nil: missing.
        case numeric([Double?])
        case categorical([String?])

        public var count: Int {
            switch self {
            case .numeric(let v): return v.count
            case .categorical(let v): return v.count
            }
        }
    }

    public var names: [String]
    public var columns: [Column]
    public var defaults: [UInt8]

    public init(names: [String], columns: [Column], defaults: [UInt8]) {
        precondition(names.count == columns.count && columns.allSatisfy { $0.count == defaults.count },
                     "LoanSample: every column holds one value per loan")
        self.names = names
        self.columns = columns
        self.defaults = defaults
    }

    public var count: Int { defaults.count }
    public var defaultCount: Int { defaults.reduce(0) { $0 + Int($1) } }

    public func column(_ name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }
}

/// Why a model cannot be fitted, calibrated or applied: what and where, in words a
/// modeller acts on (the CLI adds the file).
public struct PDModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var characteristic: String?
    public var message: String

    public init(_ message: String, characteristic: String? = nil) {
        self.message = message
        self.characteristic = characteristic
    }

    public var description: String { characteristic.map { "\($0): \(message)" } ?? message }
}

extension LoanSample {
    /// The loans at `rows`, in that order.
    public func subset(_ rows: [Int]) -> LoanSample {
        LoanSample(names: names, columns: columns.map { column in
            switch column {
            case .numeric(let v): return .numeric(rows.map { v[$0] })
            case .categorical(let v): return .categorical(rows.map { v[$0] })
            }
        }, defaults: rows.map { defaults[$0] })
    }

    /// A column's values as text (numbers as Swift prints them), nil where missing.
    public func text(_ name: String) -> [String?]? {
        switch column(name) {
        case .categorical(let v)?: return v
        case .numeric(let v)?: return v.map { $0.map { "\($0)" } }
        case nil: return nil
        }
    }
}
