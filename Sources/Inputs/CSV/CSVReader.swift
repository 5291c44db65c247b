/// A streaming CSV reader (RFC 4180 with the usual relaxations) that parses bytes
/// straight from fixed-size chunks, so a file of millions of rows is never held in
/// memory as one String (PERFORMANCE: only the current record is buffered).
///
/// Accepted: fields quoted with `"` and `""` as an escaped quote; commas, CR and LF
/// inside quotes; LF, CRLF or a lone CR as the line break; a UTF-8 byte-order mark at
/// the start (skipped); an optional final line break; empty lines (skipped). Rejected:
/// a quote inside an unquoted field, anything but a separator after a closing quote,
/// a quoted field still open at the end of the file, and a record longer than
/// `maximumRecordBytes` (almost always a quote left open).
///
/// Each field's bytes are copied, unescaped, into one record buffer with a NUL after
/// every field, so numbers can go to `strtod` in place without a String per cell.
final class CSVReader {
    /// A malformed record; `field` is the 0-based index of the field being read,
    /// nil when the problem is not in one field (a failed read).
    struct SyntaxError: Error {
        var line: Int
        var field: Int?
        var message: String
    }

    static let defaultChunkSize = 1 << 20
    static let defaultMaximumRecordBytes = 1 << 20

    private let source: ByteSource
    private let chunk: UnsafeMutablePointer<UInt8>
    private let chunkCapacity: Int
    private var chunkCount = 0
    private var position = 0
    private var endOfInput = false

    private var record: UnsafeMutablePointer<UInt8>
    private var recordCapacity: Int
    private var recordCount = 0
    private var fieldEnds: [Int] = []
    private let maximumRecordBytes: Int

    /// Bytes read from the source so far (the chunk's end).
    private var bytesRead = 0
    /// Whether any field so far was quoted: a parallel load cannot cut such a file at line
    /// breaks (one may lie inside quotes), so it reads it again in one piece.
    private(set) var sawQuotedField = false

    /// The offset in the source of the next byte to read (after `nextRecord`, the start of
    /// the next record, or the line break that ends the current one).
    var offset: Int { bytesRead - (chunkCount - position) }

    /// The physical line (1-based) of the next byte to read.
    private var line = 1
    /// A record or blank line ended with CR; an LF right after it belongs to it.
    private var skipLineFeed = false
    private var startChecked = false

    /// The physical line on which the current record starts.
    private(set) var recordLine = 0
    /// True when some byte of the current record is ≥ 0x80 and may be invalid UTF-8.
    private(set) var recordHasNonASCII = false

    init(source: ByteSource, chunkSize: Int = defaultChunkSize,
         maximumRecordBytes: Int = defaultMaximumRecordBytes) {
        self.source = source
        chunkCapacity = max(chunkSize, 4)
        chunk = .allocate(capacity: chunkCapacity)
        recordCapacity = 4096
        record = .allocate(capacity: recordCapacity)
        self.maximumRecordBytes = maximumRecordBytes
    }

    deinit {
        chunk.deallocate()
        record.deallocate()
    }

    // MARK: - Fields of the current record

    var fieldCount: Int { fieldEnds.count }

    /// Bytes of the current record as unescaped, one NUL per field: about its length
    /// in the file.
    var recordBytes: Int { recordCount }

