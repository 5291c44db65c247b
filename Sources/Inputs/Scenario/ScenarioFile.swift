import StressCore

/// Loads a scenario file (INTERFACES.md, "Scenario file") into a validated `Scenario`.
///
/// Every error carries the line and column of the offending node and its key path
/// (`variables.gdp_growth[2]`). The checks follow the file's keys in a fixed order:
/// unknown keys, missing required keys, then each value, so a file with several
/// problems always reports the same one first.
public enum ScenarioFile {
    static let requiredKeys = ["id", "framework", "name", "severity", "frequency", "periods", "source", "variables"]
    /// Accepted and ignored: free-text documentation of the file.
    static let commentKeys = ["description", "notes", "jump_off", "units"]
    static let acceptedKeys = requiredKeys
        + ["satellite", "pd_floor", "balance_sheet", "ppnr", "sensitivities", "source_file", "source_sha256"]
        + commentKeys

    /// Loads the file at `path`, which must be named `<id>.yaml`.
    public static func load(path: String) throws(InputError) -> LoadedScenario {
        let text = try YAMLDocument.read(path: path)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        return try parse(text: text, file: path, fileName: fileName)
    }

    /// Parses scenario text; `file` names it in errors. The file-name rule is not
    /// checked, as there is no file.
    public static func parse(text: String, file: String) throws(InputError) -> LoadedScenario {
        try parse(text: text, file: file, fileName: nil)
    }

    static func parse(text: String, file: String, fileName: String?) throws(InputError) -> LoadedScenario {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a scenario with keys "
                             + requiredKeys.joined(separator: ", "))
        }
        let top = try root.mapping(accepting: acceptedKeys)
        for key in requiredKeys { _ = try top.required(key) }

        let idValue = try top.required("id")
        let id = try identifier(idValue)
        if let fileName, fileName != id + ".yaml" {
            throw idValue.error("the scenario id '\(id)' does not match the file name '\(fileName)'; name the file '\(id).yaml'")
        }
        let frameworkValue = try top.required("framework")
        let framework = try frameworkValue.choice(Framework.self, "framework")
        let name = try top.required("name").text()
        let severity = try top.required("severity").choice(Severity.self, "severity")
        let frequencyValue = try top.required("frequency")
        let frequency = try frequencyValue.choice(Frequency.self, "frequency")
        guard frequency == framework.frequency else {
            throw frequencyValue.error("\(framework.rawValue) scenarios are \(framework.frequency.rawValue), found '\(frequency.rawValue)'")
        }
        let periods = try Self.periods(try top.required("periods"), framework: framework)
        let source = try top.required("source").text()
        let (sourceFile, sourceSHA256) = try Self.lineage(top)

        var findings: [DataQualityFinding] = []
        let variables = try Self.variables(try top.required("variables"), periodCount: periods.count, findings: &findings)

        let satellite = try top.optional("satellite").map { value throws(InputError) in try SatelliteSection.parse(value) }
        let pdFloor = try top.optional("pd_floor")?.number("fraction, e.g. 0.0003", rule: .floor)
        let balanceSheetMode = try top.optional("balance_sheet")?.choice(BalanceSheetMode.self, "balance sheet mode") ?? .runoff
        var ppnr: [Double]?
        if let value = top.optional("ppnr") {
            let values = try value.numbers("amount per period, e.g. 1_200_000_000", rule: .signedAmount)
            guard values.count == periods.count else {
                throw value.error("has \(values.count) values but periods has \(periods.count)")
            }
            ppnr = values
        }
        var sensitivities: RBISensitivities?
        if let value = top.optional("sensitivities") {
            guard framework == .rbi else {
                throw value.error("sensitivities are RBI single-factor shocks and apply to rbi scenarios only; this scenario's framework is \(framework.rawValue)")
            }
            sensitivities = try SensitivitiesSection.parse(value)
        }

        let scenario = Scenario(
            id: id, framework: framework, name: name, severity: severity, frequency: frequency,
            periods: periods, source: source, variables: variables, satellite: satellite,
            pdFloor: pdFloor, balanceSheetMode: balanceSheetMode, ppnr: ppnr, sensitivities: sensitivities,
            sourceFile: sourceFile, sourceSHA256: sourceSHA256)
        return LoadedScenario(scenario: scenario, findings: findings)
    }

    /// `source_file:` (the file the figures were converted from, a path relative to
    /// the repository) and `source_sha256:` (its SHA-256 in hexadecimal, kept in
    /// lowercase), so a run's manifest can show the lineage. A digest needs a file.
    private static func lineage(_ top: YAMLMapping) throws(InputError) -> (file: String?, sha256: String?) {
        let file = try top.optional("source_file")?.text()
        guard let value = top.optional("source_sha256") else { return (file, nil) }
        let digest = try value.text()
        let isHex = digest.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
        guard digest.utf8.count == 64, isHex else {
            throw value.error("expected a SHA-256 digest of 64 hexadecimal digits, found '\(digest)'")
        }
        guard file != nil else {
            throw value.error("source_sha256 needs source_file: name the file the digest is of")
        }
        return (file, digest.lowercased())
    }

    /// Ids are file names, so they are kept to letters, digits, '.', '_' and '-'.
    private static func identifier(_ value: YAMLValue) throws(InputError) -> String {
        let id = try value.text()
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                               || scalar == "." || scalar == "_" || scalar == "-")
        }
        guard allowed, id.first != "." else {
            throw value.error("expected an id of letters, digits, '.', '_' and '-' (it is also the file name), found '\(id)'")
        }
        return id
    }
}
