import Foundation

/// Number formatting for charts and tables. Locale-free (the pack must not
/// depend on the machine it runs on); negatives use the true minus sign "−"
/// (U+2212), which lines up with "+" in figures. NaN and infinities print "–".
enum NumberFormat {
    static let minus = "\u{2212}"
    static let notAvailable = "–"

    /// Compact amount with unit: 1.23bn, 456.7m, 12.3k, 950. Trailing zeros
    /// dropped so axis ticks read 0.5bn, 1bn.
    static func amount(_ x: Double) -> String { compactAmount(x, trim: true) }

    /// A stated figure: the same units with their decimals kept (1.00bn, 21.0m),
    /// so every figure of a kind shows the same precision.
    static func figure(_ x: Double) -> String { compactAmount(x, trim: false) }

    private static func compactAmount(_ x: Double, trim: Bool) -> String {
        guard x.isFinite else { return notAvailable }
        func trimmed(_ s: String) -> String { trim ? Self.trimmed(s) : s }
        let units: [(Double, String, Int)] = [(1e12, "tn", 2), (1e9, "bn", 2), (1e6, "m", 1), (1e3, "k", 1)]
        let a = abs(x)
        var body = trimmed(fixed(a, decimals: a >= 100 ? 0 : (a >= 1 ? 1 : 2)))
        for (i, (scale, unit, decimals)) in units.enumerated() where a >= scale * 0.9995 {
            var s = fixed(a / scale, decimals: decimals)
            // 999.96k rounds to "1000.0k": promote to the next unit.
            if let v = Double(s), v >= 1000, i > 0 {
                s = fixed(a / units[i - 1].0, decimals: units[i - 1].2)
                body = trimmed(s) + units[i - 1].1
            } else {
                body = trimmed(s) + unit
            }
            break
        }
        return signed(body, negative: x < 0 && !isZero(body), plus: false)
    }

    /// A fraction as a percentage: 0.123 → "12.3%".
    static func percent(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return notAvailable }
        let body = fixed(abs(x) * 100, decimals: decimals) + "%"
        return signed(body, negative: x < 0 && !isZero(body), plus: false)
    }

    /// A fraction in basis points: −0.0187 → "−187 bp".
    static func basisPoints(_ x: Double) -> String {
        guard x.isFinite else { return notAvailable }
        let body = grouped(abs(x) * 10_000, decimals: 0) + " bp"
        return signed(body, negative: x < 0 && !isZero(body), plus: false)
    }

    /// A change in an amount, always signed: "+1.2bn", "−450m".
    static func signedAmount(_ x: Double) -> String {
        guard x.isFinite else { return notAvailable }
        let body = amount(abs(x))
        return signed(body, negative: x < 0 && !isZero(body), plus: !isZero(body))
    }

    /// A relative change, always signed: 0.012 → "+1.2%".
    static func signedPercent(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return notAvailable }
        let body = percent(abs(x), decimals: decimals)
        return signed(body, negative: x < 0 && !isZero(body), plus: !isZero(body))
    }

    /// A change in a ratio, in percentage points: −0.004 → "−0.4pp".
    static func signedPercentagePoints(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return notAvailable }
        let body = fixed(abs(x) * 100, decimals: decimals) + "pp"
        return signed(body, negative: x < 0 && !isZero(body), plus: !isZero(body))
    }

    /// A change in basis points, always signed: 0.031 → "+310 bp".
    static func signedBasisPoints(_ x: Double) -> String {
        guard x.isFinite else { return notAvailable }
        let body = basisPoints(abs(x))
        return signed(body, negative: x < 0 && !isZero(body), plus: !isZero(body))
    }

    /// Thousands separators and fixed decimals: 1234.5 → "1,234.5".
    static func plain(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return notAvailable }
        let body = grouped(abs(x), decimals: decimals)
        return signed(body, negative: x < 0 && !isZero(body), plus: false)
    }

    // MARK: - Helpers

    /// Fixed-point with "." regardless of locale.
    static func fixed(_ x: Double, decimals: Int) -> String {
        String(format: "%.\(max(0, min(decimals, 12)))f", x)
    }

    private static func grouped(_ x: Double, decimals: Int) -> String {
        let s = fixed(x, decimals: decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        let integer = Array(parts.first.map(String.init) ?? "0")
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// True when the printed digits are all zero: "−0.0%" must print as "0.0%".
    private static func isZero(_ body: String) -> Bool {
        !body.contains { $0.isNumber && $0 != "0" }
    }

    private static func signed(_ body: String, negative: Bool, plus: Bool) -> String {
        if negative { return minus + body }
        return plus ? "+" + body : body
    }
}
