import StressCore

/// Loads a standardised risk-weight table (`tables/standardised-risk-weights.yaml`) into a
/// validated `StandardisedRiskWeightTable`.
///
/// Every asset class of the portfolio format must have an entry with `base`, `defaulted`
/// and `source`; `by_cqs` has exactly six weights; `by_ltv` (real estate classes only)
/// has increasing positive `up_to` bounds and one more weight than bounds; `transactor`
/// is for `qrre` and `other_retail` only. A weight is a fraction in [0, 12.5] (1250%, the
/// largest Basel risk weight), which also catches percentages written as 75 instead of
/// 0.75. Errors carry the file, line, column and key path (`classes.bank.by_cqs[2]`).
public enum StandardisedTableFile {
    static let topKeys = ["name", "source", "classes", "country_risk_classification", "defaulted_exposure_value",
                          "description", "notes"]
    static let entryKeys = ["by_cqs", "by_ltv", "by_rating", "by_crc", "undrawn_ccf", "base", "transactor", "defaulted",
                            "defaulted_by_provision_coverage", "source", "notes"]
    static let realEstate: Set<AssetClass> = [.residentialMortgage, .cre]
    static let retailTransactors: Set<AssetClass> = [.qrre, .otherRetail]
    static let weightHint = "risk weight as a fraction, e.g. 0.75 for 75%"
    static let maximumWeight = 12.5

