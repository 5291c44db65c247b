/// Appends CSV fields to a byte buffer without building a String per field,
/// so ten million rows write at disk speed.
struct CSVRowWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Zero-padded non-negative integer of at least `width` digits.
    mutating func padded(_ value: Int, width: Int) {
        var divisor = 1
        var digits = 1
        while divisor <= value / 10 { divisor *= 10; digits += 1 }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            divisor /= 10
        }
    }

    /// Fixed-point decimal with trailing zeros removed ("0.0065", "170000.5");
    /// NaN writes an empty cell. The value is rounded half away from zero.
    mutating func decimal(_ value: Double, decimals: Int) {
        guard value.isFinite else { return }
        var scaled = Int64((value * powersOfTen[decimals]).rounded())
        if scaled < 0 { bytes.append(UInt8(ascii: "-")); scaled = -scaled }
        var fraction = Int(scaled % Int64(powersOfTen[decimals]))
        let whole = scaled / Int64(powersOfTen[decimals])
        integer(whole)
        var places = decimals
        while places > 0 && fraction % 10 == 0 { fraction /= 10; places -= 1 }
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            padded(fraction, width: places)
        }
    }

    private mutating func integer(_ value: Int64) { padded(Int(value), width: 1) }
}
