import ArgumentParser
import Foundation
import RiskMath
import StressCore
import StressPipeline

let engineVersion = EngineVersion.current

/// Maps every failure to the exit codes of INTERFACES.md: bad usage and bad
/// input data exit 2 with a message naming the file, line or key.
@main
enum Main {
    static func main() {
        // OpenBLAS's own threads change the last bits of its results with the
        // thread count; parallelism comes from parallelMap's fixed blocks instead
        // (METHODOLOGY §7).
        BLASEnvironment.threadCount = 1
        MemoryTuning.apply()
        CrashNotice.install()
        do {
            var command = try StressPackCommand.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail("error: \(error)", code: 2)
        } catch let error as UsageError {
            fail("error: \(error.message)", code: 2)
        } catch let error as VerifyMismatch {
            fail("error: \(error.message)", code: 3)
        } catch {
            let code = StressPackCommand.exitCode(for: error)
            let message = StressPackCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if code == .validationFailure {
                // Argument errors: usage problems, exit 2 as INTERFACES.md says.
                fail(message, code: 2)
            }
            if error is ExitCode { exit(code.rawValue) }
            fail("error: \(message)", code: 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code)
    }
}


/// A `runs verify` mismatch: exit code 3.
struct VerifyMismatch: Error {
    var message: String
}
