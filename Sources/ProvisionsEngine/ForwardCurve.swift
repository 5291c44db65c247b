import Foundation

/// One exposure's forward PD and LGD path (METHODOLOGY §9): the scenario's periods, then a
/// straight-line reversion over `reversionSteps` to the long-run (through-the-cycle) PD and
/// LGD, then the long-run values for the rest of the exposure's life (IFRS 9 B5.5.49–B5.5.54
/// on forecasts beyond the reasonable horizon; ASC 326-20-30-9 on reversion).
///
/// At the end of period t, over K steps of Δ years (K = ⌈remaining term / Δ⌉):
///
///   lifetime ECL  = Σ_{k=1..K} S_{k−1}·q_{t+k}·LGD_{t+k}·A^{k−1}·d^k,   S_k = Π_{j≤k}(1 − q_{t+j})
///   12-month ECL  = the same sum over the steps of the first year (at most K)
///   lifetime PD   = 1 − S_K
///
/// with q the per-step PD 1 − (1 − PD)^Δ, A = 1 − amortisation·Δ the balance left after a
/// step and d = (1 + EIR)^−Δ (IFRS 9 B5.5.44: discounted at the effective interest rate).
/// Steps after the reversion have a constant q and LGD and are summed in closed form, so a
/// thirty-year mortgage costs as little as a one-year loan. The per-step PDs and LGDs of
/// the scenario and the reversion are computed once per exposure (`load`), into scratch
/// buffers owned by the caller.
struct ForwardCurve {
    let step: Double
    let periods: Int
    let reversionSteps: Int
    /// q and LGD of steps 1 … periods + reversionSteps (index u − 1).
    let q: UnsafeMutableBufferPointer<Double>
    let lgd: UnsafeMutableBufferPointer<Double>
    private(set) var longRunQ = 0.0
    private(set) var longRunLGD = 0.0

    init(step: Double, periods: Int, reversionSteps: Int, scratchQ: UnsafeMutableBufferPointer<Double>,
         scratchLGD: UnsafeMutableBufferPointer<Double>) {
        precondition(scratchQ.count >= periods + reversionSteps && scratchLGD.count >= periods + reversionSteps,
                     "ForwardCurve: scratch buffers too small")
        self.step = step
        self.periods = periods
        self.reversionSteps = reversionSteps
        q = scratchQ
        lgd = scratchLGD
    }

    @inline(__always)
    func stepPD(_ annual: Double) -> Double { ForwardCurve.stepPD(annual, step: step) }

    /// 1 − (1 − PD)^Δ; a quarter is two square roots, not a `pow`.
    @inline(__always)
    static func stepPD(_ annual: Double, step: Double) -> Double {
        if step == 1 { return annual }
        let survival = max(1 - annual, 0)
        return step == 0.25 ? 1 - survival.squareRoot().squareRoot() : 1 - pow(survival, step)
    }

    /// (1 + r)^−Δ.
    @inline(__always)
    static func discountFactor(eir: Double, step: Double) -> Double {
        if step == 1 { return 1 / (1 + eir) }
        return step == 0.25 ? 1 / (1 + eir).squareRoot().squareRoot() : pow(1 + eir, -step)
    }

    /// x^n for a whole n ≥ 0 by repeated squaring (a few multiplications, n·ε accuracy).
    @inline(__always)
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    /// Loads an exposure: the scenario's annual PDs and LGDs (`periods` of each, from
    /// `offset`; none for the flat jump-off curve) and the long-run PD and LGD.
    mutating func load(pd: UnsafeBufferPointer<Double>, lgd pathLGD: UnsafeBufferPointer<Double>, offset: Int,
                       scenarioPeriods: Int, longRunPD: Double, longRunLGD: Double) {
        longRunQ = stepPD(min(longRunPD, 1))
        self.longRunLGD = longRunLGD
        var lastPD = min(longRunPD, 1), lastLGD = longRunLGD
        for u in 0..<scenarioPeriods {
            lastPD = pd[offset + u]
            lastLGD = pathLGD[offset + u]
            q[u] = stepPD(lastPD)
            lgd[u] = lastLGD
        }
        for k in 0..<(periods + reversionSteps - scenarioPeriods) where k + scenarioPeriods < q.count {
            let u = scenarioPeriods + k
            if u < periods {
                q[u] = longRunQ; lgd[u] = longRunLGD
                continue
            }
            let share = Double(u - periods + 1) / Double(reversionSteps)
            q[u] = stepPD(lastPD + (min(longRunPD, 1) - lastPD) * share)
            lgd[u] = lastLGD + (longRunLGD - lastLGD) * share
        }
    }

    struct Evaluation {
        var twelveMonthECL: Double
        var lifetimeECL: Double
        var lifetimePD: Double
    }

    /// ECL per unit of exposure and lifetime PD at the end of period t (see the type's comment).
    func evaluate(after t: Int, remainingYears: Double, discount d: Double, amortisation: Double) -> Evaluation {
        let k = max(1, Int((remainingYears / step - 1e-9).rounded(.up)))
        let yearSteps = max(1, Int((1 / step).rounded()))
        let a = max(1 - amortisation * step, 0)
        let available = periods + reversionSteps - t
        let explicit = min(k, max(available, 0))
        var survival = 1.0, balance = 1.0, discount = 1.0, sum = 0.0, twelveMonth = 0.0
        var j = 0
        while j < explicit {
            discount *= d
            let qj = q[t + j]
            sum += survival * qj * lgd[t + j] * balance * discount
            survival *= 1 - qj
            balance *= a
            j += 1
            if j == yearSteps { twelveMonth = sum }
        }
        let rest = k - explicit
        if rest > 0 {
            // Constant q and LGD: Σ_{m<rest} x^m with x = (1 − q)·A·d.
            let x = (1 - longRunQ) * a * d
            func geometric(_ n: Int) -> Double {
                abs(1 - x) < 1e-15 ? Double(n) : (1 - ForwardCurve.power(x, n)) / (1 - x)
            }
            let head = survival * longRunQ * longRunLGD * balance * discount * d
            if explicit < yearSteps { twelveMonth = sum + head * geometric(min(rest, yearSteps - explicit)) }
            sum += head * geometric(rest)
            survival *= ForwardCurve.power(1 - longRunQ, rest)
        }
        if k < yearSteps || (explicit < yearSteps && rest == 0) { twelveMonth = sum }
        return Evaluation(twelveMonthECL: twelveMonth, lifetimeECL: sum, lifetimePD: 1 - survival)
    }
}
