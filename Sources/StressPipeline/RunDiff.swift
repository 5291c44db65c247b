import RunStore

/// Figure-by-figure comparison of two runs, keyed by (scenario, period, metric).
public enum RunDiff {
    public struct Row {
        public var scenario: String, period: String, metric: String
        public var a: Double?, b: Double?
        public var changed: Bool { a != b }
        public var columns: [String] {
            func f(_ x: Double?) -> String { x.map { String($0) } ?? "-" }
            let change = (a != nil && b != nil) ? String(b! - a!) : "-"
            return [scenario, period, metric, f(a), f(b), change]
        }
    }

    public static func rows(_ a: [RunFigure], _ b: [RunFigure]) -> [Row] {
        struct Key: Hashable { var scenario: String, period: String, metric: String }
        var order: [Key] = []
        var values: [Key: (Double?, Double?)] = [:]
        for f in a {
            let k = Key(scenario: f.scenario, period: f.period, metric: f.metric)
            if values[k] == nil { order.append(k) }
            values[k, default: (nil, nil)].0 = f.value
        }
        for f in b {
            let k = Key(scenario: f.scenario, period: f.period, metric: f.metric)
            if values[k] == nil { order.append(k) }
            values[k, default: (nil, nil)].1 = f.value
        }
        return order.map { Row(scenario: $0.scenario, period: $0.period, metric: $0.metric, a: values[$0]!.0, b: values[$0]!.1) }
    }
}
