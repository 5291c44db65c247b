import Foundation
import StressCore

/// The Fama-French monthly factors (data/market/fama_french_monthly.csv; Kenneth R.
/// French Data Library via `arch`): `Date,Mkt-RF,SMB,HML,RF`, Date as YYYYMM, returns in
/// percent per month, 1926-07 .. 2018-11.
///
/// Kept as in the file (percent); `decimalReturns` divides by 100 for the factor model.
/// Checks: the four columns present, every date a real month in strictly increasing
/// order with no gap, every value a finite number with |value| < 100 (a monthly return
/// of 100% or more is a unit error). Errors name the file, line and column.
public struct FamaFrenchFactors: Sendable, Equatable {
    /// YYYYMM per month, oldest first.
    public var months: [Int]
    /// Excess market return Mkt-RF, percent per month.
    public var marketExcess: [Double]
    /// Small minus big, percent per month.
    public var smb: [Double]
    /// High minus low (value), percent per month.
    public var hml: [Double]
    /// One-month T-bill rate, percent per month.
    public var riskFree: [Double]

    /// The factor columns, as named in the file.
    public static let factorNames = ["Mkt-RF", "SMB", "HML"]
    public static let columns = ["Date", "Mkt-RF", "SMB", "HML", "RF"]

    public var count: Int { months.count }

    /// `YYYY-MM` labels.
    public var labels: [String] {
        months.map { String(format: "%04d-%02d", $0 / 100, $0 % 100) }
    }

    /// Mkt-RF, SMB, HML as decimal returns, one row per month (row-major, 3 columns).
    public var decimalReturns: [Double] {
        var out: [Double] = []
        out.reserveCapacity(count * 3)
        for t in 0..<count { out += [marketExcess[t] / 100, smb[t] / 100, hml[t] / 100] }
        return out
    }

    /// The months from `first` to `last` (YYYYMM, inclusive).
    public func between(_ first: Int, _ last: Int) -> FamaFrenchFactors {
        let keep = months.indices.filter { months[$0] >= first && months[$0] <= last }
        return FamaFrenchFactors(months: keep.map { months[$0] }, marketExcess: keep.map { marketExcess[$0] },
                                 smb: keep.map { smb[$0] }, hml: keep.map { hml[$0] }, riskFree: keep.map { riskFree[$0] })
    }

    public static func load(path: String) throws(InputError) -> FamaFrenchFactors {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, message: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> FamaFrenchFactors {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first else { throw InputError(file: file, line: 1, message: "empty file") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r\u{FEFF}")) }
        var index: [String: Int] = [:]
        for name in columns {
            guard let i = header.firstIndex(of: name) else {
                throw InputError(file: file, line: 1, key: name, message: "column missing; expected \(columns.joined(separator: ","))")
            }
            index[name] = i
        }
        var f = FamaFrenchFactors(months: [], marketExcess: [], smb: [], hml: [], riskFree: [])
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))
            }
            guard cells.count >= header.count else {
                throw InputError(file: file, line: number, message: "\(cells.count) fields, expected \(header.count)")
            }
            let dateText = cells[index["Date"]!]
            guard dateText.count == 6, let month = Int(dateText), month % 100 >= 1, month % 100 <= 12 else {
                throw InputError(file: file, line: number, column: index["Date"]! + 1, key: "Date",
                                 message: "'\(dateText)' is not a month YYYYMM")
            }
            if let previous = f.months.last {
                let expected = previous % 100 == 12 ? (previous / 100 + 1) * 100 + 1 : previous + 1
                guard month == expected else {
                    throw InputError(file: file, line: number, column: index["Date"]! + 1, key: "Date",
                                     message: "month \(month) follows \(previous); expected \(expected) (no gaps, ascending)")
                }
            }
            var values: [Double] = []
            for name in columns.dropFirst() {
                let cell = cells[index[name]!]
                guard let value = Double(cell), value.isFinite, abs(value) < 100 else {
                    throw InputError(file: file, line: number, column: index[name]! + 1, key: name,
                                     message: "'\(cell)' is not a monthly return in percent (a finite number below 100 in magnitude)")
                }
                values.append(value)
            }
            f.months.append(month)
            f.marketExcess.append(values[0])
            f.smb.append(values[1])
            f.hml.append(values[2])
            f.riskFree.append(values[3])
        }
        guard !f.months.isEmpty else { throw InputError(file: file, line: 2, message: "no data rows") }
        return f
    }
}
