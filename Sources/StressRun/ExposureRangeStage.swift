import CreditEngine
import ProvisionsEngine
import StressCore

/// Each scenario's credit and provisions sums over a range of the book's rows, chunk by
/// chunk: what an exposure-range shard computes (docs/SCALE-OUT.md). The merge joins the
/// ranges in row order and finishes each scenario from them (`ScenarioRunner.Inputs.chunkSums`),
/// adding the chunks in the order one machine does, so the figures have the same bits.
public struct ExposureRangeSums: Codable, Sendable {
    public var rows: Range<Int>
    /// In the run's scenario order.
    public var scenarios: [ScenarioChunkSums]

    public init(rows: Range<Int>, scenarios: [ScenarioChunkSums]) {
        self.rows = rows
        self.scenarios = scenarios
    }
}

/// One scenario's chunk sums: the credit projection's 16,384-exposure chunks and the
/// provisions' 8,192-exposure blocks (none without a provision book).
public struct ScenarioChunkSums: Codable, Sendable {
    public var credit: [CreditChunkSums]
    public var provisions: [ProvisionChunkSums]?

    /// Ranges' sums in row order, as one book's.
    public static func joined(_ parts: [ScenarioChunkSums]) -> ScenarioChunkSums {
        ScenarioChunkSums(credit: parts.flatMap(\.credit),
                          provisions: parts.contains { $0.provisions == nil } ? nil : parts.flatMap { $0.provisions! })
    }
}

extension ScenarioRunner {
    /// The scenario's chunk sums over `input.portfolio`, a slice of the book starting on a
    /// chunk boundary (`Portfolio.slice`), with its provision book built on the same slice.
    public static func chunkSums(_ input: Inputs) throws(InputError) -> ScenarioChunkSums {
        let s = input.scenario
        let setup = try CreditStage.setup(scenario: s, scenarioFile: input.scenarioFile, portfolio: input.portfolio,
                                          settings: input.settings, frameworkFile: input.frameworkFile,
                                          rwa: input.rwaColumns, threads: input.threads)
        let credit = CreditProjector.chunkSums(portfolio: input.portfolio, plan: setup.plan, options: setup.options)
        let provisions = input.provisions.map {
            ProvisionsProjection.blockSums(ProvisionStage.inputs(scenario: s, plan: setup.plan, options: setup.options,
                                                                 setup: $0, constants: nil))
        }
        return ScenarioChunkSums(credit: credit, provisions: provisions)
    }
}
