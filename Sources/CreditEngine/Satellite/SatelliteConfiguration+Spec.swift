import StressCore

extension SatelliteConfiguration {
    /// Merges a `satellite:` block over a base configuration (the framework's):
    /// a model named in the block replaces the base model; parameters not given
    /// keep the base model's values when the model is the same (METHODOLOGY §2.1).
    public func merging(_ spec: SatelliteSpec?) throws(SatelliteError) -> SatelliteConfiguration {
        guard let spec else { return self }
        var result = self
        if let pd = spec.pd { result.pd = try Self.pdSatellite(pd, base: self.pd, key: "pd") }
        if let lgd = spec.lgd { result.lgd = try Self.lgdSatellite(lgd, base: self.lgd, key: "lgd") }
        for (selector, override) in spec.overrides.sorted(by: { $0.key < $1.key }) {
            let key = "overrides.\(selector)"
            let pd = try override.pd.map { s throws(SatelliteError) in try Self.pdSatellite(s, base: result.pd, key: key + ".pd") }
            let lgd = try override.lgd.map { s throws(SatelliteError) in try Self.lgdSatellite(s, base: result.lgd, key: key + ".lgd") }
            result.overrides[selector] = (pd, lgd)
        }
        return result
    }

    static func pdSatellite(_ spec: SatelliteModelSpec, base: PDSatellite, key: String) throws(SatelliteError) -> PDSatellite {
        var p = Parameters(spec.parameters, key: key)
        switch spec.model {
        case "linear":
            let b: LinearPDParameters
            if case let .linear(existing) = base { b = existing } else { b = SatelliteDefaults.linear(.eba) }
            let result = LinearPDParameters(
                gdpSensitivity: p.take("gdp_sensitivity") ?? b.gdpSensitivity,
                gdpBaseline: p.take("gdp_baseline") ?? b.gdpBaseline,
                unemploymentSensitivity: p.take("unemployment_sensitivity") ?? b.unemploymentSensitivity,
                unemploymentBaseline: p.take("unemployment_baseline") ?? b.unemploymentBaseline)
            try p.finish(model: "linear")
            return .linear(result)
        case "vasicek":
            var existing: [String: VasicekParameters.Driver] = [:]
            var intercept = 0.0
            if case let .vasicek(v) = base {
                intercept = v.intercept
                for d in v.drivers { existing[d.variable] = d }
            }
            intercept = p.take("intercept") ?? intercept
            let variables = Set(p.remainingKeys.compactMap { k -> String? in
                for prefix in ["beta_", "mean_", "sd_"] where k.hasPrefix(prefix) { return String(k.dropFirst(prefix.count)) }
                return nil
            })
            for v in variables.sorted() {
                let old = existing[v]
                guard let beta = p.take("beta_\(v)") ?? old?.beta,
                      let mean = p.take("mean_\(v)") ?? old?.mean,
                      let sd = p.take("sd_\(v)") ?? old?.standardDeviation else {
                    throw SatelliteError(key: "\(key).beta_\(v)", message:
                        "the vasicek model needs beta_\(v), mean_\(v) and sd_\(v) together")
                }
                guard sd > 0 else { throw SatelliteError(key: "\(key).sd_\(v)", message: "must be > 0, found \(sd)") }
                existing[v] = .init(variable: v, beta: beta, mean: mean, standardDeviation: sd)
            }
            try p.finish(model: "vasicek")
            guard !existing.isEmpty else {
                throw SatelliteError(key: key, message: "the vasicek model needs at least one driver (beta_<variable>, mean_<variable>, sd_<variable>)")
            }
            return .vasicek(VasicekParameters(intercept: intercept,
                                              drivers: existing.keys.sorted().map { existing[$0]! }))
        default:
            throw SatelliteError(key: "\(key).model", message: "unknown PD satellite '\(spec.model)': expected linear or vasicek")
        }
    }

    static func lgdSatellite(_ spec: SatelliteModelSpec, base: LGDSatellite, key: String) throws(SatelliteError) -> LGDSatellite {
        var p = Parameters(spec.parameters, key: key)
        switch spec.model {
        case "hpi_addon", "linear":
            var sensitivity = 0.5
            if case let .hpiAddOn(s) = base { sensitivity = s }
            if case let .collateral(_, s) = base { sensitivity = s }
            let result = LGDSatellite.hpiAddOn(sensitivity: p.take("hpi_sensitivity") ?? sensitivity)
            try p.finish(model: spec.model)
            return result
        case "collateral":
            var haircut = 0.30, sensitivity = 0.5
            if case let .collateral(h, s) = base { haircut = h; sensitivity = s }
            if case let .hpiAddOn(s) = base { sensitivity = s }
            haircut = p.take("haircut") ?? haircut
            sensitivity = p.take("hpi_sensitivity") ?? sensitivity
            try p.finish(model: "collateral")
            guard (0..<1).contains(haircut) else {
                throw SatelliteError(key: "\(key).haircut", message: "must be in [0, 1), found \(haircut)")
            }
            return .collateral(haircut: haircut, unsecuredSensitivity: sensitivity)
        default:
            throw SatelliteError(key: "\(key).model", message: "unknown LGD satellite '\(spec.model)': expected hpi_addon or collateral")
        }
    }
}

/// Takes named parameters one by one, so that any left over is reported as unknown.
struct Parameters {
    private var values: [String: Double]
    let key: String

    init(_ values: [String: Double], key: String) {
        self.values = values
        self.key = key
    }

    var remainingKeys: [String] { Array(values.keys) }

    mutating func take(_ name: String) -> Double? { values.removeValue(forKey: name) }

    func finish(model: String) throws(SatelliteError) {
        if let unknown = values.keys.sorted().first {
            throw SatelliteError(key: "\(key).\(unknown)", message: "unknown parameter of the \(model) model")
        }
    }
}
