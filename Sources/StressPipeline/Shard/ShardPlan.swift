import Foundation
import Inputs
import RunStore
import StressCore
import StressRun
import VaREngine

/// A sharded run's plan (`run --shards N --plan DIR`, docs/SCALE-OUT.md): the run's inputs
/// copied into the plan folder by content hash, its parameters, and which units each shard
/// computes. Shards and the merge read only the plan folder, never the user's paths, so a
/// file edited after planning cannot reach one shard and not another.
public struct ShardPlan: Codable {
    public static let formatName = "stresspack-shard-plan/1"
    public static let fileName = "plan.json"

    public var format: String
    public var runID: String
    public var engineVersion: String
    /// SHA-256 of the stresspack binary that planned the run: shards and the merge must be
    /// the same build, or a figure could differ in its last bits from node to node.
    public var build: String
    public var parameters: RunParameters
    public var inputs: [PlannedInput]
    /// Shard i computes `shards[i]`, in run order.
    public var shards: [[RunUnit]]
    /// The portfolio parsed once at planning, as a column file (`PortfolioColumnsFile`)
    /// beside its CSV: shards and the merge read it instead of parsing the CSV again.
    public var portfolioColumns: PlannedFile?

    public struct PlannedFile: Codable, Equatable {
        public var file: String
        public var sha256: String
    }

    public struct PlannedInput: Codable, Equatable {
        public var role: String
        /// The path the run shows, as a single-machine run of the same files would.
        public var path: String
        public var sha256: String
        public var bytes: Int
        /// The copy, relative to the plan folder: inputs/<sha256>/<file name>.
        public var file: String
    }

    enum CodingKeys: String, CodingKey {
        case format, runID = "run_id", engineVersion = "engine_version", build, parameters, inputs, shards
        case portfolioColumns = "portfolio_columns"
    }

