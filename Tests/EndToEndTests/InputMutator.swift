import Foundation

/// Deterministic mutations of an input file's bytes for the end-to-end property
/// test (issue #23): the ways a real file goes wrong — a flipped byte, a cut-off
/// end, a lost or doubled line or section, an extreme or non-finite number, a
/// column of zeros, another encoding — each described so a failure can be
/// reproduced by reading the message.
struct InputMutator {
    enum Format { case csv, yaml }

    /// SplitMix64 (Vigna): small, fixed and independent of the platform's generator.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in 0..<n (n > 0).
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Numbers that break arithmetic: overflow, underflow, signed zero, non-finite,
    /// integers past Int64 and Double's exact range, and spellings YAML or CSV may read.
    static let extremes = [
        "1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "1e-320", "-0", "-0.0", "0", "nan", "NaN",
        ".nan", "inf", "-inf", ".inf", "-.inf", "Infinity", "99999999999999999999999", "-9223372036854775809",
        "9007199254740993", "1_000_000_000_000_000_000", "0x7fffffffffffffff", "1e400", "-1", "2", "1.0000000001",
        "",
        // The loaders' own bounds, which pass and must still give finite results.
        "1e18", "-1e18", "1", "0.9999999999", "100", "-100", "1e6", "-1e6", "1e-300",
    ]

    var random: Random

    init(seed: UInt64) { random = Random(state: seed) }

    /// Applies one mutation; returns the new bytes and what was done.
    mutating func mutate(_ bytes: [UInt8], format: Format) -> (bytes: [UInt8], description: String) {
        let operation = random.below(12)
        switch operation {
        case 0: return flipBytes(bytes)
        case 1: return truncate(bytes)
        case 2: return deleteLine(bytes)
        case 3: return duplicateLine(bytes)
        case 4: return format == .yaml ? deleteSection(bytes) : deleteColumn(bytes)
        case 5: return format == .yaml ? duplicateSection(bytes) : duplicateLine(bytes)
        case 6, 7: return extremeNumber(bytes)
        case 8: return format == .csv ? extremeColumn(bytes) : extremeSection(bytes)
        case 9: return reencode(bytes)
        case 10: return insertByte(bytes)
        default: return blankValue(bytes, format: format)
        }
    }

    // MARK: - Bytes

    private mutating func flipBytes(_ b: [UInt8]) -> ([UInt8], String) {
        guard !b.isEmpty else { return (b, "flip: empty") }
        var out = b
        var where_: [String] = []
        for _ in 0..<(1 + random.below(4)) {
            let i = random.below(out.count)
            let mask = UInt8(1 + random.below(255))
            out[i] ^= mask
            where_.append("\(i)^\(mask)")
        }
        return (out, "flip bytes " + where_.joined(separator: ","))
    }

    private mutating func truncate(_ b: [UInt8]) -> ([UInt8], String) {
        let n = random.below(b.count + 1)
        return (Array(b.prefix(n)), "truncate at byte \(n) of \(b.count)")
    }

    private mutating func insertByte(_ b: [UInt8]) -> ([UInt8], String) {
        let i = random.below(b.count + 1)
        let byte = random.pick([0x00, 0xE9, 0xFF, 0xC3, 0x0D, 0x22, 0x2C, 0x3A, 0x09, 0x80] as [UInt8])
        var out = b
        out.insert(byte, at: i)
        return (out, "insert byte 0x\(String(byte, radix: 16)) at \(i)")
    }

    /// UTF-16 with a byte-order mark, Latin-1 (é as one byte), or a NUL in the text.
    private mutating func reencode(_ b: [UInt8]) -> ([UInt8], String) {
        let text = String(decoding: b, as: UTF8.self)
        switch random.below(3) {
        case 0:
            var out: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return (out, "UTF-16LE with BOM")
        case 1:
            var lines = lines(b)
            guard !lines.isEmpty else { return (b, "latin-1: empty") }
            let k = random.below(lines.count)
            lines[k] += [0x20, 0x63, 0x61, 0x66, 0xE9] // " café" in Latin-1
            return (joined(lines), "Latin-1 byte on line \(k + 1)")
        default:
            let i = random.below(b.count + 1)
            var out = b
            out.insert(0, at: i)
            return (out, "NUL at byte \(i)")
        }
    }

    // MARK: - Lines and sections

