import Foundation
import TestSupport
import XCTest

/// A sharded run on a real Slurm cluster (issue #20): scripts/slurm-cluster starts a
/// one-node cluster here (munged, slurmctld, slurmd from Debian's packages, which
/// scripts/bootstrap installs), deploy/slurm/submit sends a 4-shard array and its merge,
/// and the merged outputs must be the single-machine run's bytes. Then one shard task is
/// requeued mid-run, as Slurm does on a node failure, and the array still merges to the
/// same bytes. The test stops the daemons it started, by their pid files.
final class SlurmShardedRunTests: XCTestCase {
    private var work: URL!
    private var cluster: URL!
    private var slurmConf: String { cluster.appendingPathComponent("slurm.conf").path }
    private let root = TestSupport.repositoryRoot

    override func setUpWithError() throws {
        // slurmd starts jobs as their users, so it runs as root, as `make test` does in CI;
        // without root scripts/slurm-cluster refuses to start and the test fails saying why.
        work = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(UUID().uuidString)")
        cluster = work.appendingPathComponent("cluster")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let started = try shell(root.appendingPathComponent("scripts/slurm-cluster").path, ["start", cluster.path])
        guard started.status == 0 else {
            XCTFail("the test cluster must start: \(started.stderr)")
            throw CocoaError(.executableLoad)
        }
    }

