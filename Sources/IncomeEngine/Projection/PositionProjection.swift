import Foundation
import StressCore

/// The interest of one banking-book position month by month under given rate paths, on a
/// constant balance sheet (METHODOLOGY §8.1). Months m = 0, 1, …; month m lies in period
/// ⌊m / months per period⌋. Amounts are positive: income for an asset, expense for a
/// liability.
///
/// New-business (repricing) rate in month m, with reference rate R (jump-off R₀), margin μ,
/// pass-through β, lag L months, spread pass-through s and funding-spread shock Δs:
///
///   r_NB(m) = clamp(R₀ + μ + β·(R(m − L) − R₀) + s·Δs(m), floor, cap),   R(m) = R₀ for m < 0
///
/// Non-maturity deposits are administered: the whole balance pays
///   r(m) = clamp(c₀ + β·(R(m − L) − R₀) + s·Δs(m), floor, cap)
/// every month (c₀ the jump-off customer rate).
///
/// Every other position is a set of tranches. The jump-off stock (amount N at the customer
/// rate c₀) and each tranche of new business written in month v (at r_NB(v)) reprice on the
/// position's schedule h (`RepricingSchedule`); a prepayment rate p per year prepays
/// SMM = 1 − (1 − p)^(1/12) of what is outstanding each month. A tranche of amount a written
/// in month v has outstanding, in month v + j,
///
///   O(j) = a·q^j·(1 − H(j)),   q = 1 − SMM,
///
/// and in month v + j (j ≥ 1) releases a·q^(j−1)·(h(j) + SMM·(1 − H(j))), which is written
/// again as new business in that month at r_NB: the balance stays N. Interest in month m
/// is Σ_tranches O·rate / 12.
struct PositionProjection {
    let position: BankingBook.Position
    let jumpOffReference: Double
    /// Spread pass-through s for this position's product.
    let spreadPassThrough: Double

    /// Interest per month for `months` months.
    /// - Parameters:
    ///   - reference: the reference rate in month m (for m < 0 the jump-off level).
    ///   - spread: the funding-spread shock Δs in month m ≥ 0.
    func monthlyInterest(months: Int, reference: (Int) -> Double, spread: (Int) -> Double) -> [Double] {
        let p = position
        guard p.amount != 0, months > 0 else { return [Double](repeating: 0, count: max(months, 0)) }
        func clamp(_ x: Double) -> Double { min(max(x, p.floor ?? -.infinity), p.cap ?? .infinity) }
        func move(_ m: Int) -> Double {
            p.passThrough * (reference(m - p.lagMonths) - jumpOffReference) + spreadPassThrough * spread(m)
        }

        if p.nonMaturity != nil {
            return (0..<months).map { m in p.amount * clamp(p.customerRate + move(m)) / 12 }
        }

        let schedule = RepricingSchedule(profile: p.repricing, months: months)
        let smm = p.prepaymentRate > 0 ? 1 - pow(1 - p.prepaymentRate, 1.0 / 12) : 0
        let q = 1 - smm
        var qPower = [Double](repeating: 1, count: months + 1)
        for j in 1...months { qPower[j] = qPower[j - 1] * q }

        var start: [Int] = [0], amount: [Double] = [p.amount], rate: [Double] = [p.customerRate]
        var interest = [Double](repeating: 0, count: months)
        for m in 0..<months {
            if m >= 1 {
                var released = 0.0
                for c in start.indices {
                    let j = m - start[c]
                    released += amount[c] * qPower[j - 1] * (schedule.h[j] + smm * (1 - schedule.cumulative[j]))
                }
                if released != 0 {
                    start.append(m)
                    amount.append(released)
                    rate.append(clamp(jumpOffReference + p.margin + move(m)))
                }
            }
            var total = 0.0
            for c in start.indices {
                let j = m - start[c]
                total += amount[c] * qPower[j] * (1 - schedule.cumulative[j]) * rate[c]
            }
            interest[m] = total / 12
        }
        return interest
    }
}
