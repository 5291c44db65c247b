/// Which exposures of a book a PD model rates: those of its segments (every exposure when
/// it has no scope), and none in default at jump-off, whose PD stays 100% whatever its score
/// (CRE31.5; CRR Art. 160(6)). `pd apply` and `run --pd-model` both select rows this way.
public enum ModelScope {
    /// Row indices, ascending.
    public static func rows(count: Int, segments: [String]?, segment: (Int) -> String?,
                            defaulted: (Int) -> Bool) -> [Int] {
        let scope = segments.map(Set.init)
        return (0..<count).filter { i in
            guard !defaulted(i) else { return false }
            guard let scope else { return true }
            return segment(i).map(scope.contains) ?? false
        }
    }
}
