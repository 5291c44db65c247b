import ArgumentParser
import Foundation

/// Options every computing command shares.
struct ComputeOptions: ParsableArguments {
    @Option(help: "Worker threads (results do not depend on it). Default: all cores.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress output on stderr.")
    var quiet = false

    func validate() throws {
        guard threads >= 1 && threads <= 1024 else {
            throw ValidationError("--threads must be between 1 and 1024, got \(threads)")
        }
    }
}

/// Checks an as-of date is a real YYYY-MM-DD calendar date.
func validateDate(_ text: String, option: String) throws {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    guard text.count == 10, let date = formatter.date(from: text), formatter.string(from: date) == text else {
        throw ValidationError("\(option) must be a date YYYY-MM-DD, got '\(text)'")
    }
}
