import Foundation
import TestSupport
import XCTest

/// The property of issue #23, through the CLI as a user runs it: whatever is wrong
/// with the portfolio, balance sheet, scenario or report template, a run exits 0
/// or 2 — never 1, never a signal — and a rejected run leaves nothing in its
/// output folder. The mutations are drawn from a fixed seed, so a failure names
/// its case and repeats; the failing files are kept under
/// `$TMPDIR/stresspack-mutation-failures/` to become a regression case.
final class InputMutationTests: XCTestCase {
    /// Fixed for `make test`; STRESSPACK_MUTATION_SEED and STRESSPACK_MUTATION_CASES
    /// explore further by hand (a failure prints the seed's case number).
    static let seed = UInt64(ProcessInfo.processInfo.environment["STRESSPACK_MUTATION_SEED"] ?? "") ?? 0x23_2025
    /// Cases run: about two minutes in the debug build on the project's 2-core machine
    /// (600 in 139 s with other work beside it), most of it the runs that pass every
    /// loader and render both reports.
    static let cases = Int(ProcessInfo.processInfo.environment["STRESSPACK_MUTATION_CASES"] ?? "") ?? 600
    static let exploring = ProcessInfo.processInfo.environment["STRESSPACK_MUTATION_CASES"] != nil
    /// A slow machine stops early rather than hold up `make test`; the cases run are
    /// still the first ones of the same sequence.
    static let timeBudget: TimeInterval = 150

    private var work: URL!
    private var home: URL!