    /// The unescaped bytes of field `index`; the byte just past the end is a NUL.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1] + 1
        return UnsafeBufferPointer(start: record + start, count: fieldEnds[index] - start)
    }

    func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    func number(_ index: Int) -> ParsedNumber {
        let bytes = field(index)
        return NumberParsing.parse(bytes.baseAddress!, count: bytes.count)
    }

    // MARK: - Reading

    /// Reads the next record; false at the end of the input.
    ///
    /// The loop works on local copies of the reader's positions and buffers and
    /// stores them back on exit: stored properties of a class are checked for
    /// exclusive access on every use, which would cost more than the parsing itself.
    func nextRecord() throws(SyntaxError) -> Bool {
        if !startChecked { try skipByteOrderMark() }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        var position = self.position
        var chunkCount = self.chunkCount
        let chunk = self.chunk
        var record = self.record
        var recordCount = 0
        var ends = self.fieldEnds
        self.fieldEnds = []
        ends.removeAll(keepingCapacity: true)
        var line = self.line
        var recordLine = self.recordLine
        var skipLineFeed = self.skipLineFeed
        var nonASCII: UInt8 = 0
        defer {
            self.position = position
            self.recordCount = recordCount
            self.fieldEnds = ends
            self.line = line
            self.recordLine = recordLine
            self.skipLineFeed = skipLineFeed
            self.recordHasNonASCII = nonASCII >= 0x80
        }

        var recordCapacity = self.recordCapacity
        /// Makes room for one more byte (and the NUL after the field).
        @inline(__always)
        func reserve() throws(SyntaxError) {
            if recordCount + 1 >= recordCapacity {
                self.recordCount = recordCount
                self.recordLine = recordLine
                self.fieldEnds = ends
                try growRecord()
                ends = self.fieldEnds
                self.fieldEnds = []
                record = self.record
                recordCapacity = self.recordCapacity
            }
        }
        var state = State.fieldStart
        var previousWasCR = false

        while true {
            if position == chunkCount {
                self.position = position
                self.chunkCount = chunkCount
                self.line = line
                try refill()
                position = self.position
                chunkCount = self.chunkCount
                if chunkCount == 0 { break }
            }
            let byte = chunk[position]
            position += 1
            if skipLineFeed {
                skipLineFeed = false
                if byte == lf { continue }
            }
            switch state {
            case .fieldStart:
                if ends.isEmpty && recordCount == 0 { recordLine = line }
                if byte == quote {
                    state = .quoted
                    previousWasCR = false
                    sawQuotedField = true
                } else if byte == comma {
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                } else if byte == lf || byte == cr {
                    line += 1
                    skipLineFeed = byte == cr
                    if ends.isEmpty { continue }  // a blank line
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                    return true
                } else {
                    nonASCII |= byte
                    try reserve()
                    record[recordCount] = byte
                    recordCount += 1
                    state = .unquoted
                }
            case .unquoted:
                if byte == comma {
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                    state = .fieldStart
                } else if byte == lf || byte == cr {
                    line += 1
                    skipLineFeed = byte == cr
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                    return true
                } else if byte == quote {
                    throw SyntaxError(line: recordLine, field: ends.count,
                                      message: "a quote inside an unquoted field; quote the whole field and double the quotes inside it")
                } else {
                    nonASCII |= byte
                    try reserve()
                    record[recordCount] = byte
                    recordCount += 1
                }
            case .quoted:
                if byte == quote {
                    state = .quoteInQuoted
                } else {
                    if byte == lf {
                        if !previousWasCR { line += 1 }
                    } else if byte == cr {
                        line += 1
                    }
                    previousWasCR = byte == cr
                    nonASCII |= byte
                    try reserve()
                    record[recordCount] = byte
                    recordCount += 1
                }
            case .quoteInQuoted:
                if byte == quote {
                    try reserve()
                    record[recordCount] = quote
                    recordCount += 1
                    state = .quoted
                    previousWasCR = false
                } else if byte == comma {
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                    state = .fieldStart
                } else if byte == lf || byte == cr {
                    line += 1
                    skipLineFeed = byte == cr
                    try reserve()
                    record[recordCount] = 0
                    ends.append(recordCount)
                    recordCount += 1
                    return true
                } else {
                    throw SyntaxError(line: recordLine, field: ends.count,
                                      message: "unexpected text after the closing quote; a quote inside a quoted field is written as two quotes (\"\")")
                }
            }
        }
        // End of input.
        switch state {
        case .quoted:
            throw SyntaxError(line: recordLine, field: ends.count,
                              message: "unterminated quoted field: the file ends before its closing quote")
        case .fieldStart where ends.isEmpty:
            return false
        default:
            try reserve()
            record[recordCount] = 0
            ends.append(recordCount)
            recordCount += 1
            return true
        }
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    // MARK: - Buffers

    private func growRecord() throws(SyntaxError) {
        guard recordCapacity < maximumRecordBytes else {
            throw SyntaxError(line: recordLine, field: fieldEnds.count,
                              message: "the record is longer than \(maximumRecordBytes) bytes; is a quote left open?")
        }
        let capacity = min(recordCapacity * 2, maximumRecordBytes)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: record, count: recordCount)
        record.deallocate()
        record = grown
        recordCapacity = capacity
    }

    /// Moves unread bytes to the front of the chunk and reads more after them.
    private func refill() throws(SyntaxError) {
        let remaining = chunkCount - position
        if remaining > 0, position > 0 { chunk.update(from: chunk + position, count: remaining) }
        chunkCount = remaining
        position = 0
        guard !endOfInput else { return }
        switch source.read(into: chunk + chunkCount, capacity: chunkCapacity - chunkCount) {
        case .success(let count):
            if count == 0 { endOfInput = true }
            chunkCount += count
            bytesRead += count
        case .failure(let failure):
            throw SyntaxError(line: line, field: nil, message: "cannot read the file: " + failure.message)
        }
    }

    /// Skips a UTF-8 byte-order mark (EF BB BF) at the very start of the input.
    private func skipByteOrderMark() throws(SyntaxError) {
        startChecked = true
        while chunkCount < 3 && !endOfInput { try refill() }
        if chunkCount >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { position = 3 }
    }
}
