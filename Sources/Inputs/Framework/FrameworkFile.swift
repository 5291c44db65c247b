import StressCore

/// Loads a framework file (`frameworks/<framework>.yaml`). The `fit:` block is
/// the satellite estimation's report: checked to be YAML, kept as text.
public enum FrameworkFile {
    static let acceptedKeys = ["framework", "name", "pd_floor", "satellite", "capital", "provisions", "fit", "notes", "description"]

    public static func load(path: String) throws(InputError) -> FrameworkSettings {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> FrameworkSettings {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a framework file with keys framework, name")
        }
        let top = try root.mapping(accepting: acceptedKeys)
        let framework = try top.required("framework").choice(Framework.self, "framework")
        let name = try top.required("name").text()
        let floor = try top.optional("pd_floor").map { v throws(InputError) -> Double in
            let x = try v.number("PD floor as a fraction, e.g. 0.0003")
            guard x >= 0 && x < 1 else { throw v.error("expected a PD floor in [0, 1), found \(x)") }
            return x
        }
        let satellite = try top.optional("satellite").map { v throws(InputError) in try SatelliteSection.parse(v) }
        let capital = try top.optional("capital").map { v throws(InputError) in try CapitalSection.parse(v) }
        let provisions = try top.optional("provisions").map { v throws(InputError) in
            try ProvisionsSection.parse(v, framework: framework)
        }
        // Keep the fit report exactly as written in the file, for the reader.
        var fitReport: String?
        if top.optional("fit") != nil, let start = text.range(of: "\nfit:") {
            fitReport = String(text[start.upperBound...])
        }
        var settings = FrameworkSettings(framework: framework, name: name, pdFloor: floor, satellite: satellite,
                                         capital: capital, fitReport: fitReport)
        settings.provisions = provisions
        settings.capitalBlock = (capital == nil ? "" : CapitalSection.rawBlock(in: text, named: "capital") ?? "")
            + (provisions == nil ? "" : CapitalSection.rawBlock(in: text, named: "provisions") ?? "")
        if settings.capitalBlock?.isEmpty == true { settings.capitalBlock = nil }
        return settings
    }
}
