import Foundation

/// The six standardised interest rate shock scenarios of BCBS d368 (April 2016), Annex 2
/// (Basel Framework SRP31; EBA/GL/2018/02 Annex III): parallel up and down, steepener (short
/// rates down, long rates up), flattener (short up, long down), short rates up and down.
///
/// With the currency's parallel, short and long shock sizes P, S and L and x = 4 years, the
/// change of the risk-free rate at tenor t is
///
///   parallel up / down:  ±P
///   short up / down:     ±S·e^(−t/x)
///   steepener:           −0.65·S·e^(−t/x) + 0.9·L·(1 − e^(−t/x))
///   flattener:           +0.8·S·e^(−t/x) − 0.6·L·(1 − e^(−t/x))
public enum InterestRateShock: String, Sendable, CaseIterable, Codable {
    case parallelUp = "parallel_up"
    case parallelDown = "parallel_down"
    case steepener
    case flattener
    case shortUp = "short_up"
    case shortDown = "short_down"

    /// The decay of the short-rate shock with tenor (d368: x = 4).
    public static let decay = 4.0

    /// ΔR(t), a fraction.
    public func change(tenor t: Double, sizes: ShockSizes) -> Double {
        let short = exp(-t / Self.decay), long = 1 - short
        switch self {
        case .parallelUp: return sizes.parallel
        case .parallelDown: return -sizes.parallel
        case .shortUp: return sizes.short * short
        case .shortDown: return -sizes.short * short
        case .steepener: return -0.65 * sizes.short * short + 0.9 * sizes.long * long
        case .flattener: return 0.8 * sizes.short * short - 0.6 * sizes.long * long
        }
    }

    /// The post-shock lower bound at tenor t: −100 bp overnight rising 5 bp a year to 0 at 20
    /// years (EBA/GL/2018/02 and the EBA RTS on the supervisory outlier test; BCBS d578).
    public static func lowerBound(tenor t: Double) -> Double { min(-0.01 + 0.0005 * t, 0) }
}

/// A currency's shock sizes (fractions): BCBS d368 Annex 2, Table 1 "Specified size of
/// interest rate shocks" (the same figures in Commission Delegated Regulation (EU) 2024/856,
/// Annex Part A, which adds six EU currencies). BCBS d578 (July 2024) recalibrates them
/// from 2026; its table is not reproduced here (not confirmed from the primary text).
public struct ShockSizes: Sendable, Equatable, Codable {
    public var parallel: Double
    public var short: Double
    public var long: Double
    public var source: String

    public init(parallel: Double, short: Double, long: Double, source: String) {
        self.parallel = parallel
        self.short = short
        self.long = long
        self.source = source
    }

    static let d368 = "BCBS d368 (April 2016) Annex 2 Table 1; Commission Delegated Regulation (EU) 2024/856 Annex Part A"
    static let euOnly = "Commission Delegated Regulation (EU) 2024/856 Annex Part A (not in d368's table)"

    /// Basis points: parallel, short, long.
    static let table: [String: (Double, Double, Double, String)] = [
        "ARS": (400, 500, 300, d368), "AUD": (300, 450, 200, d368), "BRL": (400, 500, 300, d368),
        "CAD": (200, 300, 150, d368), "CHF": (100, 150, 100, d368), "CNY": (250, 300, 150, d368),
        "EUR": (200, 250, 100, d368), "GBP": (250, 300, 150, d368), "HKD": (200, 250, 100, d368),
        "IDR": (400, 500, 350, d368), "INR": (400, 500, 300, d368), "JPY": (100, 100, 100, d368),
        "KRW": (300, 400, 200, d368), "MXN": (400, 500, 300, d368), "RUB": (400, 500, 300, d368),
        "SAR": (200, 300, 150, d368), "SEK": (200, 300, 150, d368), "SGD": (150, 200, 100, d368),
        "TRY": (400, 500, 300, d368), "USD": (200, 300, 150, d368), "ZAR": (400, 500, 300, d368),
        "BGN": (250, 350, 150, euOnly), "CZK": (200, 250, 100, euOnly), "DKK": (200, 250, 150, euOnly),
        "HUF": (300, 450, 200, euOnly), "PLN": (250, 350, 150, euOnly), "RON": (350, 500, 250, euOnly),
    ]

    /// The sizes for an ISO currency code, nil when the table has none.
    public static func of(currency: String) -> ShockSizes? {
        table[currency].map { ShockSizes(parallel: $0.0 / 10_000, short: $0.1 / 10_000, long: $0.2 / 10_000, source: $0.3) }
    }

    public static var currencies: [String] { table.keys.sorted() }
}