    /// Resolves `job`'s inputs as a run would, copies them into `directory` and writes the
    /// plan. A folder that already holds the same plan is left as it is (re-planning is
    /// idempotent); one holding another plan is refused.
    /// `exposureRanges` > 0 splits the book into that many row ranges in place of the
    /// scenario units (`RunUnit.exposures`); the run must skip attribution and reverse stress,
    /// whose re-projections each need the whole book.
    public static func create(job: RunJob, shards: Int, exposureRanges: Int = 0, in directory: URL) throws -> ShardPlan {
        guard shards >= 1 else { throw UsageError(message: "--shards must be at least 1 (got \(shards))") }
        if exposureRanges > 0, !job.skip.isSuperset(of: [.attribution, .reverseStress]) {
            throw UsageError(message: "--exposure-ranges needs --skip attribution --skip reverse-stress: each coalition "
                + "and each step of the severity search is a projection of the whole book, which a range does not hold")
        }
        let files = try RunInputs.resolve(job)
        let inputs = files.map { InputFile(role: $0.role, path: job.display($0.path), sha256: $0.sha256, bytes: $0.bytes) }
        let asOf = job.asOf ?? files.asOf ?? "unknown"
        let runID = RunJob.runID(inputs: inputs, pack: job.pack, asOf: asOf, seed: job.seed, skip: job.skip)

        // With more shards than scenarios, each scenario's attribution coalitions are split
        // into parts of their own, so the longest unit shrinks as shards are added.
        let parts = ShardLayout.attributionParts(shards: shards, scenarios: job.scenarioPaths.count, skip: job.skip)
        var scenarioCosts: [Double] = [], attributionCosts: [Double] = []
        for path in job.scenarioPaths {
            let periods = (try? ScenarioFile.load(path: path))?.scenario.periods.count ?? 1
            scenarioCosts.append(ShardLayout.scenarioCost(periods: periods, skip: job.skip, attributionParts: parts))
            if parts > 1 {
                attributionCosts += Array(repeating: ShardLayout.attributionPartCost(periods: periods, parts: parts), count: parts)
            }
        }
        // The VaR's paths in as many batches as shards (on its 1,024-path blocks), so the
        // longest stage of a large book spreads like the scenarios.
        let varBatches = CreditVaR.pathBatches(paths: job.paths, count: shards)
        let otherCosts = [ShardLayout.factorRiskCost] + varBatches.map { ShardLayout.varPathsCost(paths: $0.count) }
        // The layout of a book split by rows needs its size, known once it is parsed (below).
        func layout(exposures: Int) -> [[RunUnit]] {
            if exposureRanges > 0 {
                let ranges = ShardLayout.exposureRanges(count: exposures, ranges: exposureRanges)
                let units = RunUnit.all(scenarios: job.scenarioPaths.count, varBatches: varBatches, exposureRanges: ranges)
                let rangeCosts = ranges.map { Double($0.count) / Double(max(exposures, 1)) * scenarioCosts.reduce(0, +) }
                return ShardLayout.assign(ranges: Array(units.prefix(ranges.count)), others: Array(units.dropFirst(ranges.count)),
                                          otherCosts: otherCosts, rangeCosts: rangeCosts, shards: shards)
            }
            let units = RunUnit.all(scenarios: job.scenarioPaths.count, varBatches: varBatches, attributionParts: parts)
            return ShardLayout.assign(units: units, costs: scenarioCosts + attributionCosts + otherCosts, shards: shards)
        }

        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let planFile = directory.appendingPathComponent(fileName)
        // The same run planned again (from any machine) keeps its plan; another run is refused
        // before anything is copied.
        if let existing = try? Data(contentsOf: planFile) {
            let other = try? JSONDecoder().decode(ShardPlan.self, from: existing)
            // A book split by rows: the ranges follow from the book's size, and the size from its hash, in the run id.
            let sameLayout = exposureRanges > 0
                ? other.map { plan in
                    let ranges = plan.shards.joined().compactMap(\.exposureRange)
                    return plan.shards.count == shards && plan.shards == layout(exposures: ranges.last?.upperBound ?? 0)
                } ?? false
                : other?.shards == layout(exposures: 0)
            guard let other, other.runID == runID, sameLayout, other.build == ShardBuild.current else {
                throw UsageError(message: "\(planFile.path) already holds a plan (\(other?.runID ?? "unreadable"), "
                    + "\(other?.shards.count ?? 0) shards); plan into an empty folder")
            }
            return other
        }
        var planned: [PlannedInput] = []
        for (file, shown) in zip(files.files, inputs) {
            let relative = "inputs/\(file.sha256)/\(URL(fileURLWithPath: file.path).lastPathComponent)"
            let copy = directory.appendingPathComponent(relative)
            if !fm.fileExists(atPath: copy.path) || (try? FileDigest.sha256(path: copy.path).hex) != file.sha256 {
                try fm.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFiles.copy(URL(fileURLWithPath: file.path), to: copy)
            }
            planned.append(PlannedInput(role: file.role, path: shown.path, sha256: file.sha256, bytes: file.bytes,
                                        file: relative))
        }
        // The book parsed once, here: a bad file stops the plan, before any shard starts.
        var columns: PlannedFile? = nil
        var exposures = 0
        if let portfolio = planned.first(where: { $0.role == "portfolio" }) {
            let csv = directory.appendingPathComponent(portfolio.file)
            let relative = "inputs/\(portfolio.sha256)/portfolio.columns"
            let url = directory.appendingPathComponent(relative)
            let loaded: LoadedPortfolio
            do {
                loaded = try PortfolioCSV.load(path: csv.path)
            } catch {
                throw InputError(file: portfolio.path, line: error.line, column: error.column, key: error.key,
                                 message: error.message)
            }
            exposures = loaded.portfolio.count
            try AtomicFiles.replace(url, with: try PortfolioColumnsFile.encode(loaded, csvPath: csv.path))
            columns = PlannedFile(file: relative, sha256: try FileDigest.sha256(path: url.path).hex)
        }
        let plan = ShardPlan(
            format: formatName, runID: runID, engineVersion: EngineVersion.current, build: ShardBuild.current,
            parameters: RunParameters(pack: job.pack, seed: job.seed, asOf: job.asOf, threads: job.threads, paths: job.paths,
                                      scenarios: job.scenarioPaths.map(job.display),
                                      skip: job.skip.isEmpty ? nil : job.skip.sorted().map(\.rawValue)),
            inputs: planned, shards: layout(exposures: exposures), portfolioColumns: columns)
        let data = try JSONDocument.encode(plan)
        try AtomicFiles.replace(planFile, with: data)
        return plan
    }

