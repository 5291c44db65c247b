/// The engine version recorded in every results.json and manifest. A change to
/// any figure an engine produces must bump it, so `runs verify` can tell an
/// engine change from a tampered output.
public enum EngineVersion {
    public static let current = "0.3.0"
}
