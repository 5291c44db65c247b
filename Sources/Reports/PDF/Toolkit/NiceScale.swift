import Foundation

/// Axis range and ticks on "nice" numbers (Heckbert 1990, extended with 2.5):
/// steps of 1, 2, 2.5 or 5 × 10^k, the smallest that gives at most `maxTicks`
/// ticks covering the data. Ticks are computed as integer multiples divided by
/// an exact power of ten, so 0.1 + 0.2 noise never reaches a label.
/// Degenerate input is widened, never fatal: min == max becomes a band of one
/// unit of its magnitude around it, non-finite bounds fall back to 0…1.
struct NiceScale: Equatable, Sendable {
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]

    init(minimum: Double, maximum: Double, maxTicks: Int = 6, includeZero: Bool = false) {
        self.init(minimum: minimum, maximum: maximum, maxTicks: maxTicks, includeZero: includeZero, quarterSteps: true)
    }

    /// `quarterSteps: false` leaves out 2.5 × 10^k, for labels too coarse to print 2.5.
    init(minimum: Double, maximum: Double, maxTicks: Int, includeZero: Bool, quarterSteps: Bool) {
        var lo = minimum, hi = maximum
        switch (lo.isFinite, hi.isFinite) {
        case (true, true): break
        case (true, false): hi = lo
        case (false, true): lo = hi
        case (false, false): (lo, hi) = (0, 1)
        }
        if lo > hi { swap(&lo, &hi) }
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        let magnitude = max(abs(lo), abs(hi))
        if hi - lo <= magnitude * 1e-9 {
            if magnitude == 0 {
                (lo, hi) = (0, 1)
            } else {
                let unit = pow(10, (log10(magnitude)).rounded(.down))
                (lo, hi) = (lo - unit, hi + unit)
                if includeZero {
                    lo = min(lo, 0)
                    hi = max(hi, 0)
                }
            }
        }
        let count = max(2, maxTicks)
        let raw = (hi - lo) / Double(count - 1)
        // Bounds near ±Double.greatestFiniteMagnitude overflow the span: two ticks, no Int(∞) trap.
        guard raw.isFinite, raw > 0 else {
            lower = lo
            upper = hi
            step = hi - lo
            ticks = [lo, hi]
            return
        }
        let e0 = Int((log10(raw)).rounded(.down))
        // (mantissa as integer, extra decimal exponent): 2.5 = 25 × 10^-1.
        let mantissas: [(Int, Int)] = [(1, 0), (2, 0), (25, -1), (5, 0)]
        var chosen: (n: Int, p: Int, kLo: Int, kHi: Int)?
        search: for e in e0...(e0 + 3) {
            for (n, shift) in mantissas where quarterSteps || n != 25 {
                let p = e + shift
                let step = Double(n) * pow(10, Double(p))
                let kLoD = (lo / step + 1e-9).rounded(.down)
                let kHiD = (hi / step - 1e-9).rounded(.up)
                guard abs(kLoD) < 1e15, abs(kHiD) < 1e15 else { continue }
                let kLo = Int(kLoD), kHi = Int(kHiD)
                if kHi - kLo + 1 <= count {
                    chosen = (n, p, kLo, kHi)
                    break search
                }
            }
        }
        guard let c = chosen else {
            lower = lo
            upper = hi
            step = hi - lo
            ticks = [lo, hi]
            return
        }
        func tick(_ k: Int) -> Double {
            let v = c.p >= 0 ? Double(k * c.n) * pow(10, Double(c.p)) : Double(k * c.n) / pow(10, Double(-c.p))
            return v == 0 ? 0 : v // no −0
        }
        step = c.p >= 0 ? Double(c.n) * pow(10, Double(c.p)) : Double(c.n) / pow(10, Double(-c.p))
        ticks = (c.kLo...max(c.kLo + 1, c.kHi)).map(tick)
        lower = ticks.first ?? lo
        upper = ticks.last ?? hi
    }

    /// A scale whose tick labels, once formatted, still read as equal steps.
    /// A 2.5 step printed with too few decimals ("2%", "5%", "8%") misleads;
    /// then the scale is rebuilt from 1, 2 and 5 steps only.
    static func readable(minimum: Double, maximum: Double, maxTicks: Int, includeZero: Bool = false,
                         format: (Double) -> String) -> NiceScale {
        let scale = NiceScale(minimum: minimum, maximum: maximum, maxTicks: maxTicks, includeZero: includeZero)
        if labelsStepEvenly(scale, format) { return scale }
        return NiceScale(minimum: minimum, maximum: maximum, maxTicks: maxTicks, includeZero: includeZero,
                         quarterSteps: false)
    }

    /// Reads the numbers back out of the labels (digits, point, sign; the unit
    /// must be the same on all) and checks that they step evenly. Labels with
    /// mixed units (750m, 1bn) cannot be judged and pass.
    private static func labelsStepEvenly(_ scale: NiceScale, _ format: (Double) -> String) -> Bool {
        var numbers: [Double] = []
        var unit: String?
        for t in scale.ticks where t != 0 {
            let label = format(t)
            let numeric = label.filter { $0.isNumber || $0 == "." }
            let suffix = label.filter { !($0.isNumber || $0 == "." || $0 == "," || $0 == "−" || $0 == "-" || $0 == "+") }
            guard let v = Double(numeric) else { return true }
            if let unit, unit != suffix { return true }
            unit = suffix
            numbers.append(t < 0 ? -v : v)
        }
        guard numbers.count >= 3 else { return true }
        let d = numbers[1] - numbers[0]
        for i in 1..<numbers.count where abs((numbers[i] - numbers[i - 1]) - d) > abs(d) * 1e-6 {
            // A tick skipped for being zero doubles one gap; allow exactly that.
            if abs((numbers[i] - numbers[i - 1]) - 2 * d) <= abs(d) * 1e-6 { continue }
            return false
        }
        return true
    }

    /// Where `v` falls between lower (0) and upper (1).
    func fraction(_ v: Double) -> Double {
        upper > lower ? (v - lower) / (upper - lower) : 0.5
    }
}
