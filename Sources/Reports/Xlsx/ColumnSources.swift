import Foundation

/// A table's columns borrowed as buffers for the duration of the writing, so
/// the per-cell loop reads plain memory: no reference counting, no enum
/// payload copies per cell (a million rows × twenty columns).
enum ColumnSource {
    case numbers(UnsafeBufferPointer<Double>, XlsxFormat?)
    case texts(UnsafeBufferPointer<String>, XlsxFormat?)
    case categories(UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UnsafeMutablePointer<CChar>>, XlsxFormat?)
    case cells(UnsafeBufferPointer<CellValue>)
    case formulas(UnsafeBufferPointer<FormulaCell>)
}

enum ColumnSources {
    /// Calls `body` with every column borrowed; the buffers are valid only inside it.
    static func with(_ columns: [ReportColumn], formats: [XlsxFormat?], levels: [CStringTable?],
                     _ body: ([ColumnSource]) throws -> Void) throws {
        try borrow(columns[...], formats: formats, levels: levels, borrowed: [], body)
    }

    private static func borrow(_ rest: ArraySlice<ReportColumn>, formats: [XlsxFormat?], levels: [CStringTable?],
                               borrowed: [ColumnSource], _ body: ([ColumnSource]) throws -> Void) throws {
        guard let column = rest.first else { return try body(borrowed) }
        let c = borrowed.count
        let next = rest.dropFirst()
        switch column.values {
        case let .numbers(v):
            try v.withUnsafeBufferPointer { try borrow(next, formats: formats, levels: levels, borrowed: borrowed + [.numbers($0, formats[c])], body) }
        case let .texts(v):
            try v.withUnsafeBufferPointer { try borrow(next, formats: formats, levels: levels, borrowed: borrowed + [.texts($0, formats[c])], body) }
        case let .categories(codes, _):
            let names = levels[c]!
            try codes.withUnsafeBufferPointer { codes in
                try names.withBuffer { names in
                    try borrow(next, formats: formats, levels: levels, borrowed: borrowed + [.categories(codes, names, formats[c])], body)
                }
            }
        case let .cells(v):
            try v.withUnsafeBufferPointer { try borrow(next, formats: formats, levels: levels, borrowed: borrowed + [.cells($0)], body) }
        case let .formulas(v):
            try v.withUnsafeBufferPointer { try borrow(next, formats: formats, levels: levels, borrowed: borrowed + [.formulas($0)], body) }
        }
    }
}

/// The levels of a categorical column as C strings, converted once per table.
final class CStringTable {
    private let pointers: [UnsafeMutablePointer<CChar>]

    init(_ strings: [String]) { pointers = strings.map { strdup($0)! } }

    deinit { for p in pointers { free(p) } }

    func withBuffer<R>(_ body: (UnsafeBufferPointer<UnsafeMutablePointer<CChar>>) throws -> R) rethrows -> R {
        try pointers.withUnsafeBufferPointer(body)
    }
}
