import Foundation
import Inputs
import RunStore

/// Validates first, then records: a bad file changes nothing in the store.
public enum PortfolioImport {
    @discardableResult
    public static func run(path: String, name: String, store: RunStore) throws -> PortfolioRecord {
        guard !name.isEmpty, !name.contains("/"), !FileManager.default.fileExists(atPath: name) else {
            throw UsageError(message: "--name must be a plain name (no '/'), not a file path, got '\(name)'")
        }
        let loaded = try PortfolioCSV.load(path: path)
        let digest = try FileDigest.sha256(path: path)
        try store.importPortfolio(name: name, file: path, sha256: digest.hex, exposures: loaded.portfolio.count,
                                  totalEAD: loaded.portfolio.totalEAD, importedAt: RunRecording.timestamp(Date()))
        guard let record = try store.portfolio(named: name) else {
            throw UsageError(message: "\(name): not found in the store after import")
        }
        return record
    }
}
