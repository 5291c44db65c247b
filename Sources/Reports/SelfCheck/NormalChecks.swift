import RiskMath

/// Φ and Φ⁻¹ at the points the engines lean on (the 99.9% IRB quantile, the
/// 97.5% two-sided 5% point), against Abramowitz & Stegun (1964) Table 26.1
/// and its inverse, to 20 digits from mpmath 1.3 (`ncdf`, `sqrt(2)·erfinv(2p − 1)`).
enum NormalChecks {
    static let source = "Abramowitz & Stegun (1964), Table 26.1; 20 digits from mpmath 1.3"

    static var all: [ReferenceCheck] {
        [
            cdf(1, 0.84134474606854294859),
            cdf(2, 0.97724986805182079280),
            cdf(-3, 0.0013498980316300945267),
            quantile(0.999, 3.0902323061678135415, note: "the IRB confidence level (CRE31.4)"),
            quantile(0.975, 1.9599639845400542355, note: nil),
            quantile(0.01, -2.3263478740408411009, note: nil),
        ]
    }

    static func cdf(_ x: Double, _ expected: Double) -> ReferenceCheck {
        ReferenceCheck(name: "Φ(\(format(x)))", function: "RiskMath Normal.cdf", reference: source,
                       expected: expected, tolerance: 1e-14, kind: .number(decimals: 15)) { Normal.cdf(x) }
    }

    static func quantile(_ p: Double, _ expected: Double, note: String?) -> ReferenceCheck {
        ReferenceCheck(name: "Φ⁻¹(\(format(p)))" + (note.map { ", \($0)" } ?? ""), function: "RiskMath Normal.quantile",
                       reference: source, expected: expected, tolerance: 1e-13, kind: .number(decimals: 15)) {
            Normal.quantile(p)
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
