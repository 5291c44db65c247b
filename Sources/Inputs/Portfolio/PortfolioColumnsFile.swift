import Foundation
import StressCore

/// A portfolio as it was loaded, in a binary column file: each column's values as stored
/// in memory (Doubles as their 8 bytes), with the loader's findings. A sharded run's plan
/// parses the CSV once and writes this beside it, so that each shard and the merge read
/// the book in seconds instead of parsing a 1.4 GB file again (BENCHMARKS.md "Sharded
/// runs"). Reading it gives the very values the CSV gives: `PortfolioColumnsFileTests`.
public enum PortfolioColumnsFile {
    static let magic = Array("SPCOLS1\n".utf8)

    /// The file's bytes; `csvPath` is the CSV the portfolio was read from.
    public static func encode(_ loaded: LoadedPortfolio, csvPath: String) throws -> Data {
        var out = ColumnWriter()
        out.bytes(magic)
        let p = loaded.portfolio
        out.count(p.count)
        // Findings name the CSV by the path it was read from; stored without it, they take
        // the reading side's path of the same file back.
        let findings = loaded.findings.map { f -> DataQualityFinding in
            var f = f
            if f.file == csvPath { f.file = "" }
            return f
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out.blob(Array(try encoder.encode(findings)))
        out.strings(p.ids)
        out.doubles(p.pd); out.doubles(p.lgd); out.doubles(p.ead)
        out.bytes(p.assetClass.map { UInt8(AssetClass.allCases.firstIndex(of: $0)!) }, counted: true)
        for column in [p.segment, p.sector, p.country, p.rating, p.currency] {
            out.strings(column.levels)
            out.codes(column.codes)
        }
        for column in optionalDoubles(p) { out.optionalDoubles(column) }
        for column in [p.stage, p.defaultFlag] {
            out.flag(column != nil)
            if let column { out.bytes(column, counted: true) }
        }
        return Data(out.data)
    }

    /// The portfolio in `path`; `csvPath` is the CSV it was made from, as this side names it.
    /// `rows`: only those rows (`Portfolio.slice` of the whole book, the same values and
    /// levels), read from the mapped file without holding the rest: an exposure-range
    /// shard's book.
    /// `creditRiskOnly`: only the columns a credit portfolio model reads and those that say
    /// which exposures are in default (`Portfolio.performingCreditRiskBook`, `isDefaulted`):
    /// identity, PD, LGD, EAD, asset class, segment, sector, country, turnover, stage and
    /// default flag; the others are left empty. A shard of VaR paths or factor risk needs no
    /// more, and at 10M exposures the rest is about 1 GB.
    public static func load(path: String, csvPath: String, rows: Range<Int>? = nil,
                            creditRiskOnly: Bool = false) throws(InputError) -> LoadedPortfolio {
        func bad(_ why: String) -> InputError { InputError(file: path, message: "not a portfolio column file: \(why)") }
        guard let file = MappedFile(path: path) else { throw bad("cannot read it") }
        do {
            var r = ColumnReader(data: file.bytes)
            r.consumed = file.release
            return try read(&r, rows: rows, creditRiskOnly: creditRiskOnly, csvPath: csvPath, bad: bad)
        } catch let error as InputError {
            throw error
        } catch {
            throw bad("\(error)")
        }
    }

    private static func read(_ r: inout ColumnReader, rows: Range<Int>?, creditRiskOnly: Bool, csvPath: String,
                             bad: (String) -> InputError) throws -> LoadedPortfolio {
        guard try r.bytes(magic.count) == magic else { throw bad("wrong magic") }
        let n = try r.count()
        if let rows, rows.lowerBound < 0 || rows.upperBound > n {
            throw bad("rows \(rows.lowerBound)..<\(rows.upperBound) of a book of \(n)")
        }
        r.rows = rows
        let findings = try JSONDecoder().decode([DataQualityFinding].self, from: Data(try r.blob()))
            .map { f -> DataQualityFinding in
                var f = f
                if f.file.isEmpty { f.file = csvPath }
                return f
            }
        var p = Portfolio()
        p.ids = try r.strings(perRow: true)
        p.pd = try r.doubles(); p.lgd = try r.doubles(); p.ead = try r.doubles()
        p.assetClass = try r.rowBytes().map { code in
            guard Int(code) < AssetClass.allCases.count else { throw bad("asset class code \(code)") }
            return AssetClass.allCases[Int(code)]
        }
        // Rating and currency; then every optional column but turnover (the SME correlation).
        let skippedCategories: Set<Int> = creditRiskOnly ? [3, 4] : []
        let skippedOptionals: Set<Int> = creditRiskOnly ? Set(0..<14).subtracting([1]) : []
        var categorical: [CategoricalColumn] = []
        for k in 0..<5 {
            r.skipping = skippedCategories.contains(k)
            let levels = try r.strings(perRow: false)
            let codes = try r.codes()
            r.skipping = false
            guard let column = skippedCategories.contains(k) ? CategoricalColumn()
                    : CategoricalColumn(codes: codes, levels: levels) else { throw bad("a category code") }
            categorical.append(column)
        }
        (p.segment, p.sector, p.country, p.rating, p.currency) =
            (categorical[0], categorical[1], categorical[2], categorical[3], categorical[4])
        var optional: [[Double]?] = []
        for k in optionalDoubles(p).indices {
            r.skipping = skippedOptionals.contains(k)
            let column = try r.optionalDoubles()
            r.skipping = false
            optional.append(skippedOptionals.contains(k) ? nil : column)
        }
        (p.maturity, p.turnoverEURm, p.drawn, p.undrawn, p.ccf, p.collateralValue, p.amortisation) =
            (optional[0], optional[1], optional[2], optional[3], optional[4], optional[5], optional[6])
        (p.daysPastDue, p.originationPD, p.remainingTerm, p.maturityDate, p.eir, p.provision, p.writeOffPolicy) =
            (optional[7], optional[8], optional[9], optional[10], optional[11], optional[12], optional[13])
        p.stage = try r.flag() ? try r.rowBytes() : nil
        p.defaultFlag = try r.flag() ? try r.rowBytes() : nil
        guard r.atEnd else { throw bad("trailing bytes") }
        let columns = [p.pd.count, p.lgd.count, p.ead.count, p.assetClass.count, p.segment.count, p.sector.count,
                       p.country.count] + (creditRiskOnly ? [] : [p.rating.count, p.currency.count])
            + optional.compactMap { $0?.count } + [p.stage?.count, p.defaultFlag?.count].compactMap { $0 }
        let expected = rows?.count ?? n
        guard p.ids.count == expected, columns.allSatisfy({ $0 == expected }) else { throw bad("columns of different lengths") }
        return LoadedPortfolio(portfolio: p, findings: findings)
    }

    /// The optional numeric columns, in file order.
    private static func optionalDoubles(_ p: Portfolio) -> [[Double]?] {
        [p.maturity, p.turnoverEURm, p.drawn, p.undrawn, p.ccf, p.collateralValue, p.amortisation,
         p.daysPastDue, p.originationPD, p.remainingTerm, p.maturityDate, p.eir, p.provision, p.writeOffPolicy]
    }
}

private struct ColumnWriter {
    var data: [UInt8] = []

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func count(_ n: Int) { u64(UInt64(n)) }
    mutating func flag(_ b: Bool) { data.append(b ? 1 : 0) }
    mutating func bytes(_ b: [UInt8], counted: Bool = false) {
        if counted { count(b.count) }
        data.append(contentsOf: b)
    }
    mutating func blob(_ b: [UInt8]) { bytes(b, counted: true) }
    /// Fixed-width values as stored in memory (little-endian hosts: x86-64, arm64).
    mutating func values<T: BitwiseCopyable>(_ values: [T]) {
        count(values.count)
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    mutating func doubles(_ values: [Double]) { self.values(values) }
    mutating func optionalDoubles(_ values: [Double]?) {
        flag(values != nil)
        if let values { doubles(values) }
    }
    mutating func codes(_ values: [UInt32]) { self.values(values) }
    mutating func strings(_ values: [String]) {
        count(values.count)
        for s in values {
            var s = s
            s.withUTF8 { utf8 in
                withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { data.append(contentsOf: $0) }
                data.append(contentsOf: utf8)
            }
        }
    }
}

/// Reads the file's fields in order; per-row columns keep only `rows` when set (the
/// others are skipped over), so a range of a large book costs its own size.
private struct ColumnReader {
    let data: UnsafeRawBufferPointer
    var at = 0
    var rows: Range<Int>? = nil
    /// Whether the column being read is skipped over: its values are checked to fit the file
    /// and passed, never copied (an empty result).
    var skipping = false
    /// Told the offset up to which the file has been read, after each column.
    var consumed: (Int) -> Void = { _ in }
    var atEnd: Bool { at == data.count }

