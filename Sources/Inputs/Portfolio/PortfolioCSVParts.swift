import Foundation
import StressCore

/// A large portfolio file read in parts at once, one per core: the data rows are cut at
/// line breaks into byte ranges, each range is parsed on its own, and the parts' columns
/// are appended in file order (`Portfolio.append(contentsOf:)`, whose categorical levels
/// keep their order of first appearance). The portfolio is the one `PortfolioCSV.read`
/// makes from the whole file.
///
/// Anything the parts cannot settle on their own sends the file back to the one-piece read,
/// which then gives its usual result or error (the first bad record, by line): a quoted
/// field anywhere (a line break may lie inside quotes, so the cuts may be wrong), an error
/// in any part, or an id that appears in two parts.
///
/// The parts' columns are built on worker threads and freed after the merge: the CLI fixes
/// glibc's mmap threshold (`MemoryTuning`) so that this memory goes back to the system.
enum PortfolioCSVParts {
    /// Files smaller than this are read in one piece.
    nonisolated(unsafe) static var minimumBytes = 32 << 20
    /// Parts per core, so that a slow part does not leave a core idle at the end.
    static let partsPerCore = 2

    /// The portfolio from `path` read in parts; nil to read it in one piece.
    static func load(path: String, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> LoadedPortfolio? {
        guard cores > 1, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int,
              size >= minimumBytes else { return nil }
        // The header, and where the data rows start.
        guard let source = try? ByteSource(path: path) else { return nil }
        let reader = CSVReader(source: source, chunkSize: 64 << 10)
        guard (try? reader.nextRecord()) == true, !reader.sawQuotedField,
              let header = try? PortfolioHeader(reader: reader, file: path) else { return nil }
        let dataStart = reader.offset
        guard let ranges = cuts(path: path, from: dataStart, to: size, parts: cores * partsPerCore) else { return nil }

        let slots = Slots<Part>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            slots.set(k, parse(path: path, range: ranges[k], header: header))
        }
        // A part that failed (nil) sends the file to the one-piece read.
        var done = slots.take().compactMap { $0 }
        guard !done.isEmpty, done.count == ranges.count else { return nil }
        // An id in two parts: the one-piece read names both lines.
        guard !idsRepeatAcrossParts(done) else { return nil }

        // The parts' columns only (the id indexes go), each held once so appending moves it.
        var portfolios = done.map(\.portfolio)
        done = []
        var portfolio = portfolios[0]
        portfolios[0] = Portfolio()
        for k in 1..<portfolios.count {
            var part = portfolios[k]
            portfolios[k] = Portfolio()
            portfolio.append(contentsOf: &part)
        }
        guard !portfolio.isEmpty else { return nil }
        return LoadedPortfolio(portfolio: portfolio, findings: PortfolioCSV.findings(for: header, file: path))
    }

    /// Whether a part has an id of an earlier part; each part is checked at once.
    static func idsRepeatAcrossParts(_ parts: [Part]) -> Bool {
        let repeated = Slots<Bool>(count: parts.count)
        let indexes = parts.map(\.rows.lineOfID)
        DispatchQueue.concurrentPerform(iterations: parts.count) { k in
            for id in parts[k].portfolio.ids {
                for j in 0..<k where indexes[j][id] != nil {
                    repeated.set(k, true)
                    return
                }
            }
        }
        return repeated.take().contains(true)
    }

    /// Byte ranges from `start` to `end`, each cut just after a line feed; nil when the file
    /// cannot be read.
    static func cuts(path: String, from start: Int, to end: Int, parts: Int) -> [Range<Int>]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bounds = [start]
        for k in 1..<max(parts, 1) {
            var at = max(start + (end - start) * k / parts, bounds.last!)
            // The first line feed at or after `at`.
            while at < end {
                guard (try? handle.seek(toOffset: UInt64(at))) != nil,
                      let window = try? handle.read(upToCount: 1 << 16), !window.isEmpty else { return nil }
                if let lf = window.firstIndex(of: 0x0A) {
                    at += window.distance(from: window.startIndex, to: lf) + 1
                    break
                }
                at += window.count
            }
            bounds.append(min(at, end))
        }
        bounds.append(end)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    struct Part {
        var rows: PortfolioRows
        var portfolio: Portfolio
    }

    /// One part's rows; nil on any error or quoted field (the file is then read in one piece).
    static func parse(path: String, range: Range<Int>, header: PortfolioHeader) -> Part? {
        guard let source = try? ByteSource(path: path, range: range) else { return nil }
        let reader = CSVReader(source: source)
        var rows = PortfolioRows(header: header, file: path)
        do {
            if try reader.nextRecord() {
                rows.reserveCapacity(PortfolioCSV.estimatedRows(fileSize: range.count, firstRowBytes: reader.recordBytes))
                try rows.append(reader)
            }
            while try reader.nextRecord() { try rows.append(reader) }
        } catch {
            return nil
        }
        guard !reader.sawQuotedField else { return nil }
        return Part(rows: rows, portfolio: rows.finish())
    }

    /// One value per part, each written by its worker, then handed over whole (none stays
    /// here, so the caller holds the only reference to each part's columns).
    final class Slots<Value>: @unchecked Sendable {
        private var values: [Value?]
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ k: Int, _ value: Value?) { lock.withLock { values[k] = value } }

        func take() -> [Value?] {
            lock.withLock {
                defer { values = [] }
                return values
            }
        }
    }
}
