import Foundation

/// Which build of stresspack is running: the SHA-256 of its own executable. A plan records
/// it and every shard and the merge check it, since two builds (another compiler, another
/// optimisation) may round a figure differently and the merged bytes would no longer be a
/// single run's.
enum ShardBuild {
    static let current: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return (try? FileDigest.sha256(path: executable).hex) ?? "unknown"
    }()
}