    /// The plan in `directory` and the SHA-256 of its file (what every partial names).
    public static func load(_ directory: URL) throws -> (plan: ShardPlan, digest: String) {
        let file = directory.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: file) else {
            throw UsageError(message: "\(file.path): no shard plan (make one with stresspack run ... --shards N --plan DIR)")
        }
        let plan: ShardPlan
        do {
            plan = try JSONDecoder().decode(ShardPlan.self, from: data)
        } catch {
            throw UsageError(message: "\(file.path): not a shard plan: \(error)")
        }
        guard plan.format == formatName else {
            throw UsageError(message: "\(file.path): format '\(plan.format)', expected '\(formatName)'")
        }
        guard plan.engineVersion == EngineVersion.current, plan.build == ShardBuild.current else {
            throw UsageError(message: "\(file.path): planned by stresspack \(plan.engineVersion) build \(plan.build.prefix(12))…, "
                + "this is \(EngineVersion.current) build \(ShardBuild.current.prefix(12))…; every shard and the merge "
                + "must run the binary that planned it")
        }
        try plan.checkLayout(file: file.path)
        return (plan, FileDigest.sha256(data: data))
    }

    /// The shards list every unit of the run exactly once: each scenario (or exposure ranges
    /// that cover the book in order on chunk boundaries), the factor risk, and VaR batches
    /// that cover the paths in order on block boundaries.
    func checkLayout(file: String) throws {
        let listed = shards.flatMap { $0 }
        // The ranges sorted, checked to follow on from 0 on multiples of `step`; where they end.
        func contiguous(_ ranges: [Range<Int>], step: Int, _ refusal: (Range<Int>) -> String) throws
            -> (sorted: [Range<Int>], end: Int) {
            let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
            var next = 0
            for range in sorted {
                guard range.lowerBound == next, range.lowerBound % step == 0 else {
                    throw UsageError(message: "\(file): " + refusal(range))
                }
                next = range.upperBound
            }
            return (sorted, next)
        }
        let (batches, next) = try contiguous(listed.compactMap(\.pathRange), step: CreditVaR.pathBlockSize) {
            "the VaR batches do not cover 0..<\(parameters.paths) in blocks of \(CreditVaR.pathBlockSize) "
                + "(at var-paths:\($0.lowerBound)-\($0.upperBound))"
        }
        let parts = RunUnit.attributionParts(listed)
        let (ranges, _) = try contiguous(listed.compactMap(\.exposureRange), step: ShardLayout.exposureChunk) {
            "the exposure ranges do not cover the book in order on chunks of \(ShardLayout.exposureChunk) rows "
                + "(at exposures:\($0.lowerBound)-\($0.upperBound))"
        }
        if !ranges.isEmpty, !Set(parameters.skip ?? []).isSuperset(of: ["attribution", "reverse-stress"]) {
            throw UsageError(message: "\(file): exposure ranges need a run that skips attribution and reverse-stress")
        }
        let expected = ranges.isEmpty
            ? RunUnit.all(scenarios: parameters.scenarios.count, varBatches: batches, attributionParts: parts)
            : RunUnit.all(scenarios: parameters.scenarios.count, varBatches: batches, exposureRanges: ranges)
        guard next == parameters.paths, listed.count == expected.count, Set(listed) == Set(expected) else {
            throw UsageError(message: "\(file): the shards must list every unit of the run once (\(expected.count) units: "
                + (ranges.isEmpty ? "scenario:0...\(parameters.scenarios.count - 1), " : "exposure ranges covering the book, ")
                + (parts > 1 ? "attribution:N:0/\(parts)...\(parts - 1)/\(parts) of each, " : "")
                + "portfolio-risk and VaR batches covering 0..<\(parameters.paths)); they list \(listed.count)")
        }
    }

    /// The run the plan describes, reading the plan folder's copies (each checked against its
    /// hash first: a copy damaged on the shared file system stops the shard, naming it).
    public func job(in directory: URL, threads: Int, outDirectory: String?, store: RunStore?) throws -> RunJob {
        var replayed: [ReplayedInput] = []
        for input in inputs {
            let path = directory.appendingPathComponent(input.file).path
            guard let digest = try? FileDigest.sha256(path: path), digest.hex == input.sha256 else {
                throw UsageError(message: "\(path): missing, or not the \(input.role.replacingOccurrences(of: "_", with: " ")) "
                    + "the plan copied (\(input.path), sha256 \(input.sha256.prefix(16))…)")
            }
            replayed.append(ReplayedInput(role: input.role, path: path, shownAs: input.path))
        }
        var job = try RunJob.replaying(replayed, parameters: parameters, threads: threads, outDirectory: outDirectory,
                                       store: store, label: "the plan in \(directory.path)")
        if let columns = portfolioColumns {
            let path = directory.appendingPathComponent(columns.file).path
            guard let digest = try? FileDigest.sha256(path: path), digest.hex == columns.sha256 else {
                throw UsageError(message: "\(path): missing, or not the portfolio column file the plan wrote "
                    + "(sha256 \(columns.sha256.prefix(16))…)")
            }
            job.portfolioColumns = path
        }
        return job
    }
}
