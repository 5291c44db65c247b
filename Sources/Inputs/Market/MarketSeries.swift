import StressCore

/// A daily price series from a market-data CSV such as data/market/sp500_daily.csv:
/// a header row with at least `Date` (M/D/YYYY, as the Yahoo Finance files redistributed
/// by `arch` write it) and `Adj Close` (the dividend- and split-adjusted close), one row
/// per trading day in ascending date order. Other columns (Open, High, Low, Close,
/// Volume) are ignored. Used for VaR backtesting (METHODOLOGY §6).
///
/// Every data row is checked: a real calendar date, strictly after the previous row's,
/// and a finite positive price; the first bad row stops the load with an `InputError`
/// naming the file, the line and the column.
public struct MarketSeries: Sendable, Equatable {
    /// The series name: the file name without directory and extension (`sp500_daily`).
    public var name: String
    /// Trading dates as ISO `YYYY-MM-DD`, ascending.
    public var dates: [String]
    /// Adjusted closing prices, one per date.
    public var adjustedClose: [Double]

    public init(name: String, dates: [String], adjustedClose: [Double]) {
        self.name = name
        self.dates = dates
        self.adjustedClose = adjustedClose
    }

    /// Daily log returns ln(P_t/P_{t−1}), one per date after the first.
    public var logReturns: [Double] {
        guard adjustedClose.count > 1 else { return [] }
        return (1..<adjustedClose.count).map { log(adjustedClose[$0] / adjustedClose[$0 - 1]) }
    }

    /// The dates of `logReturns` (each return is dated by the day it ends).
    public var returnDates: [String] { Array(dates.dropFirst()) }

    /// Loads the CSV file at `path`.
    public static func load(path: String) throws(InputError) -> MarketSeries {
        try read(ByteSource(path: path), file: path)
    }

    /// Parses CSV bytes held in memory; `file` names them in errors.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> MarketSeries {
        try read(ByteSource(bytes: bytes), file: file)
    }

    static func read(_ source: ByteSource, file: String) throws(InputError) -> MarketSeries {
        let reader = CSVReader(source: source)
        var series = MarketSeries(name: seriesName(file), dates: [], adjustedClose: [])
        do {
            guard try reader.nextRecord() else {
                throw InputError(file: file, message: "empty file: expected a header row with columns Date and Adj Close")
            }
            let header = (0..<reader.fieldCount).map { reader.string($0).trimmingSpaces }
            guard let dateColumn = header.firstIndex(of: "Date") else {
                throw InputError(file: file, line: reader.recordLine, key: "Date",
                                 message: "column missing: expected a header with Date and Adj Close, found \(header.joined(separator: ", "))")
            }
            guard let priceColumn = header.firstIndex(of: "Adj Close") else {
                throw InputError(file: file, line: reader.recordLine, key: "Adj Close",
                                 message: "column missing: expected a header with Date and Adj Close, found \(header.joined(separator: ", "))")
            }
            var previous: Int? = nil
            while try reader.nextRecord() {
                let line = reader.recordLine
                guard reader.fieldCount > max(dateColumn, priceColumn) else {
                    throw InputError(file: file, line: line,
                                     message: "expected \(header.count) fields, found \(reader.fieldCount)")
                }
                let text = reader.string(dateColumn).trimmingSpaces
                guard let (iso, ordinal) = isoDate(text) else {
                    throw InputError(file: file, line: line, key: "Date",
                                     message: "expected a date as M/D/YYYY, found '\(text)'")
                }
                if let previous, ordinal <= previous {
                    throw InputError(file: file, line: line, key: "Date",
                                     message: "\(iso) is not after the previous row's date: rows must be in ascending date order")
                }
                previous = ordinal
                guard case .value(let price) = reader.number(priceColumn) else {
                    throw InputError(file: file, line: line, key: "Adj Close",
                                     message: "expected a finite number, found '\(reader.string(priceColumn))'")
                }
                guard price > 0 else {
                    throw InputError(file: file, line: line, key: "Adj Close", message: "expected a price > 0, found \(price)")
                }
                series.dates.append(iso)
                series.adjustedClose.append(price)
            }
        } catch let error as CSVReader.SyntaxError {
            throw InputError(file: file, line: error.line, message: error.message)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, message: "\(error)")
        }
        guard series.dates.count >= 2 else {
            throw InputError(file: file, message: "need at least two prices for a return, found \(series.dates.count)")
        }
        return series
    }

    /// `M/D/YYYY` → (`YYYY-MM-DD`, a sortable ordinal), nil unless it is a real date.
    static func isoDate(_ text: String) -> (String, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(NumberParsing.isDigit) }),
              let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return ("\(year)-\(pad(month))-\(pad(day))", (year * 100 + month) * 100 + day)
    }

    static func seriesName(_ file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and CR.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
