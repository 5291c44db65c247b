import StressCore

/// Matches an `asset_class` cell against the accepted names without building a
/// String per row: ASCII letters compare case-insensitively, surrounding spaces are
/// ignored (`" Corporate "` is `corporate`).
enum AssetClassNames {
    private static let names: [(bytes: [UInt8], assetClass: AssetClass)] =
        AssetClass.allCases.map { (Array($0.rawValue.utf8), $0) }

    static func match(_ cell: UnsafeBufferPointer<UInt8>) -> AssetClass? {
        var first = 0
        var end = cell.count
        while first < end, NumberParsing.isSpace(cell[first]) { first += 1 }
        while end > first, NumberParsing.isSpace(cell[end - 1]) { end -= 1 }
        let count = end - first
        for (bytes, assetClass) in names where bytes.count == count {
            var equal = true
            for i in 0..<count where lowercased(cell[first + i]) != bytes[i] {
                equal = false
                break
            }
            if equal { return assetClass }
        }
        return nil
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
