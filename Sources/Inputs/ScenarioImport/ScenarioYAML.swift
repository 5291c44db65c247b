import Foundation
import StressCore

/// Writes a scenario as the YAML of INTERFACES.md ("Scenario file"), deterministically:
/// the same scenario always gives the same bytes, so the bundled files can be
/// rebuilt and compared byte for byte (`stresspack scenarios import`).
///
/// Layout: the keys in a fixed order (comment lines, `id`, `framework`, `name`,
/// `severity`, `frequency`, `periods`, `source`, `source_file`, `source_sha256`,
/// `jump_off`, `notes`, `units`, `variables`, `satellite`, `pd_floor`,
/// `balance_sheet`, `ppnr`, `sensitivities`); optional keys only when set, and
/// `balance_sheet` only when it is not the default `runoff`. Variables and units in
/// name order, one flow list per variable; satellite parameters in name order.
///
/// Numbers: rounded to 10 significant digits (`%.9e`, correctly rounded), then
/// written as Swift's shortest round-trip `description` of the rounded value, in
/// plain decimal notation (an exponent form such as `1e-05` is spelt out as
/// `0.00001`); `-0.0` is written `0.0`. Ten digits keep every figure of the
/// publications (which give at most six) and hide the binary noise of a conversion
/// (`4.1 / 100 = 0.040999999999999995` is written `0.041`); reading the text back
/// gives exactly the rounded value.
///
/// Text: identifiers (ids, enumerations, variable names) plain when they cannot be
/// read as anything else; all other text double-quoted with YAML escapes. Notes are
/// a literal block when every line allows it, else a list of quoted lines.
public enum ScenarioYAML {
    /// The YAML text of `document`, ending with a line break.
    public static func render(_ document: ScenarioDocument) -> String {
        let s = document.scenario
        var lines: [String] = document.comment.map { $0.isEmpty ? "#" : "# " + $0 }
        lines.append("id: " + scalar(s.id))
        lines.append("framework: " + s.framework.rawValue)
        lines.append("name: " + quoted(s.name))
        lines.append("severity: " + s.severity.rawValue)
        lines.append("frequency: " + s.frequency.rawValue)
        lines.append("periods: [" + s.periods.map(quoted).joined(separator: ", ") + "]")
        lines.append("source: " + quoted(s.source))
        if let file = s.sourceFile { lines.append("source_file: " + quoted(file)) }
        if let digest = s.sourceSHA256 { lines.append("source_sha256: " + quoted(digest)) }
        if let jumpOff = document.jumpOff { lines.append("jump_off: " + quoted(jumpOff)) }
        if !document.notes.isEmpty { lines += notes(document.notes) }
        if !document.units.isEmpty {
            lines.append("units:")
            let names = s.variables.map(\.name).filter { document.units[$0] != nil }
                + document.units.keys.filter { name in !s.variables.contains { $0.name == name } }.sorted()
            for name in names { lines.append("  " + key(name) + ": " + quoted(document.units[name]!)) }
        }
        if s.variables.isEmpty {
            lines.append("variables: {}")
        } else {
            lines.append("variables:")
            for variable in s.variables { lines.append("  " + key(variable.name) + ": " + list(variable.values)) }
        }
        if let satellite = s.satellite { lines += self.satellite(satellite) }
        if let floor = s.pdFloor { lines.append("pd_floor: " + number(floor)) }
        if s.balanceSheetMode != .runoff { lines.append("balance_sheet: " + s.balanceSheetMode.rawValue) }
        if let ppnr = s.ppnr { lines.append("ppnr: " + list(ppnr)) }
        if let sensitivities = s.sensitivities {
            lines.append("sensitivities:")
            lines.append("  interest_rate: " + list(sensitivities.interestRateShocks))
            lines.append("  npa_increase_pp: " + list(sensitivities.npaIncreases))
            lines.append("  deposit_runoff_pct: " + list(sensitivities.depositRunoffs))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The YAML of a scenario without documentation keys.
    public static func render(_ scenario: Scenario) -> String {
        render(ScenarioDocument(scenario: scenario))
    }

    // MARK: - Numbers

    /// `value` rounded to 10 significant digits, in plain decimal notation.
    public static func number(_ value: Double) -> String {
        precondition(value.isFinite, "scenario values are finite")
        let rounded = rounded(value)
        if rounded == 0 { return "0.0" }
        let text = rounded.description
        return text.contains("e") ? expandExponent(text) : text
    }

    /// `value` rounded to 10 significant digits: the value written.
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value == 0 ? 0 : value }
        return Double(String(format: "%.9e", value)) ?? value
    }

