import StressCore

/// The `capital:` block of a framework file (INTERFACES.md): how the framework projects
/// credit RWA. Keys not given take `CapitalRules.pointInTime`'s values; `sources` maps a
/// rule's key to the paragraph it comes from.
///
/// ```yaml
/// capital:
///   approach: irb                      # irb | standardised
///   rating_philosophy: 0.3             # [0, 1], IRB only
///   floor_at_start: true
///   output_floor: {2025: 0.50, 2026: 0.55}
///   standardised_table: standardised-risk-weights   # tables/<name>.yaml
///   rating_philosophy_by_asset_class: {residential_mortgage: 0.1}
///   defaulted_exposures: charged_off   # charged_off | retained
///   sources: {approach: "CRR Art. 143", rating_philosophy: "..."}
/// ```
enum CapitalSection {
    static let keys = ["approach", "rating_philosophy", "rating_philosophy_by_asset_class", "floor_at_start", "output_floor", "standardised_table",
                       "defaulted_exposures", "sources", "notes"]
    static let ruleKeys = Set(keys).subtracting(["sources", "notes"])

    static func parse(_ value: YAMLValue) throws(InputError) -> CapitalRules {
        let mapping = try value.mapping(accepting: keys)
        var rules = CapitalRules.pointInTime
        rules.sources = [:]
        if let v = mapping.optional("approach") { rules.approach = try v.choice(CapitalRules.Approach.self, "RWA approach") }
        if let v = mapping.optional("rating_philosophy") {
            rules.ratingPhilosophy = try v.number("share of the point-in-time shift in [0, 1], e.g. 0.3", rule: .fraction)
        }
        if let v = mapping.optional("rating_philosophy_by_asset_class") {
            for entry in try v.namedEntries() {
                guard let c = AssetClass(rawValue: entry.key) else {
                    throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                        .error("unknown asset class '\(entry.key)'; expected one of \(AssetClass.allNames)")
                }
                rules.ratingPhilosophyByAssetClass[c] = try entry.value.number(
                    "share of the point-in-time shift in [0, 1], e.g. 0.1", rule: .fraction)
            }
        }
        if let v = mapping.optional("floor_at_start") { rules.floorAtStart = try v.flag() }
        if let v = mapping.optional("output_floor") {
            for entry in try v.namedEntries() {
                guard let year = Int(entry.key), (1900...2200).contains(year) else {
                    throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                        .error("expected a calendar year such as 2025 as the key of an output-floor factor, found '\(entry.key)'")
                }
                rules.outputFloor[year] = try entry.value.number("output-floor factor in [0, 1], e.g. 0.5", rule: .fraction)
            }
        }
        if let v = mapping.optional("standardised_table") {
            let name = try v.text()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw v.error("expected the name of a table under tables/ (letters, digits, '-' and '_'), found '\(name)'")
            }
            rules.standardisedTable = name
        }
        if let v = mapping.optional("defaulted_exposures") {
            rules.defaultedExposures = try v.choice(CapitalRules.DefaultedExposures.self, "treatment of defaulted exposures")
        }
        if let v = mapping.optional("sources") {
            for entry in try v.namedEntries() {
                guard ruleKeys.contains(entry.key) else {
                    throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                        .error("a source for an unknown rule; rules: " + ruleKeys.sorted().joined(separator: ", "))
                }
                rules.sources[entry.key] = try entry.value.text()
            }
        }
        if rules.needsStandardisedTable && rules.standardisedTable == nil {
            throw value.child("standardised_table", value.node).error(
                rules.approach == .standardised
                    ? "required key is missing: the standardised approach needs a risk-weight table (tables/<name>.yaml)"
                    : "required key is missing: an output floor needs a standardised risk-weight table (tables/<name>.yaml)")
        }
        return rules
    }

    /// A top-level block's text exactly as written (from `<name>:` to the next top-level
    /// key), so that rewriting the file (`satellite fit`) keeps it.
    static func rawBlock(in text: String, named name: String = "capital") -> String? {
        var lines: [Substring] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inside {
                if let first = line.first, first != " ", first != "#" { break }
                lines.append(line)
            } else if line.hasPrefix(name + ":") {
                inside = true
                lines.append(line)
            }
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return inside ? lines.joined(separator: "\n") + "\n" : nil
    }
}
