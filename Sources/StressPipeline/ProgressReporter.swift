import Foundation

/// Progress on long work, on stderr: a bar when stderr is a terminal, plain
/// lines otherwise, nothing with --quiet (INTERFACES.md).
public final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastLinePercent = -1

    /// Told every note and update, quiet or not (a server's job status).
    private let observer: (@Sendable (Event) -> Void)?

    public enum Event: Sendable {
        case note(String)
        case update(task: String, done: Int, total: Int)
    }

    public init(quiet: Bool, observer: (@Sendable (Event) -> Void)? = nil) {
        self.quiet = quiet
        self.observer = observer
    }

    public func note(_ message: String) {
        observer?(.note(message))
        guard !quiet else { return }
        emit(message + "\n")
    }

    /// Reports `done` of `total` for a named task.
    public func update(_ task: String, done: Int, total: Int) {
        observer?(.update(task: task, done: done, total: total))
        guard !quiet, total > 0 else { return }
        let percent = Int(Double(done) / Double(total) * 100)
        lock.lock(); defer { lock.unlock() }
        if isTerminal {
            let width = 30
            let filled = width * percent / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            emit("\r\(task) [\(bar)] \(percent)%" + (done >= total ? "\n" : ""))
        } else if percent / 25 != lastLinePercent / 25 || done >= total {
            // Plain lines at 0, 25, 50, 75 and 100%, so logs stay short.
            lastLinePercent = percent
            emit("\(task): \(done)/\(total) (\(percent)%)\n")
        }
    }

    private func emit(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