    /// "1.25e-05" → "0.0000125", "1e+16" → "10000000000000000.0".
    static func expandExponent(_ text: String) -> String {
        let parts = text.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
        var mantissa = Substring(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(pieces[0])
        var digits = integerDigits + (pieces.count > 1 ? String(pieces[1]) : "")
        var point = integerDigits.count + exponent
        // Leading zeros of the mantissa (none in Swift's output, but harmless).
        while digits.count > 1, digits.hasPrefix("0") { digits.removeFirst(); point -= 1 }
        var body: String
        if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            body = digits + String(repeating: "0", count: point - digits.count) + ".0"
        } else {
            body = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if body.contains("."), !body.hasSuffix(".0") {
            while body.hasSuffix("0") { body.removeLast() }
        }
        return (negative ? "-" : "") + body
    }

    static func list(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ", ") + "]"
    }

    // MARK: - Text

    /// Words YAML 1.1 reads as null, booleans or numbers' special values when plain.
    private static let reservedWords: Set<String> = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
    ]

    /// `text` plain when it is an identifier that YAML reads back as the same text
    /// (letters first, then letters, digits, '.', '_', '-'), else double-quoted.
    static func scalar(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                                                               || $0 == "." || $0 == "_" || $0 == "-") }),
              !reservedWords.contains(text.lowercased())
        else { return quoted(text) }
        return text
    }

    static func key(_ text: String) -> String { scalar(text) }

    /// A double-quoted YAML scalar: `"` and `\` escaped, control and line-separator
    /// characters written as escapes.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = character.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    || value == 0xFEFF {
                    out += "\\u" + String(format: "%04X", value)
                } else {
                    out.unicodeScalars.append(character)
                }
            }
        }
        return out + "\""
    }

    /// `notes: |` with one line each, or a list of quoted lines when a line would
    /// not survive a literal block (leading or trailing spaces, control characters,
    /// a blank last line).
    private static func notes(_ notes: [String]) -> [String] {
        let lineSafe = notes.allSatisfy { line in
            line == line.trimmingCharacters(in: .whitespaces) && line.unicodeScalars.allSatisfy { scalar in
                scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                    && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
            }
        }
        let blockSafe = lineSafe && !(notes.first ?? "").isEmpty && !(notes.last ?? "").isEmpty
        guard blockSafe else {
            return ["notes:"] + notes.map { "  - " + quoted($0) }
        }
        return ["notes: |"] + notes.map { $0.isEmpty ? "" : "  " + $0 }
    }

    // MARK: - Satellite

    private static func satellite(_ spec: SatelliteSpec) -> [String] {
        var lines = ["satellite:"]
        if let pd = spec.pd { lines.append("  pd: " + model(pd)) }
        if let lgd = spec.lgd { lines.append("  lgd: " + model(lgd)) }
        if !spec.overrides.isEmpty {
            lines.append("  overrides:")
            for name in spec.overrides.keys.sorted() {
                let override = spec.overrides[name]!
                var parts: [String] = []
                if let pd = override.pd { parts.append("pd: " + model(pd)) }
                if let lgd = override.lgd { parts.append("lgd: " + model(lgd)) }
                lines.append("    " + key(name) + ": {" + parts.joined(separator: ", ") + "}")
            }
        }
        return lines
    }

    private static func model(_ spec: SatelliteModelSpec) -> String {
        let parameters = spec.parameters.keys.sorted().map { key($0) + ": " + number(spec.parameters[$0]!) }
        return "{" + (["model: " + scalar(spec.model)] + parameters).joined(separator: ", ") + "}"
    }
}