    private func lines(_ b: [UInt8]) -> [[UInt8]] {
        b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    private func joined(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [0x0A]))
    }

    private mutating func deleteLine(_ b: [UInt8]) -> ([UInt8], String) {
        var l = lines(b)
        guard !l.isEmpty else { return (b, "delete line: empty") }
        let k = random.below(l.count)
        l.remove(at: k)
        return (joined(l), "delete line \(k + 1)")
    }

    private mutating func duplicateLine(_ b: [UInt8]) -> ([UInt8], String) {
        var l = lines(b)
        guard !l.isEmpty else { return (b, "duplicate line: empty") }
        let k = random.below(l.count)
        l.insert(l[k], at: k + 1)
        return (joined(l), "duplicate line \(k + 1)")
    }

    private func indent(_ line: [UInt8]) -> Int { line.prefix { $0 == 0x20 }.count }

    private func isContent(_ line: [UInt8]) -> Bool {
        let rest = line.drop { $0 == 0x20 }
        return !rest.isEmpty && rest.first != 0x23 // not blank, not a comment
    }

    /// The lines of the YAML block starting at line k: it and every deeper line after it.
    private func section(_ l: [[UInt8]], at k: Int) -> Range<Int> {
        let base = indent(l[k])
        var end = k + 1
        while end < l.count, !isContent(l[end]) || indent(l[end]) > base { end += 1 }
        return k..<end
    }

    private mutating func contentLine(_ l: [[UInt8]]) -> Int? {
        let candidates = l.indices.filter { isContent(l[$0]) }
        return candidates.isEmpty ? nil : random.pick(candidates)
    }

    private mutating func deleteSection(_ b: [UInt8]) -> ([UInt8], String) {
        var l = lines(b)
        guard let k = contentLine(l) else { return deleteLine(b) }
        let r = section(l, at: k)
        l.removeSubrange(r)
        return (joined(l), "delete section at lines \(r.lowerBound + 1)–\(r.upperBound)")
    }

    private mutating func duplicateSection(_ b: [UInt8]) -> ([UInt8], String) {
        var l = lines(b)
        guard let k = contentLine(l) else { return duplicateLine(b) }
        let r = section(l, at: k)
        l.insert(contentsOf: Array(l[r]), at: r.upperBound)
        return (joined(l), "duplicate section at lines \(r.lowerBound + 1)–\(r.upperBound)")
    }

    // MARK: - Numbers

    /// Byte ranges of number-like tokens (digits with sign, point, exponent, underscores).
    private func numberTokens(_ b: [UInt8]) -> [Range<Int>] {
        func isNumberByte(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x65 || c == 0x45 || c == 0x2D || c == 0x2B
        }
        var tokens: [Range<Int>] = []
        var i = 0
        while i < b.count {
            guard b[i] >= 0x30 && b[i] <= 0x39 else { i += 1; continue }
            var start = i
            if start > 0, b[start - 1] == 0x2D || b[start - 1] == 0x2E { start -= 1 }
            var end = i
            while end < b.count, isNumberByte(b[end]) { end += 1 }
            tokens.append(start..<end)
            i = end
        }
        return tokens
    }

    private mutating func extremeNumber(_ b: [UInt8]) -> ([UInt8], String) {
        let tokens = numberTokens(b)
        guard !tokens.isEmpty else { return flipBytes(b) }
        let t = random.pick(tokens)
        let value = random.pick(Self.extremes)
        var out = b
        out.replaceSubrange(t, with: Array(value.utf8))
        return (out, "number at bytes \(t.lowerBound)..<\(t.upperBound) → '\(value)'")
    }

    /// Every number of one YAML block set to the same extreme (a whole list or mapping).
    private mutating func extremeSection(_ b: [UInt8]) -> ([UInt8], String) {
        let l = lines(b)
        guard let k = contentLine(l) else { return extremeNumber(b) }
        let r = section(l, at: k)
        let value = random.pick(Self.extremes)
        var block = joined(Array(l[r]))
        for t in numberTokens(block).reversed() { block.replaceSubrange(t, with: Array(value.utf8)) }
        let out = joined(Array(l[..<r.lowerBound])) + (r.lowerBound > 0 ? [0x0A] : []) + block
            + (r.upperBound < l.count ? [0x0A] + joined(Array(l[r.upperBound...])) : [])
        return (out, "numbers of lines \(r.lowerBound + 1)–\(r.upperBound) → '\(value)'")
    }

    // MARK: - CSV columns

    private func fields(_ line: [UInt8]) -> [[UInt8]] {
        line.split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
    }

    private mutating func deleteColumn(_ b: [UInt8]) -> ([UInt8], String) {
        let l = lines(b)
        guard let header = l.first, !header.isEmpty else { return deleteLine(b) }
        let c = random.below(fields(header).count)
        let out = l.map { line -> [UInt8] in
            var f = fields(line)
            if c < f.count, f.count > 1 { f.remove(at: c) }
            return Array(f.joined(separator: [0x2C]))
        }
        return (joined(out), "delete column \(c + 1)")
    }

    /// One column set to the same extreme on every data row (a book of zeros, of 1e308).
    private mutating func extremeColumn(_ b: [UInt8]) -> ([UInt8], String) {
        let l = lines(b)
        guard let header = l.first, !header.isEmpty else { return extremeNumber(b) }
        let names = fields(header)
        let c = random.below(names.count)
        let value = random.pick(Self.extremes)
        let out = l.enumerated().map { k, line -> [UInt8] in
            guard k > 0, !line.isEmpty else { return line }
            var f = fields(line)
            if c < f.count { f[c] = Array(value.utf8) }
            return Array(f.joined(separator: [0x2C]))
        }
        return (joined(out), "column '\(String(decoding: names[c], as: UTF8.self))' → '\(value)' on every row")
    }

    private mutating func blankValue(_ b: [UInt8], format: Format) -> ([UInt8], String) {
        let tokens = numberTokens(b)
        guard !tokens.isEmpty else { return truncate(b) }
        let t = random.pick(tokens)
        var out = b
        let replacement: [UInt8] = format == .yaml ? Array("~".utf8) : []
        out.replaceSubrange(t, with: replacement)
        return (out, "value at bytes \(t.lowerBound)..<\(t.upperBound) blanked")
    }
}
