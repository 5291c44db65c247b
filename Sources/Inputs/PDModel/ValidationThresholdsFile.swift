import PDModel
import StressCore

/// `tables/pd-validation-thresholds.yaml` (INTERFACES "PD model file"): each test's amber
/// and red thresholds. Every key is required, so a policy file says what it decides.
public enum ValidationThresholdsFile {
    static let keys = ["auc", "psi", "csi", "jeffreys_p_value", "binomial_p_value", "hosmer_lemeshow_p_value",
                       "spiegelhalter_p_value", "herfindahl"]

    public static func load(path: String) throws(InputError) -> ValidationThresholds {
        let text = try YAMLDocument.read(path: path)
        guard let root = try YAMLDocument.compose(text, file: path) else {
            throw InputError(file: path, message: "empty file: expected keys \(keys.joined(separator: ", "))")
        }
        let top = try root.mapping(accepting: keys)
        func band(_ key: String, lowIsBad: Bool) throws(InputError) -> ValidationThresholds.Band {
            let value = try top.required(key)
            let m = try value.mapping(accepting: ["amber", "red"])
            let amber = try m.required("amber").number("a threshold"), red = try m.required("red").number("a threshold")
            guard lowIsBad ? red <= amber : red >= amber else {
                throw value.error("red (\(red)) must be \(lowIsBad ? "at or below" : "at or above") amber (\(amber))")
            }
            return .init(amber: amber, red: red)
        }
        var t = ValidationThresholds()
        t.auc = try band("auc", lowIsBad: true)
        t.psi = try band("psi", lowIsBad: false)
        t.csi = try band("csi", lowIsBad: false)
        t.jeffreys = try band("jeffreys_p_value", lowIsBad: true)
        t.binomial = try band("binomial_p_value", lowIsBad: true)
        t.hosmerLemeshow = try band("hosmer_lemeshow_p_value", lowIsBad: true)
        t.spiegelhalter = try band("spiegelhalter_p_value", lowIsBad: true)
        t.herfindahl = try band("herfindahl", lowIsBad: false)
        return t
    }
}
