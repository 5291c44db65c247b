/// ISO 8601 calendar dates (`YYYY-MM-DD`) as day numbers, for remaining terms and ages:
/// days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
/// days_from_civil), with no time zone and no clock.
public enum ISODate {
    /// The day number of a valid date; nil for malformed text or a day that does not exist.
    public static func dayNumber(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var fields = [0, 0, 0]
        for (k, range) in [0..<4, 5..<7, 8..<10].enumerated() {
            for b in bytes[range] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                fields[k] = fields[k] * 10 + Int(b - 0x30)
            }
        }
        let (y, m, d) = (fields[0], fields[1], fields[2])
        guard (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return days(year: y, month: m, day: d)
    }

    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Years between two day numbers (actual/365.25).
    public static func years(from start: Int, to end: Int) -> Double { Double(end - start) / 365.25 }
}
