import Foundation
import StressCore

/// The real US history the Vasicek satellite is estimated on (data/market/):
/// quarterly real GDP and unemployment 1959Q1–2009Q3 (statsmodels macrodata,
/// from FRED/BLS/BEA) and Moody's seasoned BAA and AAA yields, monthly
/// 1919–2018 (FRED via arch). Aggregated to the frequency of the framework:
///
///   quarterly: gdp_growth = (GDP_q / GDP_q−1)^4 − 1 (annualised, as the Fed publishes),
///              unemployment = rate/100, spread = mean of the quarter's months (BAA − AAA)/100
///   annual:    gdp_growth = mean GDP_Y / mean GDP_Y−1 − 1, unemployment = mean rate/100,
///              spread = mean of the year's months; only complete years.
public struct MacroHistory: Sendable {
    public var labels: [String]
    public var gdpGrowth: [Double]
    public var unemployment: [Double]
    public var inflation: [Double]
    public var creditSpread: [Double]

    public func series(_ variable: String) -> [Double]? {
        switch variable {
        case "gdp_growth": return gdpGrowth
        case "unemployment": return unemployment
        case "inflation": return inflation
        default: return nil
        }
    }

    public static let variables = ["gdp_growth", "unemployment", "inflation"]

    public static func load(macroPath: String, spreadPath: String, frequency: Frequency) throws(InputError) -> MacroHistory {
        let macro = try readRows(macroPath)
        guard let header = macro.first else { throw InputError(file: macroPath, message: "empty file") }
        func column(_ name: String) throws(InputError) -> Int {
            guard let i = header.firstIndex(of: name) else {
                throw InputError(file: macroPath, line: 1, key: name, message: "column missing")
            }
            return i
        }
        let (yc, qc, gc, uc, ic) = (try column("year"), try column("quarter"), try column("realgdp"),
                                    try column("unemp"), try column("infl"))
        var quarters: [(year: Int, quarter: Int, gdp: Double, unemployment: Double, inflation: Double)] = []
        for (n, row) in macro.dropFirst().enumerated() {
            guard let y = Int(row[yc]), let q = Int(row[qc]), let g = Double(row[gc]), let u = Double(row[uc]),
                  let inf = Double(row[ic]) else {
                throw InputError(file: macroPath, line: n + 2, message: "expected numbers in year, quarter, realgdp, unemp, infl")
            }
            quarters.append((y, q, g, u / 100, inf / 100))
        }

        // Monthly spreads keyed by (year, month).
        var spread: [Int: Double] = [:]
        let moodys = try readRows(spreadPath)
        for (n, row) in moodys.dropFirst().enumerated() {
            let date = row[0].split(separator: "/")
            guard date.count == 3, let m = Int(date[0]), let y = Int(date[2]), row.count >= 3,
                  let aaa = Double(row[1]), let baa = Double(row[2]) else {
                throw InputError(file: spreadPath, line: n + 2, message: "expected M/D/YYYY,AAA,BAA")
            }
            spread[y * 100 + m] = (baa - aaa) / 100
        }
        func spreadMean(_ months: [Int]) -> Double? {
            let values = months.compactMap { spread[$0] }
            return values.count == months.count ? values.reduce(0, +) / Double(values.count) : nil
        }

        var h = MacroHistory(labels: [], gdpGrowth: [], unemployment: [], inflation: [], creditSpread: [])
        switch frequency {
        case .quarterly:
            for k in 1..<quarters.count {
                let q = quarters[k]
                let months = (1...3).map { q.year * 100 + (q.quarter - 1) * 3 + $0 }
                guard let s = spreadMean(months) else { continue }
                h.labels.append("\(q.year)Q\(q.quarter)")
                h.gdpGrowth.append(pow(q.gdp / quarters[k - 1].gdp, 4) - 1)
                h.unemployment.append(q.unemployment)
                h.inflation.append(q.inflation)
                h.creditSpread.append(s)
            }
        case .annual:
            let years = Dictionary(grouping: quarters, by: \.year).filter { $0.value.count == 4 }
            for year in years.keys.sorted() {
                guard let previous = years[year - 1], let s = spreadMean((1...12).map { year * 100 + $0 }) else { continue }
                let current = years[year]!
                func mean(_ f: (Double, Double, Double) -> Double, _ qs: [(year: Int, quarter: Int, gdp: Double, unemployment: Double, inflation: Double)]) -> Double {
                    qs.map { f($0.gdp, $0.unemployment, $0.inflation) }.reduce(0, +) / Double(qs.count)
                }
                h.labels.append("\(year)")
                h.gdpGrowth.append(mean({ g, _, _ in g }, current) / mean({ g, _, _ in g }, previous) - 1)
                h.unemployment.append(mean({ _, u, _ in u }, current))
                h.inflation.append(mean({ _, _, i in i }, current))
                h.creditSpread.append(s)
            }
        }
        return h
    }

    /// Rows of a small CSV file (quotes around header names are removed).
    static func readRows(_ path: String) throws(InputError) -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "cannot read the file")
        }
        return text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))
            }
        }
    }
}
