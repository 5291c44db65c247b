import Foundation
import StressCore

/// The banking book's repricing cash flows slotted into the 19 standard buckets at their
/// midpoints (BCBS d368 standardised framework), assets positive and liabilities negative.
///
/// Per position of amount N, repricing profile f_j (j over the buckets, midpoint t_j), and
/// a prepayment rate p (λ = −ln(1 − p)):
/// - principal: tranche j repays (or reprices) N·f_j·e^(−λ·t_j) at t_j and prepays
///   N·f_j·(e^(−λ·lo_k) − e^(−λ·min(hi_k, t_j))) in each bucket k it is alive in
///   (lo_k < t_j), slotted at bucket k's midpoint;
/// - interest (`InterestCashFlows.customerRate`): tranche j pays c·N·f_j·∫ e^(−λs) ds over
///   the part of bucket k before t_j, at the jump-off customer rate c, slotted at bucket k's
///   midpoint. d368 leaves commercial margins to the bank (they may be left out:
///   `InterestCashFlows.none` slots principal only).
///
/// Non-maturity deposits use their behavioural profile (the non-core overnight, the core
/// over its behavioural maturity; `BankingBook.NonMaturity.repricingProfile`) unless the
/// file gives one.
public struct CashFlowLadder: Sendable, Equatable, Codable {
    public enum InterestCashFlows: String, Sendable, Codable {
        case none
        case customerRate = "customer_rate"
    }

    public var midpoints: [Double]
    public var assets: [Double]
    public var liabilities: [Double]
    /// assets − liabilities per bucket.
    public var net: [Double]

    public init(book: BankingBook, interest: InterestCashFlows) {
        let buckets = RepricingBucket.standard
        var assets = [Double](repeating: 0, count: buckets.count)
        var liabilities = assets
        for p in book.positions {
            let flows = Self.flows(p, interest: interest)
            for k in buckets.indices {
                if p.side == .asset { assets[k] += flows[k] } else { liabilities[k] += flows[k] }
            }
        }
        midpoints = buckets.map(\.midpoint)
        self.assets = assets
        self.liabilities = liabilities
        net = zip(assets, liabilities).map { $0 - $1 }
    }

    /// A position's cash flows per bucket (positive amounts).
    static func flows(_ p: BankingBook.Position, interest: InterestCashFlows) -> [Double] {
        let buckets = RepricingBucket.standard
        let lambda = p.prepaymentRate > 0 ? -log(1 - min(p.prepaymentRate, 1 - 1e-12)) : 0
        func survival(_ s: Double) -> Double { lambda == 0 ? 1 : exp(-lambda * s) }
        /// ∫_a^b e^(−λs) ds.
        func accrual(_ a: Double, _ b: Double) -> Double {
            guard b > a else { return 0 }
            return lambda == 0 ? b - a : (exp(-lambda * a) - exp(-lambda * b)) / lambda
        }
        var flows = [Double](repeating: 0, count: buckets.count)
        for (j, share) in p.repricing.enumerated() where share > 0 {
            let amount = p.amount * share
            let tj = buckets[j].midpoint
            flows[j] += amount * survival(tj)
            for k in 0...j where buckets[k].lower < tj {
                let end = min(buckets[k].upper, tj)
                flows[k] += amount * (survival(buckets[k].lower) - survival(end))
                if interest == .customerRate {
                    flows[k] += p.customerRate * amount * accrual(buckets[k].lower, end)
                }
            }
        }
        return flows
    }

    enum CodingKeys: String, CodingKey { case midpoints, assets, liabilities, net }
}
