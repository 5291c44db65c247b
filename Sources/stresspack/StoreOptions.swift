import ArgumentParser
import Foundation
import RunStore
import StressPipeline

/// `--store PATH`: the run store, created on first use.
struct StoreOptions: ParsableArguments {
    @Option(help: "The run store (SQLite), created on first use.") var store = "stresspack.sqlite"

    func open() throws -> RunStore { try Self.open(path: store) }

    static func open(path: String) throws -> RunStore {
        do {
            return try RunStore(path: path)
        } catch {
            throw UsageError(message: "cannot open the run store: \(error)")
        }
    }
}
