import Foundation
import PDModel
import RiskMath
import StressCore

/// Generates the sample bank: a portfolio CSV (INTERFACES.md columns) and
/// figures for a matching balance sheet. Deterministic in (exposures, seed):
/// the same bytes for any thread count, since rows are generated in fixed
/// chunks and written, and summed, in chunk order.
public struct SampleBankGenerator: Sendable {
    public let exposures: Int
    public let seed: UInt64

    /// Rows per chunk: large enough to amortise dispatch, small enough to stream.
    static let chunkSize = 32_768

    public static let header =
        "id,segment,asset_class,pd,lgd,ead,drawn,undrawn,ccf,maturity,turnover_eur_m,"
        + "collateral_value,sector,country,rating,currency,amortisation,"
        + "stage,days_past_due,default_flag,origination_pd,remaining_term,eir,provision"

    /// Whether the consumer segments' rows carry their borrowers' application characteristics
    /// (`SyntheticLoans`), so a scorecard can rate them (`run --pd-model`).
    public let borrowers: Bool

    /// The segments whose rows carry borrower characteristics with `borrowers`: the ones a
    /// consumer application scorecard rates (data/pd/retail-scorecard.yaml's scope).
    public static let borrowerSegments = ["Credit cards", "Consumer loans"]

    /// The drift of stage 2 and 3 borrowers' characteristics (`SyntheticLoans`, 0 to about 2).
    static let deterioratedDrift = 2.0

    public init(exposures: Int, seed: UInt64, borrowers: Bool = false) {
        precondition(exposures >= 1, "the sample bank needs at least one exposure")
        self.exposures = exposures
        self.seed = seed
        self.borrowers = borrowers
    }

    /// The header row: the portfolio columns, then the borrower characteristics with `borrowers`.
    public var headerRow: String {
        borrowers ? Self.header + "," + (SyntheticLoans.numeric + SyntheticLoans.categorical).joined(separator: ",") : Self.header
    }

    /// Writes the portfolio CSV to `path` atomically (temporary name, then
    /// rename) and returns the portfolio totals the balance sheet is built from.
    public func writePortfolio(to path: String, threads: Int,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> SampleBankTotals {
        let temporary = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        var succeeded = false
        defer { if !succeeded { try? FileManager.default.removeItem(atPath: temporary) } }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        defer { try? handle.close() }

        try handle.write(contentsOf: Data((headerRow + "\n").utf8))
        let partition = BlockPartition(count: exposures, blockSize: Self.chunkSize)
        var totals = SampleBankTotals()
        // Batches of chunks bound the memory to a few chunks at a time.
        let batch = max(1, threads) * 4
        var first = 0
        while first < partition.blockCount {
            let last = min(first + batch, partition.blockCount)
            let batchPartition = BlockPartition(count: last - first, blockSize: 1)
            let batchStart = first
            let results = parallelMap(blocks: batchPartition, threads: threads) { range, _ in
                self.renderChunk(partition.range(ofBlock: batchStart + range.lowerBound))
            }
            for (bytes, chunkTotals) in results {
                try handle.write(contentsOf: Data(bytes))
                totals.add(chunkTotals)
            }
            first = last
            progress?(partition.range(ofBlock: last - 1).upperBound)
        }
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        succeeded = true
        return totals
    }

    /// The rows of one chunk as CSV bytes, and their totals.
    func renderChunk(_ rows: Range<Int>) -> ([UInt8], SampleBankTotals) {
        var writer = CSVRowWriter(capacity: rows.count * 200)
        var totals = SampleBankTotals()
        for index in rows {
            let e = SampleExposure(seed: seed, index: index)
            let p = e.profile
            writer.text(p.idPrefix); writer.padded(index + 1, width: 9); writer.comma()
            writer.text(p.name); writer.comma()
            writer.text(p.assetClass.rawValue); writer.comma()
            writer.decimal(e.pd, decimals: 6); writer.comma()
            writer.decimal(e.lgd, decimals: 4); writer.comma()
            writer.decimal(e.ead, decimals: 2); writer.comma()
            writer.decimal(e.drawn, decimals: 2); writer.comma()
            writer.decimal(e.undrawn, decimals: 2); writer.comma()
            writer.decimal(e.ccf, decimals: 2); writer.comma()
            writer.decimal(e.maturity, decimals: 2); writer.comma()
            writer.decimal(e.turnover, decimals: 1); writer.comma()
            writer.decimal(e.collateralValue, decimals: 0); writer.comma()
            writer.text(p.sectors.labels[e.sector]); writer.comma()
            let country = p.countries.labels[e.country]
            writer.text(country); writer.comma()
            writer.text(e.stage == 3 ? "D" : MasterScale.grades[e.grade].label); writer.comma()
            writer.text(SampleBankProfiles.currency(forCountry: country)); writer.comma()
            writer.decimal(p.amortisation, decimals: 2); writer.comma()
            writer.padded(e.stage, width: 1); writer.comma()
            writer.padded(e.daysPastDue, width: 1); writer.comma()
            writer.text(e.stage == 3 ? "1" : "0"); writer.comma()
            writer.decimal(e.originationPD, decimals: 6); writer.comma()
            writer.decimal(e.remainingTerm, decimals: 2); writer.comma()
            writer.decimal(e.eir, decimals: 4); writer.comma()
            writer.decimal(e.provision, decimals: 2)
            if borrowers { writeBorrower(e, &writer) }
            writer.newline()
            totals.record(e)
        }
        return (writer.bytes, totals)
    }

    /// The borrower's characteristics for a consumer-segment row (the exposure's own index in
    /// the synthetic loans' stream of this seed), empty fields for the other segments.
    private func writeBorrower(_ e: SampleExposure, _ writer: inout CSVRowWriter) {
        let fields = SyntheticLoans.numeric.count + SyntheticLoans.categorical.count
        guard Self.borrowerSegments.contains(e.profile.name) else {
            for _ in 0..<fields { writer.comma() }
            return
        }
        // A borrower whose credit risk has risen since origination (stage 2) or who defaulted
        // (stage 3) looks like the population after a downturn: higher utilisation and debt,
        // more enquiries and arrears, so a scorecard grades them riskier.
        let b = SyntheticLoans.borrower(SyntheticLoans.stream(seed: seed), index: e.index,
                                        drift: e.stage == 1 ? 0 : Self.deterioratedDrift)
        for x in b.numeric {
            writer.comma()
            if x.isFinite { writer.decimal(x, decimals: 4) }
        }
        for c in b.categorical {
            writer.comma()
            writer.text(c)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
