import StressCore

/// Loads the portfolio file (INTERFACES.md, "Portfolio file") into columns.
///
/// The file is streamed in 1 MiB chunks: memory grows with the portfolio's columns,
/// not with the file's text. The first invalid cell stops the load with an
/// `InputError` naming the file, the physical line where the record starts and the
/// column; things worth knowing that do not stop a run come back as findings.
public enum PortfolioCSV {
    /// Loads the CSV file at `path`; errors name the file as `path` was given. A large file
    /// is read in parts at once (`PortfolioCSVParts`); the result is the same.
    public static func load(path: String) throws(InputError) -> LoadedPortfolio {
        if let loaded = PortfolioCSVParts.load(path: path) { return loaded }
        return try read(ByteSource(path: path), file: path)
    }

    /// Parses CSV bytes held in memory; `file` names them in errors and findings.
    public static func parse(bytes: [UInt8], file: String) throws(InputError) -> LoadedPortfolio {
        try read(ByteSource(bytes: bytes), file: file)
    }

    /// The loader proper; tests pass a tiny `chunkSize` to put chunk boundaries
    /// inside quotes, CRLF pairs and the byte-order mark.
    static func read(_ source: ByteSource, file: String,
                     chunkSize: Int = CSVReader.defaultChunkSize) throws(InputError) -> LoadedPortfolio {
        let reader = CSVReader(source: source, chunkSize: chunkSize)
        var header: PortfolioHeader?
        do {
            guard try reader.nextRecord() else {
                throw InputError(file: file, message: "empty file: expected a header row with columns id, pd, lgd, ead")
            }
            let columns = try PortfolioHeader(reader: reader, file: file)
            header = columns
            var rows = PortfolioRows(header: columns, file: file)
            if try reader.nextRecord() {
                if let size = source.byteCount { rows.reserveCapacity(estimatedRows(fileSize: size, firstRowBytes: reader.recordBytes)) }
                try rows.append(reader)
            }
            while try reader.nextRecord() {
                try rows.append(reader)
            }
            let portfolio = rows.finish()
            guard !portfolio.isEmpty else {
                throw InputError(file: file, message: "no exposures: the file has a header but no data rows")
            }
            return LoadedPortfolio(portfolio: portfolio, findings: findings(for: columns, file: file))
        } catch let error as CSVReader.SyntaxError {
            throw InputError(file: file, line: error.line, key: error.field.map { header?.name(of: $0) ?? "column \($0 + 1)" },
                             message: error.message)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, message: "\(error)")
        }
    }

    /// Rows a file of `fileSize` bytes holds if its rows are like the first one,
    /// capped so that one short first row cannot reserve gigabytes.
    static func estimatedRows(fileSize: Int, firstRowBytes: Int) -> Int {
        min(fileSize / max(firstRowBytes, 16) + 16, 20_000_000)
    }

    static func findings(for header: PortfolioHeader, file: String) -> [DataQualityFinding] {
        var findings: [DataQualityFinding] = []
        if !header.unknown.isEmpty {
            findings.append(DataQualityFinding(
                severity: .info, file: file, line: header.line,
                message: "ignored columns not in the portfolio format: " + header.unknown.joined(separator: ", ")))
        }
        if header.positions[.assetClass] == nil {
            findings.append(DataQualityFinding(
                severity: .warning, file: file, line: header.line, field: "asset_class",
                message: "no asset_class column: every exposure is treated as corporate"))
        }
        return findings
    }
}
