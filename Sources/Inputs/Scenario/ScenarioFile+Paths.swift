import StressCore

// MARK: - Periods and variable paths

extension ScenarioFile {
    /// Period labels: a non-empty list of distinct labels whose count satisfies the
    /// framework's horizon rule (METHODOLOGY §2.4).
    static func periods(_ value: YAMLValue, framework: Framework) throws(InputError) -> [String] {
        var labels: [String] = []
        var firstIndex: [String: Int] = [:]
        for (index, item) in try value.sequence().enumerated() {
            let label = try item.text()
            if let first = firstIndex[label] {
                throw item.error("duplicate period '\(label)' (also periods[\(first)])")
            }
            firstIndex[label] = index
            labels.append(label)
        }
        guard !labels.isEmpty else { throw value.error("expected at least one period label") }
        let tooShort = labels.count < framework.minimumPeriods
        let tooLong = framework.maximumPeriods.map { labels.count > $0 } ?? false
        if tooShort || tooLong {
            throw value.error("found \(labels.count) period\(labels.count == 1 ? "" : "s"); \(framework.horizonRule)")
        }
        return labels
    }

    /// Variable paths, one value per period, as fractions. Unknown names are kept and
    /// reported; a scenario without GDP growth or unemployment is reported because the
    /// linear satellite then reads zeros for it.
    static func variables(_ value: YAMLValue, periodCount: Int,
                          findings: inout [DataQualityFinding]) throws(InputError) -> [ScenarioVariable] {
        var variables: [ScenarioVariable] = []
        for entry in try value.namedEntries() {
            let values = try entry.value.numbers("fraction, e.g. 0.05", rule: .scenarioValue)
            guard values.count == periodCount else {
                throw entry.value.error("has \(values.count) values but periods has \(periodCount)")
            }
            if !ScenarioVariable.knownNames.contains(entry.key) {
                findings.append(DataQualityFinding(
                    severity: .warning, file: value.file, line: entry.keyNode.mark?.line, field: entry.value.path,
                    message: "unknown variable '\(entry.key)': kept, but no StressPack model reads it"))
            }
            variables.append(ScenarioVariable(name: entry.key, values: values))
        }
        for name in ["gdp_growth", "unemployment"] where !variables.contains(where: { $0.name == name }) {
            findings.append(DataQualityFinding(
                severity: .warning, file: value.file, line: value.node.mark?.line, field: "variables",
                message: "no \(name) path: treated as a path of zeros by the linear satellite"))
        }
        return variables
    }
}