    public static func load(path: String) throws(InputError) -> StandardisedRiskWeightTable {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> StandardisedRiskWeightTable {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a standardised risk-weight table with keys name, source, classes")
        }
        let top = try root.mapping(accepting: topKeys)
        for key in ["name", "source", "classes"] { _ = try top.required(key) }
        let name = try top.required("name").text()
        let source = try top.required("source").text()
        let classesValue = try top.required("classes")

        var classes: [AssetClass: StandardisedRiskWeightTable.Entry] = [:]
        for entry in try classesValue.namedEntries() {
            guard let assetClass = AssetClass(rawValue: entry.key) else {
                throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: file)
                    .error("unknown asset class '\(entry.key)'; expected one of \(AssetClass.allNames)")
            }
            classes[assetClass] = try self.entry(entry.value, assetClass)
        }
        var classification: [String: Int] = [:]
        if let crc = top.optional("country_risk_classification") {
            for entry in try crc.namedEntries() {
                let x = try entry.value.number("OECD country risk classification 0 to 7", rule: .amount)
                guard x == x.rounded(), x <= 7 else {
                    throw entry.value.error("expected an OECD country risk classification 0 to 7, found \(entry.value.sourceText)")
                }
                classification[entry.key] = Int(x)
            }
        }
        let usesCRC = classes.values.contains { $0.byCountryRiskClassification != nil }
        if usesCRC && classification.isEmpty {
            throw top.value.child("country_risk_classification", top.value.node).error(
                "required key is missing: by_crc weights need the countries' risk classifications")
        }
        var net = true
        if let v = top.optional("defaulted_exposure_value") {
            switch try v.text() {
            case "net_of_provisions": net = true
            case "gross": net = false
            case let other: throw v.error("expected net_of_provisions or gross, found '\(other)'")
            }
        }
        let missing = AssetClass.allCases.filter { classes[$0] == nil }
        guard missing.isEmpty else {
            throw classesValue.error("no risk weights for asset class(es) " + missing.map(\.rawValue).joined(separator: ", ")
                                     + "; every class of the portfolio format needs an entry")
        }
        return StandardisedRiskWeightTable(name: name, source: source, classes: classes,
                                           countryRiskClassification: classification, defaultedNetOfProvisions: net, file: file)
    }

    // MARK: - Entries

    static func entry(_ value: YAMLValue, _ assetClass: AssetClass) throws(InputError) -> StandardisedRiskWeightTable.Entry {
        let mapping = try value.mapping(accepting: entryKeys)
        for key in ["base", "defaulted", "source"] { _ = try mapping.required(key) }
        var entry = StandardisedRiskWeightTable.Entry(
            base: try weight(try mapping.required("base")),
            defaulted: try weight(try mapping.required("defaulted")),
            source: try mapping.required("source").text())
        if let steps = mapping.optional("by_cqs") {
            let items = try steps.sequence()
            guard items.count == 6 else {
                throw steps.error("expected six weights, for credit quality steps 1 to 6, found \(items.count)")
            }
            var weights: [Double] = []
            for item in items { weights.append(try weight(item)) }
            entry.byCreditQualityStep = weights
        }
        if let bands = mapping.optional("by_ltv") {
            guard realEstate.contains(assetClass) else {
                throw bands.error("loan-to-value bands apply to residential_mortgage and cre only")
            }
            (entry.loanToValueBounds, entry.loanToValueWeights) = try loanToValueBands(bands)
        }
        if let ratings = mapping.optional("by_rating") {
            var weights: [String: Double] = [:]
            for item in try ratings.namedEntries() { weights[item.key.uppercased()] = try weight(item.value) }
            guard !weights.isEmpty else { throw ratings.error("expected at least one rating grade with its weight") }
            entry.byRating = weights
        }
        if let crc = mapping.optional("by_crc") {
            let items = try crc.sequence()
            guard items.count == 8 else {
                throw crc.error("expected eight weights, for country risk classifications 0 to 7, found \(items.count)")
            }
            var weights: [Double] = []
            for item in items { weights.append(try weight(item)) }
            entry.byCountryRiskClassification = weights
        }
        if let ccf = mapping.optional("undrawn_ccf") {
            entry.undrawnCCF = try ccf.number("credit conversion factor as a fraction, e.g. 0.4", rule: .fraction)
        }
        if let coverage = mapping.optional("defaulted_by_provision_coverage") {
            let bands = try coverage.mapping(accepting: ["at_least", "weights"])
            let boundsValue = try bands.required("at_least")
            var bounds: [Double] = []
            for item in try boundsValue.sequence() {
                let bound = try item.number("provision coverage as a fraction, e.g. 0.2", rule: .fraction)
                if let last = bounds.last, bound <= last {
                    throw item.error("coverage bounds must increase: \(item.sourceText) follows \(last)")
                }
                bounds.append(bound)
            }
            guard !bounds.isEmpty else { throw boundsValue.error("expected at least one coverage bound") }
            let weightsValue = try bands.required("weights")
            let items = try weightsValue.sequence()
            guard items.count == bounds.count + 1 else {
                throw weightsValue.error("expected \(bounds.count + 1) weights, one below the first bound and one from each "
                                         + "bound (\(bounds.count) bounds), found \(items.count)")
            }
            var weights: [Double] = []
            for item in items { weights.append(try weight(item)) }
            entry.defaultedCoverageBounds = bounds
            entry.defaultedCoverageWeights = weights
        }
        if let transactor = mapping.optional("transactor") {
            guard retailTransactors.contains(assetClass) else {
                throw transactor.error("a transactor weight applies to qrre and other_retail only")
            }
            entry.transactor = try weight(transactor)
        }
        return entry
    }

    static func loanToValueBands(_ value: YAMLValue) throws(InputError) -> ([Double], [Double]) {
        let mapping = try value.mapping(accepting: ["up_to", "weights"])
        let boundsValue = try mapping.required("up_to")
        let weightsValue = try mapping.required("weights")
        var bounds: [Double] = []
        for item in try boundsValue.sequence() {
            let bound = try item.number("loan-to-value as a fraction, e.g. 0.8", rule: .positiveRatio)
            if let last = bounds.last, bound <= last {
                throw item.error("LTV bounds must increase: \(item.sourceText) follows \(last)")
            }
            bounds.append(bound)
        }
        guard !bounds.isEmpty else { throw boundsValue.error("expected at least one LTV bound") }
        let items = try weightsValue.sequence()
        guard items.count == bounds.count + 1 else {
            throw weightsValue.error("expected \(bounds.count + 1) weights, one per band and one above the last bound "
                                     + "(\(bounds.count) bounds), found \(items.count)")
        }
        var weights: [Double] = []
        for item in items { weights.append(try weight(item)) }
        return (bounds, weights)
    }

    static func weight(_ value: YAMLValue) throws(InputError) -> Double {
        let w = try value.number(weightHint, rule: .amount)
        guard w <= maximumWeight else {
            throw value.error("expected a risk weight as a fraction in [0, 12.5] (0.75 = 75%), found \(value.sourceText)")
        }
        return w
    }
}
