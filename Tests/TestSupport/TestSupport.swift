import Foundation

/// Helpers shared by the test targets.
public enum TestSupport {
    /// The repository root, found from this source file's location.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Relative difference |a − b| / max(|b|, tiny).
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        return abs(a - b) / max(abs(b), Double.leastNormalMagnitude)
    }
}
