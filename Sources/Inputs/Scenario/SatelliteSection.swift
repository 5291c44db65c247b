import StressCore

/// The `satellite:` block of a scenario: the PD and LGD models with their
/// parameters, and overrides by segment or asset class. Parameter names are not
/// checked here: each satellite model validates its own (METHODOLOGY §2.1), so a
/// new model needs no change to the loader. Values must be finite numbers.
enum SatelliteSection {
    static let keys = ["pd", "lgd", "overrides"]
    static let overrideKeys = ["pd", "lgd"]

    static func parse(_ value: YAMLValue) throws(InputError) -> SatelliteSpec {
        let mapping = try value.mapping(accepting: keys)
        var spec = try models(mapping)
        if let overrides = mapping.optional("overrides") {
            for entry in try overrides.namedEntries() {
                spec.overrides[entry.key] = try models(try entry.value.mapping(accepting: overrideKeys))
            }
        }
        return spec
    }

    private static func models(_ mapping: YAMLMapping) throws(InputError) -> SatelliteSpec {
        SatelliteSpec(pd: try mapping.optional("pd").map { value throws(InputError) in try model(value) },
                      lgd: try mapping.optional("lgd").map { value throws(InputError) in try model(value) })
    }

    /// `{model: linear, gdp_sensitivity: 2.0, ...}`: `model` names the model, every
    /// other key is a numeric parameter.
    private static func model(_ value: YAMLValue) throws(InputError) -> SatelliteModelSpec {
        let entries = try value.namedEntries()
        guard let modelEntry = entries.first(where: { $0.key == "model" }) else {
            throw value.child("model", value.node).error("required key is missing (the satellite model's name, e.g. linear)")
        }
        var spec = SatelliteModelSpec(model: try modelEntry.value.text())
        for entry in entries where entry.key != "model" {
            spec.parameters[entry.key] = try entry.value.number("model parameter, e.g. 2.0", rule: .modelParameter)
        }
        return spec
    }
}
