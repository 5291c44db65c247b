import StressCore

extension StressPlan {
    /// Applies the satellites to a scenario's paths for the first `periods`
    /// periods. A variable a satellite needs but the scenario lacks counts as
    /// a path at its baseline (zeros for the linear rule, as the seed does;
    /// the sample mean for the Vasicek drivers) and is reported as a warning.
    public static func build(configuration: SatelliteConfiguration, scenario: Scenario, portfolio: Portfolio,
                             periods: Int, sourceFile: String) -> (StressPlan, [DataQualityFinding]) {
        var findings: [DataQualityFinding] = []
        var warned = Set<String>()
        func path(_ name: String, for model: String) -> [Double]? {
            if let values = scenario.path(name) { return Array(values.prefix(periods)) }
            if warned.insert(name).inserted {
                findings.append(DataQualityFinding(
                    severity: .warning, file: sourceFile, field: "variables.\(name)",
                    message: "scenario \(scenario.id) has no \(name) path: the \(model) satellite takes it at its baseline"))
            }
            return nil
        }
        let zeros = [Double](repeating: 0, count: periods)

        func pdStress(_ satellite: PDSatellite) -> PDStress {
            switch satellite {
            case let .multipliers(m):
                return .multipliers(Array(m.prefix(periods)) + Array(repeating: 1, count: max(0, periods - m.count)))
            case let .linear(p):
                let g = path("gdp_growth", for: "linear") ?? zeros
                let u = path("unemployment", for: "linear") ?? zeros
                return .multipliers(LinearSatellite.multipliers(gdp: g, unemployment: u, parameters: p))
            case let .vasicek(p):
                var z = [Double](repeating: p.intercept, count: periods)
                for d in p.drivers {
                    guard let x = path(d.variable, for: "vasicek") else { continue }
                    for t in 0..<periods { z[t] += d.beta * (x[t] - d.mean) / d.standardDeviation }
                }
                return .zShift(z)
            }
        }

        func lgdStress(_ satellite: LGDSatellite) -> LGDStress {
            switch satellite {
            case let .addOns(a):
                return .addOns(Array(a.prefix(periods)) + Array(repeating: 0, count: max(0, periods - a.count)))
            case let .hpiAddOn(s):
                let h = path("house_price_index", for: "LGD") ?? zeros
                return .addOns(LinearSatellite.lgdAddOns(housePrices: h, sensitivity: s))
            case let .collateral(haircut, s):
                let house = path("house_price_index", for: "collateral LGD") ?? zeros
                let commercial = scenario.path("commercial_property_index").map { Array($0.prefix(periods)) } ?? house
                return .collateral(CollateralStress(
                    residentialIndex: cumulative(house), commercialIndex: cumulative(commercial),
                    haircut: haircut, unsecuredAddOns: LinearSatellite.lgdAddOns(housePrices: house, sensitivity: s)))
            }
        }

        var groups = [GroupStress(pd: pdStress(configuration.pd), lgd: lgdStress(configuration.lgd))]
        guard !configuration.overrides.isEmpty else { return (StressPlan(periods: periods, groups: groups), findings) }

        // Group index per selector; a segment name wins over an asset-class name.
        var groupOfSelector: [String: UInt16] = [:]
        for selector in configuration.overrides.keys.sorted() {
            let o = configuration.overrides[selector]!
            groupOfSelector[selector] = UInt16(groups.count)
            groups.append(GroupStress(pd: o.pd.map(pdStress) ?? groups[0].pd, lgd: o.lgd.map(lgdStress) ?? groups[0].lgd))
        }
        let segmentGroup = portfolio.segment.levels.map { groupOfSelector[$0] }
        var used = Set<String>(portfolio.segment.levels.filter { groupOfSelector[$0] != nil })
        var assignment = [UInt16](repeating: 0, count: portfolio.count)
        for i in 0..<portfolio.count {
            if !segmentGroup.isEmpty, let g = segmentGroup[Int(portfolio.segment.codes[i])] {
                assignment[i] = g
            } else if let g = groupOfSelector[portfolio.assetClass[i].rawValue] {
                assignment[i] = g
                used.insert(portfolio.assetClass[i].rawValue)
            }
        }
        for selector in groupOfSelector.keys.sorted() where !used.contains(selector) {
            findings.append(DataQualityFinding(
                severity: .warning, file: sourceFile, field: "satellite.overrides.\(selector)",
                message: "override '\(selector)' matches no segment or asset class of the portfolio"))
        }
        return (StressPlan(periods: periods, groups: groups, groupOfExposure: assignment), findings)
    }
}

/// Π_{s≤t}(1 + h_s) for each t.
func cumulative(_ changes: [Double]) -> [Double] {
    var level = 1.0
    return changes.map { level *= 1 + $0; return level }
}
