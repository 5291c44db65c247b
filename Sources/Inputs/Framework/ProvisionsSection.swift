import StressCore

/// The `provisions:` block of a framework file (INTERFACES.md): the accounting standard
/// and its staging, cure, write-off and reversion rules, the RBI's floors, each rule's
/// source. Keys not given take `ProvisioningRules.defaults(for:)`.
enum ProvisionsSection {
    static let keys = ["standard", "sicr", "dpd_backstop", "default_dpd", "cure_rate", "probation_years",
                       "write_off_years", "reversion_years", "stage3_coverage", "eir", "remaining_term", "floors",
                       "sources", "notes"]
    static let ruleKeys = Set(keys).subtracting(["sources", "notes"])

    static func parse(_ value: YAMLValue, framework: Framework) throws(InputError) -> ProvisioningRules {
        let m = try value.mapping(accepting: keys)
        var rules = ProvisioningRules.defaults(for: framework)
        if let v = m.optional("standard") { rules.standard = try v.choice(ProvisioningRules.Standard.self, "accounting standard") }
        if let v = m.optional("sicr") {
            let sicr = try v.mapping(accepting: ["relative", "absolute", "combine"])
            if let r = sicr.optional("relative") {
                rules.sicrRelative = try r.number("a multiple of the origination PD, e.g. 2", rule: .positiveAmount)
            }
            if let a = sicr.optional("absolute") {
                rules.sicrAbsolute = try a.number("an absolute PD increase as a fraction, e.g. 0.005", rule: .fraction)
            }
            if let c = sicr.optional("combine") { rules.sicrCombination = try c.choice(ProvisioningRules.SICRCombination.self, "combination") }
        }
        if let v = m.optional("dpd_backstop") { rules.dpdBackstop = try v.number("days, e.g. 30", rule: .amount) }
        if let v = m.optional("default_dpd") { rules.defaultDPD = try v.number("days, e.g. 90", rule: .positiveAmount) }
        if let v = m.optional("cure_rate") { rules.cureRate = try v.number("share of stage 3 curing a year, e.g. 0.1", rule: .fraction) }
        if let v = m.optional("probation_years") { rules.probationYears = try v.number("years, e.g. 1", rule: .amount) }
        if let v = m.optional("write_off_years") { rules.writeOffYears = try v.number("years in default, e.g. 2", rule: .amount) }
        if let v = m.optional("reversion_years") { rules.reversionYears = try v.number("years, e.g. 1", rule: .amount) }
        if let v = m.optional("stage3_coverage") { rules.stage3Coverage = try v.choice(ProvisioningRules.Stage3Coverage.self, "stage 3 coverage") }
        if let v = m.optional("eir") { rules.defaultEIR = try v.number("an annual rate as a fraction, e.g. 0.04", rule: .fraction) }
        if let v = m.optional("remaining_term") {
            for entry in try v.namedEntries() {
                rules.defaultRemainingTerm[try assetClass(entry, value.file)] = try entry.value.number("years, e.g. 20", rule: .positiveYears)
            }
        }
        if let v = m.optional("floors") { rules.floors = try floors(v) }
        if let v = m.optional("sources") {
            for entry in try v.namedEntries() {
                guard ruleKeys.contains(entry.key) else {
                    throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                        .error("a source for an unknown rule; rules: " + ruleKeys.sorted().joined(separator: ", "))
                }
                rules.sources[entry.key] = try entry.value.text()
            }
        }
        return rules
    }

    static func assetClass(_ entry: YAMLMapping.Entry, _ file: String) throws(InputError) -> AssetClass {
        guard let c = AssetClass(rawValue: entry.key) else {
            throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: file)
                .error("unknown asset class '\(entry.key)'; expected one of \(AssetClass.allNames)")
        }
        return c
    }

    static func floors(_ value: YAMLValue) throws(InputError) -> ProvisioningRules.Floors {
        let m = try value.mapping(accepting: ["stage1", "stage2", "stage3", "stage3_by_asset_class"])
        func byClass(_ key: String) throws(InputError) -> [AssetClass: Double] {
            var out: [AssetClass: Double] = [:]
            if let v = m.optional(key) {
                for entry in try v.namedEntries() {
                    out[try assetClass(entry, value.file)] = try entry.value.number("a floor as a fraction of the exposure, e.g. 0.004", rule: .fraction)
                }
            }
            return out
        }
        var floors = ProvisioningRules.Floors(stage1: try byClass("stage1"), stage2: try byClass("stage2"),
                                              stage3: try m.optional("stage3").map { v throws(InputError) in try schedule(v) })
        if let v = m.optional("stage3_by_asset_class") {
            for entry in try v.namedEntries() {
                floors.stage3ByClass[try assetClass(entry, value.file)] = try schedule(entry.value)
            }
        }
        return floors
    }

    static func schedule(_ value: YAMLValue) throws(InputError) -> ProvisioningRules.Floors.Stage3Schedule {
        let m = try value.mapping(accepting: ["years_up_to", "secured", "unsecured"])
        let bounds = try m.required("years_up_to").numbers("years in default, e.g. 1", rule: .positiveYears)
        for k in bounds.indices.dropFirst() where bounds[k] <= bounds[k - 1] {
            throw try m.required("years_up_to").sequence()[k].error("the bounds must increase: \(bounds[k]) follows \(bounds[k - 1])")
        }
        let secured = try m.required("secured").numbers("a floor as a fraction, e.g. 0.25", rule: .fraction)
        let unsecured = try m.required("unsecured").numbers("a floor as a fraction, e.g. 0.4", rule: .fraction)
        for (key, list) in [("secured", secured), ("unsecured", unsecured)] where list.count != bounds.count + 1 {
            throw try m.required(key).error("expected \(bounds.count + 1) floors, one per band and one beyond the last "
                                            + "bound (\(bounds.count) bounds), found \(list.count)")
        }
        return .init(yearsUpTo: bounds, secured: secured, unsecured: unsecured)
    }
}
