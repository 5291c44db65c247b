import Foundation
import PDModel
import StressCore

/// A PD model file (INTERFACES "PD model file"): YAML, written by `pd fit` and
/// `pd calibrate`, read by `pd apply`, `pd calibrate` and the runs that use it. Every
/// number is written with the shortest text that reads back to the same double, so a
/// model round-trips bit for bit and its SHA-256 names it.
public enum PDModelFile {
    public static let format = "stresspack-pd-model/1"

    /// `targetDefault`: the target's value that means default, for a text target (`--bad`).
    public static func render(_ m: PDScorecard, source: (file: String, sha256: String)?, target: String,
                              targetDefault: String? = nil) -> String {
        var y = "# A PD scorecard (StressPack \(EngineVersion.current)). Points and PDs follow from the numbers below;\n"
        y += "# edit nothing by hand: refit with `stresspack pd fit`, recalibrate with `stresspack pd calibrate`.\n"
        y += "format: \(format)\n"
        y += "name: \(quoted(m.name))\n"
        y += "target: \(quoted(target))\n"
        if let targetDefault { y += "target_default: \(quoted(targetDefault))\n" }
        y += "development:\n"
        if let source {
            y += "  data: \(quoted(source.file))\n"
            y += "  sha256: \(source.sha256)\n"
        }
        let d = m.development
        y += "  loans: \(d.loans)\n  defaults: \(d.defaults)\n"
        y += "  log_likelihood: \(d.logLikelihood)\n  null_log_likelihood: \(d.nullLogLikelihood)\n"
        y += "  iterations: \(d.iterations)\n  auc: \(d.auc)\n  gini: \(2 * d.auc - 1)\n  ks: \(d.ks)\n"
        y += "  screening:\n"
        for s in d.screened {
            y += "    - {characteristic: \(quoted(s.name)), information_value: \(s.informationValue)"
            y += s.dropped.map { ", dropped: \(quoted($0))}\n" } ?? ", kept: true}\n"
        }
        y += "scale: {points_to_double_odds: \(m.scale.pointsToDoubleOdds), base_score: \(m.scale.baseScore), "
            + "base_odds: \(m.scale.baseOdds)}\n"
        y += "intercept: {estimate: \(m.intercept), std_error: \(m.interceptStandardError), base_points: \(m.basePoints)}\n"
        y += "characteristics:\n"
        for (t, term) in m.terms.enumerated() {
            y += "  - name: \(quoted(term.binning.name))\n"
            y += "    type: \(term.binning.kind.rawValue)\n"
            y += "    information_value: \(term.binning.informationValue)\n"
            y += "    coefficient: \(term.coefficient)\n    std_error: \(term.standardError)\n"
            y += "    p_value: \(term.pValue)\n    vif: \(term.varianceInflation.isFinite ? "\(term.varianceInflation)" : ".inf")\n"
            y += "    bins:\n"
            for (b, bin) in term.binning.bins.enumerated() {
                y += "      - {"
                switch bin.rule {
                case let .range(lower, upper):
                    y += "from: \(lower.map { "\($0)" } ?? "null"), to: \(upper.map { "\($0)" } ?? "null")"
                case .categories(let c): y += "categories: [\(c.map(quoted).joined(separator: ", "))]"
                case .missing: y += "missing: true"
                }
                y += ", loans: \(bin.loans), defaults: \(bin.defaults), woe: \(bin.woe), points: \(m.points(term: t, bin: b))}\n"
            }
        }
        if let c = m.calibration {
            y += "calibration: {method: \(c.method.rawValue), central_tendency: \(c.centralTendency), shift: \(c.shift)}\n"
        }
        if let segments = m.segments {
            y += "scope: {segments: [\(segments.map(quoted).joined(separator: ", "))]}\n"
        }
        if let s = m.masterScale {
            y += "master_scale:\n  name: \(quoted(s.name))\n  grades:\n"
            for g in s.grades { y += "    - {grade: \(quoted(g.label)), upper_pd: \(g.upperPD), pd: \(g.pd)}\n" }
        }
        return y
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    public struct Loaded: Sendable {
        public var model: PDScorecard
        public var target: String
        /// The target's default value when the target is text.
        public var targetDefault: String?
    }

    public static func load(path: String) throws(InputError) -> Loaded {
        let text = try YAMLDocument.read(path: path)
        guard let root = try YAMLDocument.compose(text, file: path) else {
            throw InputError(file: path, message: "empty file: expected a PD model (format: \(format))")
        }
        let top = try root.mapping(accepting: ["format", "name", "target", "target_default", "development", "scale", "intercept",
                                               "characteristics", "calibration", "scope", "master_scale"])
        let formatValue = try top.required("format")
        guard try formatValue.text() == format else {
            throw formatValue.error("expected format \(format), found '\(try formatValue.text())'")
        }
        let dev = try top.required("development").mapping(accepting: [
            "data", "sha256", "loans", "defaults", "log_likelihood", "null_log_likelihood", "iterations", "auc", "gini", "ks",
            "screening"])
        var screened: [(name: String, informationValue: Double, dropped: String?)] = []
        for s in try dev.optional("screening")?.sequence() ?? [] {
            let m = try s.mapping(accepting: ["characteristic", "information_value", "dropped", "kept"])
            screened.append((try m.required("characteristic").text(), try m.required("information_value").number("a number"),
                             try m.optional("dropped")?.text()))
        }
        let development = PDScorecard.Development(
            loans: Int(try dev.required("loans").number("a count")), defaults: Int(try dev.required("defaults").number("a count")),
            logLikelihood: try dev.required("log_likelihood").number("a number"),
            nullLogLikelihood: try dev.required("null_log_likelihood").number("a number"),
            iterations: Int(try dev.required("iterations").number("a count")), auc: try dev.required("auc").number("a number"),
            ks: try dev.required("ks").number("a number"), screened: screened)
        let scaleMap = try top.required("scale").mapping(accepting: ["points_to_double_odds", "base_score", "base_odds"])
        let scale = ScorecardScale(pointsToDoubleOdds: try scaleMap.required("points_to_double_odds").number("points"),
                                   baseScore: try scaleMap.required("base_score").number("points"),
                                   baseOdds: try scaleMap.required("base_odds").number("odds"))
        let intercept = try top.required("intercept").mapping(accepting: ["estimate", "std_error", "base_points"])
        var terms: [PDScorecard.Term] = []
        let characteristics = try top.required("characteristics")
        for c in try characteristics.sequence() {
            let m = try c.mapping(accepting: ["name", "type", "information_value", "coefficient", "std_error", "p_value", "vif", "bins"])
            let name = try m.required("name").text()
            let kind = try m.required("type").choice(CharacteristicBinning.Kind.self, "a characteristic type")
            var bins: [Bin] = []
            for b in try m.required("bins").sequence() {
                let bm = try b.mapping(accepting: ["from", "to", "categories", "missing", "loans", "defaults", "woe", "points"])
                let rule: Bin.Rule
                if let cats = bm.optional("categories") {
                    var names: [String] = []
                    for c in try cats.sequence() { names.append(try c.text()) }
                    rule = .categories(names)
                } else if bm.optional("missing") != nil {
                    rule = .missing
                } else {
                    func bound(_ key: String) throws(InputError) -> Double? {
                        guard let v = bm.optional(key), !v.isNull else { return nil }
                        return try v.number("a number or null")
                    }
                    rule = .range(lower: try bound("from"), upper: try bound("to"))
                }
                bins.append(Bin(rule: rule, loans: Int(try bm.required("loans").number("a count")),
                                defaults: Int(try bm.required("defaults").number("a count")),
                                woe: try bm.required("woe").number("a number")))
            }
            guard !bins.isEmpty else { throw c.error("a characteristic needs at least one bin") }
            let vifValue = try m.required("vif")
            let vif: Double
            if vifValue.sourceText == ".inf" { vif = .infinity } else { vif = try vifValue.number("a number") }
            terms.append(PDScorecard.Term(
                binning: CharacteristicBinning(name: name, kind: kind, bins: bins,
                                               informationValue: try m.required("information_value").number("a number")),
                coefficient: try m.required("coefficient").number("a number"), standardError: try m.required("std_error").number("a number"),
                pValue: try m.required("p_value").number("a probability"), varianceInflation: vif))
        }
        var calibration: Calibration?
        if let c = top.optional("calibration") {
            let cm = try c.mapping(accepting: ["method", "central_tendency", "shift"])
            calibration = Calibration(method: try cm.required("method").choice(Calibration.Method.self, "a calibration method"),
                                      centralTendency: try cm.required("central_tendency").number("a default rate"),
                                      shift: try cm.required("shift").number("a number"))
        }
        var master: MasterScale?
        if let s = top.optional("master_scale") {
            master = try masterScale(s)
        }
        var segments: [String]?
        if let scope = top.optional("scope") {
            let sm = try scope.mapping(accepting: ["segments"])
            let list = try sm.required("segments")
            segments = try list.sequence().map { v throws(InputError) in try v.text() }
            guard !(segments ?? []).isEmpty else {
                throw list.error("expected at least one portfolio segment the model rates (or no scope: every exposure)")
            }
        }
        let model = PDScorecard(name: try top.required("name").text(), terms: terms,
                                intercept: try intercept.required("estimate").number("a number"),
                                interceptStandardError: try intercept.required("std_error").number("a number"),
                                scale: scale, calibration: calibration, masterScale: master, development: development,
                                segments: segments)
        return Loaded(model: model, target: try top.required("target").text(), targetDefault: try top.optional("target_default")?.text())
    }

    /// A master scale file (`tables/master-scale.yaml`), or a model's `master_scale`: grades in
    /// order of risk with increasing upper PD bounds; a grade's PD defaults to the geometric
    /// midpoint of its bounds.
    public static func loadMasterScale(path: String) throws(InputError) -> MasterScale {
        let text = try YAMLDocument.read(path: path)
        guard let root = try YAMLDocument.compose(text, file: path) else {
            throw InputError(file: path, message: "empty file: expected name and grades")
        }
        return try masterScale(root)
    }

    static func masterScale(_ value: YAMLValue) throws(InputError) -> MasterScale {
        let m = try value.mapping(accepting: ["name", "grades", "source"])
        var grades: [MasterScale.Grade] = []
        var lower = 0.0
        for g in try m.required("grades").sequence() {
            let gm = try g.mapping(accepting: ["grade", "upper_pd", "pd"])
            let upper = try gm.required("upper_pd").number("a PD bound")
            guard upper > lower else {
                throw g.error("upper_pd \(upper) must exceed the previous grade's (\(lower)): grades go from least to most risky")
            }
            let pd = try gm.optional("pd")?.number("a PD") ?? (lower > 0 ? sqrt(lower * min(upper, 1)) : upper / 2)
            guard pd >= lower, pd <= upper else { throw g.error("pd \(pd) lies outside the grade's bounds (\(lower), \(upper)]") }
            grades.append(.init(label: try gm.required("grade").text(), upperPD: upper, pd: pd))
            lower = upper
        }
        guard grades.count >= 2 else { throw value.error("a master scale needs at least two grades") }
        guard lower >= 1 else { throw value.error("the last grade must reach PD 1 (upper_pd ≥ 1), so every PD has a grade") }
        return MasterScale(name: try m.required("name").text(), grades: grades)
    }
}