    init(data: UnsafeRawBufferPointer) { self.data = data }

    struct Truncated: Error, CustomStringConvertible { var description: String { "truncated" } }

    mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, data.count - at >= n else { throw Truncated() }
        defer { at += n }
        return Array(data[at..<at + n])
    }
    mutating func u64() throws -> UInt64 {
        guard data.count - at >= 8 else { throw Truncated() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(data[at + k]) << (8 * UInt64(k)) }
        at += 8
        return v
    }
    mutating func count() throws -> Int {
        let n = try u64()
        guard n <= UInt64(data.count) else { throw Truncated() }
        return Int(n)
    }
    mutating func flag() throws -> Bool { try bytes(1)[0] == 1 }
    mutating func blob() throws -> [UInt8] { try bytes(try count()) }
    /// A per-row byte column (asset class, stage, default flag), `rows` only when set.
    mutating func rowBytes() throws -> [UInt8] { try values(UInt8.self) }
    /// Fixed-width per-row values as `ColumnWriter.values` wrote them, `rows` only when set.
    mutating func values<T: BitwiseCopyable>(_: T.Type) throws -> [T] {
        let n = try count(), width = MemoryLayout<T>.stride
        guard (data.count - at) / width >= n else { throw Truncated() }
        let kept = skipping ? 0..<0 : rows.map { $0.clamped(to: 0..<n) } ?? 0..<n
        let out = [T](unsafeUninitializedCapacity: kept.count) { buffer, initialized in
            let from = at + width * kept.lowerBound
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: data[from..<from + width * kept.count]))
            initialized = kept.count
        }
        at += width * n
        consumed(at)
        return out
    }
    mutating func doubles() throws -> [Double] { try values(Double.self) }
    mutating func optionalDoubles() throws -> [Double]? { try flag() ? try doubles() : nil }
    mutating func codes() throws -> [UInt32] { try values(UInt32.self) }
    /// Length-prefixed strings; `perRow`: a per-row column (ids), `rows` only when set.
    mutating func strings(perRow: Bool) throws -> [String] {
        let n = try count()
        let kept = skipping ? 0..<0 : perRow ? (rows.map { $0.clamped(to: 0..<n) } ?? 0..<n) : 0..<n
        var out: [String] = []
        out.reserveCapacity(kept.count)
        for k in 0..<n {
            guard data.count - at >= 4 else { throw Truncated() }
            var length = 0
            for b in 0..<4 { length |= Int(data[at + b]) << (8 * b) }
            at += 4
            guard data.count - at >= length else { throw Truncated() }
            if kept.contains(k) {
                out.append(String(decoding: UnsafeRawBufferPointer(rebasing: data[at..<at + length]), as: UTF8.self))
            }
            at += length
        }
        consumed(at)
        return out
    }
}