    override func tearDownWithError() throws {
        if let cluster {
            let stopped = try shell(root.appendingPathComponent("scripts/slurm-cluster").path, ["stop", cluster.path])
            XCTAssertEqual(stopped.status, 0, stopped.stderr)
            for daemon in ["munged", "slurmctld", "slurmd"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: cluster.appendingPathComponent("\(daemon).pid").path),
                               "\(daemon) stopped")
            }
        }
        try? FileManager.default.removeItem(at: work)
    }

    private func path(_ name: String) -> String { work.appendingPathComponent(name).path }

    /// A program with the cluster's configuration and the stresspack under test.
    private func shell(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_CONF"] = slurmConf
        environment["STRESSPACK"] = CommandRunner.executable().path
        environment["STRESSPACK_HOME"] = root.path
        process.environment = environment
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
                try String(contentsOf: err, encoding: .utf8))
    }

    private func slurm(_ command: String, _ arguments: [String]) throws -> String {
        let r = try shell("/usr/bin/\(command)", arguments)
        XCTAssertEqual(r.status, 0, "\(command) \(arguments): \(r.stderr)")
        return r.stdout
    }

    /// A job's state and restart count, from `scontrol show job` (finished jobs stay listed
    /// for MinJobAge, an hour).
    private func job(_ id: String) throws -> (state: String, restarts: Int) {
        let text = try slurm("scontrol", ["show", "job", id])
        func field(_ name: String) -> String {
            guard let range = text.range(of: "\(name)=") else { return "" }
            return String(text[range.upperBound...].prefix { !$0.isWhitespace })
        }
        return (field("JobState"), Int(field("Restarts")) ?? 0)
    }

    private func waitUntilDone(_ merge: String, timeout: TimeInterval = 1_200) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let state = try job(merge).state
            if ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"].contains(state) { return }
            Thread.sleep(forTimeInterval: 2)
        }
        XCTFail("merge job \(merge) did not finish in \(Int(timeout)) s: \(try slurm("squeue", []))")
    }

    private func submit(plan: String, out: String) throws -> (array: String, merge: String) {
        // 1 GB a task: a small test machine must still be able to schedule them.
        let r = try shell(root.appendingPathComponent("deploy/slurm/submit").path,
                          [plan, "--store", path("cluster.sqlite"), "--out", out, "--sbatch", "--mem=1G"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let ids = r.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertEqual(ids.count, 2, r.stdout)
        return (ids[0], ids[1])
    }

    private func assertSameBytes(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = ["results.json", "quarterly-submission.xlsx", "quarterly-submission.pdf",
                     "quarterly-submission-templates.xlsx", "manifest.json"]
        for name in names {
            let left = try Data(contentsOf: URL(fileURLWithPath: a + "/" + name))
            let right = try Data(contentsOf: URL(fileURLWithPath: b + "/" + name))
            XCTAssertTrue(left == right, "\(name) differs between \(a) and \(b)", file: file, line: line)
        }
        // And every other output (the templates' CSVs), listed in the manifest.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: a + "/manifest.json")))
        let outputs = ((manifest as! [String: Any])["outputs"] as! [[String: Any]]).compactMap { $0["path"] as? String }
        XCTAssertGreaterThan(outputs.count, names.count - 1)
        for name in outputs {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)),
                           try Data(contentsOf: URL(fileURLWithPath: b + "/" + name)), name, file: file, line: line)
        }
    }

    func testShardedArrayOnSlurmMergesToTheSingleRunsBytesEvenAfterARequeue() throws {
        let bank = path("bank.csv")
        XCTAssertEqual(try CommandRunner.run(["portfolio", "sample", "--exposures", "20000", "--seed", "42", "--out", bank,
                                              "--quiet"]).status, 0)
        // Every bundled scenario (no --scenario), the quarterly submission pack.
        let run = ["run", "--portfolio", bank, "--balance-sheet", path("bank.balance-sheet.yaml"), "--paths", "2000",
                   "--quiet"]
        let single = try CommandRunner.run(run + ["--out", path("single"), "--store", path("single.sqlite")])
        XCTAssertEqual(single.status, 0, single.stderr)

        // The whole array and its merge, as a bank would submit them.
        let plan = path("plan")
        XCTAssertEqual(try CommandRunner.run(run + ["--shards", "4", "--plan", plan]).status, 0)
        let first = try submit(plan: plan, out: path("merged"))
        try waitUntilDone(first.merge)
        XCTAssertEqual(try job(first.merge).state, "COMPLETED",
                       (try? String(contentsOfFile: plan + "/stresspack-merge-\(first.merge).out", encoding: .utf8)) ?? "")
        for i in 0..<4 { XCTAssertEqual(try job("\(first.array)_\(i)").state, "COMPLETED") }
        try assertSameBytes(path("single"), path("merged"))

        // A node failure: one shard task is requeued while it runs (Slurm kills it and puts it
        // back in the queue); the array is rerun from a fresh plan folder.
        let replan = path("replan")
        XCTAssertEqual(try CommandRunner.run(run + ["--shards", "4", "--plan", replan]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: replan + "/plan.json")),
                       try Data(contentsOf: URL(fileURLWithPath: plan + "/plan.json")), "planning is deterministic")
        let second = try submit(plan: replan, out: path("requeued"))
        let victim = "\(second.array)_1"
        let deadline = Date().addingTimeInterval(300)
        while try job(victim).state != "RUNNING" && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        // A debug-build shard of this bank runs for tens of seconds: one second in, it is mid-run.
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try job(victim).state, "RUNNING", "the shard was mid-run when it was requeued")
        _ = try slurm("scontrol", ["requeue", victim])
        // A requeued job waits two minutes before it is eligible again; a test need not, once
        // the killed task is back in the queue.
        let queued = Date().addingTimeInterval(60)
        while try job(victim).state != "PENDING" && Date() < queued { Thread.sleep(forTimeInterval: 0.2) }
        _ = try slurm("scontrol", ["update", "JobId=\(victim)", "StartTime=now"])
        try waitUntilDone(second.merge)
        XCTAssertEqual(try job(second.merge).state, "COMPLETED")
        XCTAssertEqual(try job(victim).restarts, 1, "the task ran twice")
        try assertSameBytes(path("single"), path("requeued"))

        let runs = try CommandRunner.run(["runs", "list", "--store", path("cluster.sqlite")])
        XCTAssertEqual(runs.status, 0, runs.stderr)
        XCTAssertTrue(runs.stdout.contains("succeeded"), runs.stdout)
    }
}
