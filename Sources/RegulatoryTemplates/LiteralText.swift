/// Literal text search and replacement on UTF-8 bytes, in place of Foundation's
/// `replacingOccurrences(of:with:)` and `contains(_:)`: on Linux those go through CFString
/// and were most of the time it took to fill the regulatory templates (#19). The templates'
/// placeholders, paths and fact keys are matched byte for byte, as they are written.
extension String {
    /// Every occurrence of `target`, left to right and not overlapping, replaced by `replacement`.
    func replacingLiteral(_ target: String, with replacement: String) -> String {
        let pattern = target.utf8
        guard let first = pattern.first else { return self }
        // Walks the string's own bytes: no copy at all when `target` does not occur.
        var source = utf8[...]
        var bytes: [UInt8] = []
        var found = false
        while let start = source.firstIndex(of: first) {
            if source[start...].starts(with: pattern) {
                if !found { bytes.reserveCapacity(utf8.count + replacement.utf8.count); found = true }
                bytes += source[..<start]
                bytes += replacement.utf8
                source = source[source.index(start, offsetBy: pattern.count)...]
            } else {
                bytes += source[...start]
                source = source[source.index(after: start)...]
            }
        }
        guard found else { return self }
        bytes += source
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the text holds the ASCII character `c`.
    func containsASCII(_ c: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(ascii: c))
    }
}