    override func setUpWithError() throws {
        let fm = FileManager.default
        work = fm.temporaryDirectory.appendingPathComponent("mutations-\(UUID().uuidString)")
        home = work.appendingPathComponent("home")
        try fm.createDirectory(at: home.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try fm.createDirectory(at: home.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        // The project's frameworks, rate tables and market data; the template is the case's own.
        let root = TestSupport.repositoryRoot
        for folder in ["frameworks", "tables", "data"] {
            try fm.createSymbolicLink(at: home.appendingPathComponent(folder),
                                      withDestinationURL: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    /// The unmutated inputs: a 200-exposure sample bank and its balance sheet, one
    /// scenario of each framework, and the audit template (every sheet and page).
    private func baseInputs() throws -> [Input] {
        let bank = work.appendingPathComponent("bank.csv").path
        let r = try CommandRunner.run(["portfolio", "sample", "--exposures", "200", "--seed", "23", "--out", bank, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let root = TestSupport.repositoryRoot
        func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        var inputs = [
            Input(kind: .portfolio, name: "bank.csv", bytes: try read(bank)),
            Input(kind: .balanceSheet, name: "bank.balance-sheet.yaml",
                  bytes: try read(work.appendingPathComponent("bank.balance-sheet.yaml").path)),
            Input(kind: .template, name: "audit.yaml", bytes: try read(root.appendingPathComponent("templates/audit.yaml").path)),
        ]
        for scenario in ["Tests/EndToEndTests/Fixtures/e2e-eba-adverse.yaml", "scenarios/boe-2025-bcst.yaml",
                         "scenarios/fed-2026-severely-adverse.yaml", "scenarios/rbi-2025-severe.yaml"] {
            let url = root.appendingPathComponent(scenario)
            inputs.append(Input(kind: .scenario, name: url.lastPathComponent, bytes: try read(url.path)))
        }
        return inputs
    }

    func testMutatedInputsExitZeroOrTwoAndRejectedRunsWriteNothing() throws {
        let base = try baseInputs()
        var mutator = InputMutator(seed: Self.seed)
        let started = Date()
        var outcomes: [Int32: Int] = [:]
        var run = 0
        for k in 0..<Self.cases {
            if !Self.exploring, Date().timeIntervalSince(started) > Self.timeBudget { break }
            // One scenario of the four per case; one or two files mutated.
            let scenarios = base.filter { $0.kind == .scenario }
            var inputs = base.filter { $0.kind != .scenario } + [mutator.random.pick(scenarios)]
            var changes: [String] = []
            for _ in 0..<(1 + mutator.random.below(2)) {
                let i = mutator.random.below(inputs.count)
                let (bytes, what) = mutator.mutate(inputs[i].bytes, format: inputs[i].kind == .portfolio ? .csv : .yaml)
                inputs[i].bytes = bytes
                changes.append("\(inputs[i].name): \(what)")
            }
            let result = try runCase(k, inputs)
            run += 1
            outcomes[result.status, default: 0] += 1
            try check(k, inputs, changes, result)
        }
        let seconds = Int(Date().timeIntervalSince(started))
        print("mutation property (seed \(Self.seed)): \(run) of \(Self.cases) cases in \(seconds) s; exit codes \(outcomes.sorted { $0.key < $1.key })")
        XCTAssertGreaterThan(outcomes[0] ?? 0, 0, "some mutations still run: the property is not vacuous")
        XCTAssertGreaterThan(outcomes[2] ?? 0, 0, "some mutations are rejected")
    }

    // MARK: - One case

    struct Input {
        enum Kind { case portfolio, balanceSheet, scenario, template }
        var kind: Kind
        var name: String
        var bytes: [UInt8]
    }

    private func caseFolder(_ k: Int) -> URL { work.appendingPathComponent("case-\(k)") }

    private func runCase(_ k: Int, _ inputs: [Input]) throws -> CommandResult {
        let folder = caseFolder(k)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for input in inputs where input.kind != .template {
            try Data(input.bytes).write(to: folder.appendingPathComponent(input.name))
        }
        let template = inputs.first { $0.kind == .template }!
        try Data(template.bytes).write(to: home.appendingPathComponent("templates/audit.yaml"))
        let scenario = inputs.first { $0.kind == .scenario }!
        return try CommandRunner.run(
            ["run", "--pack", "audit", "--portfolio", folder.appendingPathComponent("bank.csv").path,
             "--balance-sheet", folder.appendingPathComponent("bank.balance-sheet.yaml").path,
             "--scenario", folder.appendingPathComponent(scenario.name).path, "--paths", "200", "--threads", "1",
             "--out", folder.appendingPathComponent("out").path, "--store", work.appendingPathComponent("store.sqlite").path,
             "--quiet"],
            environment: ["STRESSPACK_HOME": home.path])
    }

    private func check(_ k: Int, _ inputs: [Input], _ changes: [String], _ r: CommandResult) throws {
        let fm = FileManager.default
        let folder = caseFolder(k)
        let out = folder.appendingPathComponent("out").path
        let written = ((try? fm.contentsOfDirectory(atPath: out)) ?? []).sorted()
        let staging = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".stresspack-staging") }
        var problems: [String] = []
        if r.signalled { problems.append("ended by signal \(r.status)") }
        else if r.status != 0 && r.status != 2 { problems.append("exit code \(r.status)") }
        if !r.signalled && r.status == 2 && !r.stderr.hasPrefix("error: ") { problems.append("exit 2 without an error message") }
        if r.status != 0 && !written.isEmpty { problems.append("rejected run left \(written) in its output folder") }
        if !r.signalled && r.status == 0 && !written.contains("results.json") { problems.append("exit 0 without results.json") }
        if !r.signalled && !staging.isEmpty { problems.append("staging folder left: \(staging)") }
        guard !problems.isEmpty else {
            try? fm.removeItem(at: folder)
            return
        }
        // Keep the case for a regression test: its files and what was done to them.
        let keep = fm.temporaryDirectory.appendingPathComponent("stresspack-mutation-failures/case-\(k)")
        try? fm.removeItem(at: keep)
        try fm.createDirectory(at: keep, withIntermediateDirectories: true)
        for input in inputs { try Data(input.bytes).write(to: keep.appendingPathComponent(input.name)) }
        try (changes.joined(separator: "\n") + "\n").write(to: keep.appendingPathComponent("MUTATIONS.txt"),
                                                           atomically: true, encoding: .utf8)
        XCTFail("case \(k) (\(changes.joined(separator: "; "))): \(problems.joined(separator: "; ")); files kept in "
                + "\(keep.path); stderr: \(r.stderr.suffix(1_500))")
    }
}
