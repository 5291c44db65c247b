import StressCore
import Yams

/// The blocks of a liquidity rate table, each parsed either as part of a base table
/// (`base: nil`: every key required) or of an override (`base:` the values it
/// changes: every key optional, unknown categories rejected).
enum LiquidityTableSections {
    typealias Rate = LiquidityTable.Rate

    /// What an override's errors name: the base table.
    struct OverrideContext {
        var baseName: String
    }

    /// The rate sections and the shape of their entries.
    enum Section {
        case hqla, outflows, inflows, availableStableFunding, requiredStableFunding

        var noun: String {
            switch self {
            case .hqla: return "HQLA"
            case .outflows: return "outflow"
            case .inflows: return "inflow"
            case .availableStableFunding: return "available stable funding"
            case .requiredStableFunding: return "required stable funding"
            }
        }

        /// The key of the entry's number.
        var valueKey: String {
            switch self {
            case .hqla: return "haircut"
            case .outflows, .inflows: return "rate"
            case .availableStableFunding, .requiredStableFunding: return "factor"
            }
        }

        var hint: String {
            switch self {
            case .hqla: return "haircut as a fraction, e.g. 0.15"
            case .outflows: return "run-off rate as a fraction, e.g. 0.05"
            case .inflows: return "inflow rate as a fraction, e.g. 0.50"
            case .availableStableFunding: return "ASF factor as a fraction, e.g. 0.95"
            case .requiredStableFunding: return "RSF factor as a fraction, e.g. 0.65"
            }
        }

        var keys: [String] {
            switch self {
            case .hqla: return ["level", valueKey, "source"]
            case .outflows: return [valueKey, "deposit", "source"]
            default: return [valueKey, "source"]
            }
        }

        var requiredKeys: [String] { keys.filter { $0 != "deposit" } }
    }

    static let levels = ["level1", "level2a", "level2b"]

    // MARK: - Rate sections

    static func rates(_ value: YAMLValue, _ section: Section,
                      base: ([String: Rate], OverrideContext)?) throws(InputError) -> [String: Rate] {
        if value.isNull, base != nil { return base?.0 ?? [:] }
        let entries = try value.namedEntries()
        var result = base?.0 ?? [:]
        if base == nil, entries.isEmpty {
            throw value.error("expected at least one \(section.noun) category")
        }
        for entry in entries {
            let keyValue = YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
            let existing: Rate?
            if let (defined, context) = base {
                guard let found = defined[entry.key] else {
                    throw keyValue.error("unknown \(section.noun) category '\(entry.key)'; the base table '\(context.baseName)' defines "
                                         + defined.keys.sorted().joined(separator: ", ")
                                         + " (an override changes rates, it does not add categories)")
                }
                existing = found
            } else {
                try categoryName(entry.key, at: keyValue)
                existing = nil
            }
            result[entry.key] = try rate(entry.value, section, existing: existing)
        }
        return result
    }

    /// One entry: `{rate: 0.05, deposit: true, source: "..."}` and the like.
    private static func rate(_ value: YAMLValue, _ section: Section, existing: Rate?) throws(InputError) -> Rate {
        let fields = try value.mapping(accepting: section.keys)
        if existing == nil {
            for key in section.requiredKeys { _ = try fields.required(key) }
        } else if fields.entries.isEmpty {
            throw value.error("expected at least one of " + section.keys.joined(separator: ", "))
        }
        var rate = existing ?? Rate(value: 0, source: "")
        if let number = fields.optional(section.valueKey) {
            rate.value = try number.number(section.hint, rule: .fraction)
        }
        if let source = fields.optional("source") { rate.source = try source.text() }
        if let level = fields.optional("level") {
            let text = try level.text()
            guard levels.contains(text) else {
                throw level.error("unknown HQLA level '\(text)'; expected one of " + levels.joined(separator: ", "))
            }
            rate.level = text
        }
        if let deposit = fields.optional("deposit") { rate.isDeposit = try flag(deposit) }
        return rate
    }

    // MARK: - Caps

    static let capKeys = ["level2", "level2b", "inflows"]

    static func caps(_ value: YAMLValue, base: (Rate, Rate, Rate)?) throws(InputError)
        -> (level2: Rate, level2B: Rate, inflows: Rate) {
        let caps = try value.mapping(accepting: capKeys)
        if base == nil { for key in capKeys { _ = try caps.required(key) } }
        func cap(_ key: String, _ existing: Rate?) throws(InputError) -> (Rate, YAMLValue?) {
            guard let entry = caps.optional(key) else { return (existing ?? Rate(value: 0, source: ""), nil) }
            let fields = try entry.mapping(accepting: ["rate", "source"])
            if existing == nil {
                for field in ["rate", "source"] { _ = try fields.required(field) }
            } else if fields.entries.isEmpty {
                throw entry.error("expected at least one of rate, source")
            }
            var rate = existing ?? Rate(value: 0, source: "")
            if let number = fields.optional("rate") { rate.value = try number.number("cap as a fraction, e.g. 0.40", rule: .fraction) }
            if let source = fields.optional("source") { rate.source = try source.text() }
            return (rate, fields.optional("rate") ?? entry)
        }
        let (level2, level2Node) = try cap("level2", base?.0)
        let (level2B, level2BNode) = try cap("level2b", base?.1)
        let (inflows, _) = try cap("inflows", base?.2)
        guard level2.value > 0, level2.value < 1 else {
            throw (level2Node ?? value).error("expected a Level 2 cap in (0, 1), found \(level2.value)")
        }
        guard level2B.value > 0, level2B.value <= level2.value else {
            throw (level2BNode ?? level2Node ?? value).error(
                "expected a Level 2B cap in (0, \(level2.value)], at most the Level 2 cap; found \(level2B.value)")
        }
        return (level2, level2B, inflows)
    }

