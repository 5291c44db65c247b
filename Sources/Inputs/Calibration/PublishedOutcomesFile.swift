import StressCore

/// Loads `data/regulators/published-outcomes.yaml`: the supervisory exercises' published
/// aggregate outcomes, each with its source and how it was read (README, "Calibration").
public enum PublishedOutcomesFile {
    static let entryKeys = ["scenario", "framework", "exercise", "measure", "start", "minimum", "depletion_bp",
                            "rwa_change", "source", "confidence", "note"]

    public static func load(path: String) throws(InputError) -> [PublishedOutcome] {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> [PublishedOutcome] {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a list of published outcomes under outcomes:")
        }
        let top = try root.mapping(accepting: ["outcomes", "notes", "description"])
        var outcomes: [PublishedOutcome] = []
        for item in try top.required("outcomes").sequence() {
            let m = try item.mapping(accepting: entryKeys)
            func ratio(_ key: String) throws(InputError) -> Double? {
                try m.optional(key).map { v throws(InputError) in try v.number("ratio as a fraction, e.g. 0.134", rule: .fraction) }
            }
            let depletion = try m.required("depletion_bp").number("depletion in basis points, e.g. 180")
            let rwaChange = try m.optional("rwa_change").map { v throws(InputError) -> Double in
                let x = try v.number("relative change as a fraction, e.g. -0.007")
                guard x > -1 && x < 10 else { throw v.error("expected a relative change above -1, found \(v.sourceText)") }
                return x
            }
            let outcome = PublishedOutcome(
                scenario: try m.required("scenario").text(),
                framework: try m.required("framework").choice(Framework.self, "framework"),
                exercise: try m.required("exercise").text(),
                measure: try m.required("measure").choice(PublishedOutcome.Measure.self, "measure"),
                start: try ratio("start"), minimum: try ratio("minimum"), depletionBP: depletion, rwaChange: rwaChange,
                source: try m.required("source").text(),
                confidence: try m.required("confidence").choice(PublishedOutcome.Confidence.self, "confidence"),
                note: try m.optional("note").map { v throws(InputError) in try v.text() })
            if let start = outcome.start, let minimum = outcome.minimum,
               abs((start - minimum) * 10_000 - depletion) > 15 {
                throw item.error("depletion_bp \(depletion) does not match start − minimum "
                                 + "(\(((start - minimum) * 10_000).rounded()) bp)")
            }
            outcomes.append(outcome)
        }
        return outcomes
    }
}
