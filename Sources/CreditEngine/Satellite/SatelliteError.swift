/// A satellite specification the engine cannot use; `key` is the path inside
/// the `satellite:` block (`pd.gdp_sensitivity`), so the caller can point at
/// the scenario or framework file.
public struct SatelliteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var message: String
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
    public var description: String { "\(key): \(message)" }
}
