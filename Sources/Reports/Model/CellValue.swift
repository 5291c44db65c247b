/// What a number means, which decides how a renderer shows it. Values are kept
/// in the results' units: fractions for percentages, currency units for
/// amounts, basis points only where the results give basis points.
public enum ValueKind: Sendable, Hashable {
    case text
    /// Currency units, with thousands separators (the currency is in the header).
    case amount
    /// A fraction shown as a percentage with `decimals` places (0.0512 → 5.12%).
    case percent(decimals: Int)
    /// A figure already in basis points (depletion 187.3 → 187.3 bp).
    case basisPoints
    /// A whole number: exposures, days, findings.
    case count
    /// An ISO date `YYYY-MM-DD`, shown as a date.
    case date
    /// A plain number with `decimals` places (z-scores, sensitivities).
    case number(decimals: Int)
    /// A factor (a PD multiplier, a severity scaling k), shown as 2.50×.
    case multiple
    /// A small magnitude (a tolerance), shown as 1.0E-12.
    case scientific

    public static let percent = ValueKind.percent(decimals: 2)
}

/// One cell's value.
public enum CellValue: Sendable, Equatable {
    case text(String)
    /// A number and how to show it; NaN is an empty cell.
    case number(Double, ValueKind)
    /// An ISO date `YYYY-MM-DD`.
    case date(String)
    case blank

    public static func amount(_ x: Double) -> CellValue { .number(x, .amount) }
    public static func percent(_ x: Double, decimals: Int = 2) -> CellValue { .number(x, .percent(decimals: decimals)) }
    public static func count(_ n: Int) -> CellValue { .number(Double(n), .count) }
    public static func yesNo(_ flag: Bool) -> CellValue { .text(flag ? "yes" : "no") }

    /// `value.map(f) ?? .blank`, for optional figures.
    public static func optional<T>(_ value: T?, _ make: (T) -> CellValue) -> CellValue {
        value.map(make) ?? .blank
    }
}

/// A figure's address in results.json as a JSON Pointer (RFC 6901), e.g.
/// `/scenarios/3/credit/period_el/0`: a formula's cached value is that figure,
/// and the workbook tests recalculate the formula and compare.
public struct ResultPointer: Sendable, Hashable, CustomStringConvertible {
    public var tokens: [String]

    public init(_ tokens: [String]) { self.tokens = tokens }

    public func appending(_ more: String...) -> ResultPointer { ResultPointer(tokens + more) }
    public func appending(_ index: Int) -> ResultPointer { ResultPointer(tokens + [String(index)]) }

    public static let root = ResultPointer([])
    public static func scenario(_ index: Int) -> ResultPointer { ResultPointer(["scenarios", String(index)]) }

    /// `/a/b~1c` (`~` as `~0`, `/` as `~1`).
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }
}
