import StressCore

/// Dates in inputs are ISO 8601 calendar dates, `YYYY-MM-DD`, checked to exist in
/// the proleptic Gregorian calendar (no 2025-02-30). They stay strings in the domain
/// values: the run needs them as labels, never for date arithmetic.
public enum CalendarDate {
    static func validate(_ value: YAMLValue) throws(InputError) -> String {
        let text = try value.text()
        switch check(text) {
        case .valid: return text
        case .malformed: throw value.error("expected a date as YYYY-MM-DD, found '\(text)'")
        case .notReal: throw value.error("'\(text)' is not a real date")
        }
    }

    /// True for a real calendar date written YYYY-MM-DD (command options, API requests).
    public static func isValid(_ text: String) -> Bool { check(text) == .valid }

    enum Check { case valid, malformed, notReal }

    static func check(_ text: String) -> Check {
        let bytes = Array(text.utf8)
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              digitPositions.allSatisfy({ NumberParsing.isDigit(bytes[$0]) }) else { return .malformed }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year) ? .valid : .notReal
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
