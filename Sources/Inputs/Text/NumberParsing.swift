import Foundation

/// The outcome of reading one number from text.
enum ParsedNumber: Equatable {
    case value(Double)
    /// Nothing but spaces: a blank cell or an empty YAML value.
    case blank
    /// NaN or an infinity, spelled out or overflowing (`1e999`).
    case notFinite
    /// Anything else that is not a plain decimal number (`abc`, `5%`, `0x1p3`, `1,5`).
    case notANumber
}

/// Decimal number parsing for the loaders.
///
/// Only plain decimal notation is a number: an optional sign, digits with an optional
/// decimal point, an optional exponent. NaN, infinities and hexadecimal floats, which
/// `strtod` and `Double(String)` would accept, are rejected because a portfolio or
/// scenario value spelled that way is a data error, not a value. Conversion itself is
/// `strtod`, which rounds correctly; Swift programs run in the "C" locale, so the
/// decimal separator is always '.'.
enum NumberParsing {
    /// Parses `count` bytes at `start`. The byte at `start[count]` must be readable and
    /// must not continue a number (the CSV reader puts a NUL there), so `strtod` stops
    /// inside the field without a copy. Surrounding spaces and tabs are ignored.
    static func parse(_ start: UnsafePointer<UInt8>, count: Int) -> ParsedNumber {
        var first = 0
        var end = count
        while first < end, isSpace(start[first]) { first += 1 }
        while end > first, isSpace(start[end - 1]) { end -= 1 }
        if first == end { return .blank }

        for i in first..<end where !isNumberByte(start[i]) {
            return isNonFiniteWord(start + first, count: end - first) ? .notFinite : .notANumber
        }
        let begin = start + first
        return begin.withMemoryRebound(to: CChar.self, capacity: end - first + 1) { text in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(text, &stop)
            guard let stop, stop == UnsafeMutablePointer(mutating: text) + (end - first) else {
                return .notANumber
            }
            return value.isFinite ? .value(value) : .notFinite
        }
    }

    /// Parses a YAML plain scalar. YAML allows `_` as a digit separator
    /// (`12_000_000_000`); it is accepted only between two digits.
    static func parseYAML(_ text: String) -> ParsedNumber {
        let bytes = Array(text.utf8)
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count + 1)
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_") {
                let between = i > 0 && i + 1 < bytes.count && isDigit(bytes[i - 1]) && isDigit(bytes[i + 1])
                if !between { return .notANumber }
                continue
            }
            cleaned.append(byte)
        }
        if isNonFiniteWord(cleaned) { return .notFinite }
        let count = cleaned.count
        cleaned.append(0)
        return cleaned.withUnsafeBufferPointer { parse($0.baseAddress!, count: count) }
    }

    // MARK: - Byte classes

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// `nan`, `inf`, `infinity`, in any case, with an optional sign and YAML's
    /// leading dot (`.nan`, `-.inf`).
    private static func isNonFiniteWord(_ start: UnsafePointer<UInt8>, count: Int) -> Bool {
        isNonFiniteWord(Array(UnsafeBufferPointer(start: start, count: count)))
    }

    private static func isNonFiniteWord(_ bytes: [UInt8]) -> Bool {
        var word = bytes[...]
        if let sign = word.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { word = word.dropFirst() }
        if word.first == UInt8(ascii: ".") { word = word.dropFirst() }
        let lower = String(decoding: word, as: UTF8.self).lowercased()
        return lower == "nan" || lower == "inf" || lower == "infinity"
    }
}
