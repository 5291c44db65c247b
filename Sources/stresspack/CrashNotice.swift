import Foundation

/// One line on stderr when the process dies on a trap or a memory fault, so a
/// backtrace is never the user's only message (issue #23; README "If a run dies").
/// The handler only writes a constant string and hands the signal back to the
/// previous handler (the Swift runtime's backtracer, or the default action), so
/// the backtrace and the exit by signal stay as they were.
enum CrashNotice {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE]

    /// The previous action of each signal, by signal number; set once before any
    /// signal can arrive and only read by the handler.
    nonisolated(unsafe) private static var previous: [sigaction] = Array(repeating: .init(), count: 32)

    static func install() {
        for signal in signals {
            var action: sigaction = .init()
            action.__sigaction_handler.sa_handler = { signal in
                // Async-signal-safe: write(2) of constant text, sigaction, raise.
                let text: StaticString = """

                    stresspack: stopped on an internal error (a bug, not your input). A run in progress \
                    has written nothing to its output folder and left any earlier files there as they \
                    were; the run store marks it incomplete when next opened (stresspack runs list). \
                    Please report it with the backtrace below, if any.

                    """
                _ = write(STDERR_FILENO, text.utf8Start, text.utf8CodeUnitCount)
                var old = CrashNotice.previous[Int(signal)]
                sigaction(signal, &old, nil)
                // Pending until this handler returns, then delivered to the previous handler;
                // a trap's instruction would raise it again anyway.
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            // On the backtracer's alternate stack when it has one (a stack overflow is a SIGSEGV).
            action.sa_flags = SA_ONSTACK
            sigaction(signal, &action, &previous[Int(signal)])
        }
    }
}
