import Foundation
import StressCore

/// Writes a framework file with a fixed key order, numbers to 10 significant
/// digits so the file is stable and readable.
public enum FrameworkYAML {
    public static func render(_ s: FrameworkSettings) -> String {
        var out = "framework: \(s.framework.rawValue)\n"
        out += "name: \(quoted(s.name))\n"
        if let floor = s.pdFloor { out += "pd_floor: \(number(floor))\n" }
        if let sat = s.satellite {
            out += "satellite:\n"
            if let pd = sat.pd { out += "  pd: \(model(pd))\n" }
            if let lgd = sat.lgd { out += "  lgd: \(model(lgd))\n" }
            if !sat.overrides.isEmpty {
                out += "  overrides:\n"
                for key in sat.overrides.keys.sorted() {
                    out += "    \(quoted(key)):\n"
                    if let pd = sat.overrides[key]!.pd { out += "      pd: \(model(pd))\n" }
                    if let lgd = sat.overrides[key]!.lgd { out += "      lgd: \(model(lgd))\n" }
                }
            }
        }
        if let capital = s.capitalBlock { out += capital }
        if let fit = s.fitReport {
            out += "fit:" + (fit.hasPrefix("\n") || fit.hasPrefix(" ") ? "" : "\n") + fit
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    static func model(_ m: SatelliteModelSpec) -> String {
        let parameters = m.parameters.keys.sorted().map { "\($0): \(number(m.parameters[$0]!))" }
        return "{" + (["model: \(m.model)"] + parameters).joined(separator: ", ") + "}"
    }

    public static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) + (x == 0 ? "" : "") }
        let s = String(format: "%.10g", x)
        return s.contains("e") ? String(x) : s
    }

    static func quoted(_ s: String) -> String {
        s.contains(where: { ":#{}[],&*!|>'\"%@`".contains($0) }) ? "\"\(s.replacingOccurrences(of: "\"", with: "\\\""))\"" : s
    }
}