    // MARK: - Stress parameters

    static let stressKeys = ["source", "daily_outflow_decay", "survival_cap_days", "severity_defaults"]

    static func stress(_ value: YAMLValue, base: LiquidityTable.Stress?) throws(InputError) -> LiquidityTable.Stress {
        let fields = try value.mapping(accepting: stressKeys)
        if base == nil { for key in stressKeys { _ = try fields.required(key) } }
        var stress = base ?? LiquidityTable.Stress(severityDefaults: [:], dailyOutflowDecay: 0, survivalCapDays: 0, source: "")
        if let source = fields.optional("source") { stress.source = try source.text() }
        if let decay = fields.optional("daily_outflow_decay") {
            let x = try decay.number("decay per day, e.g. 0.05")
            guard x >= 0 else { throw decay.error("expected a decay per day ≥ 0 (0 = even daily outflows), found \(decay.sourceText)") }
            stress.dailyOutflowDecay = x
        }
        if let cap = fields.optional("survival_cap_days") {
            let x = try cap.number("whole number of days, e.g. 365")
            guard x == x.rounded(), x >= 30, x <= 36_500 else {
                throw cap.error("expected a whole number of days from 30 to 36500, found \(cap.sourceText)")
            }
            stress.survivalCapDays = Int(x)
        }
        if let defaults = fields.optional("severity_defaults") {
            stress.severityDefaults = try severityDefaults(defaults, base: base?.severityDefaults)
        }
        return stress
    }

    private static func severityDefaults(_ value: YAMLValue, base: [Severity: LiquidityTable.Shock]?)
        throws(InputError) -> [Severity: LiquidityTable.Shock] {
        var result = base ?? [:]
        for entry in try value.namedEntries() {
            let keyValue = YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
            guard let severity = Severity(rawValue: entry.key) else {
                throw keyValue.error("unknown severity '\(entry.key)'; expected one of \(Severity.allNames)")
            }
            let fields = try entry.value.mapping(accepting: ["deposit_runoff", "hqla_haircut"])
            let existing = base?[severity]
            if existing == nil { for key in ["deposit_runoff", "hqla_haircut"] { _ = try fields.required(key) } }
            var shock = existing ?? LiquidityTable.Shock(depositRunoff: 0, hqlaHaircut: 0)
            if let runoff = fields.optional("deposit_runoff") {
                let x = try runoff.number("additional run-off as a fraction, e.g. 0.03")
                guard x >= -1, x <= 1 else {
                    throw runoff.error("expected an additional deposit run-off as a fraction in [-1, 1], found \(runoff.sourceText)")
                }
                shock.depositRunoff = x
            }
            if let haircut = fields.optional("hqla_haircut") {
                shock.hqlaHaircut = try haircut.number("HQLA haircut as a fraction, e.g. 0.02", rule: .fraction)
            }
            result[severity] = shock
        }
        if base == nil {
            for severity in Severity.allCases where result[severity] == nil {
                throw value.error("missing severity '\(severity.rawValue)'; expected default shocks for every severity (\(Severity.allNames))")
            }
        }
        return result
    }

    // MARK: - Scalars

    /// A table name: lower-case letters, digits, `-` and `_`.
    static func tableName(_ value: YAMLValue) throws(InputError) -> String {
        let name = try value.text()
        let valid = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard valid else {
            throw value.error("expected a name of lower-case letters, digits, '-' and '_', e.g. basel, found '\(name)'")
        }
        return name
    }

    /// A category name: a lower-case letter, then lower-case letters, digits and `_`,
    /// as the balance sheet's liquidity keys are written.
    private static func categoryName(_ name: String, at value: YAMLValue) throws(InputError) {
        let bytes = Array(name.utf8)
        let valid = !bytes.isEmpty && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0])
            && bytes.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_")
            }
        guard valid else {
            throw value.error("expected a category name of lower-case letters, digits and '_', starting with a letter, found '\(name)'")
        }
    }

    /// `true` or `false`, unquoted.
    private static func flag(_ value: YAMLValue) throws(InputError) -> Bool {
        if case .scalar(let scalar) = value.node, scalar.style == .plain || scalar.style == .any {
            if scalar.string == "true" { return true }
            if scalar.string == "false" { return false }
        }
        throw value.error("expected true or false, found \(value.kind)")
    }
}
