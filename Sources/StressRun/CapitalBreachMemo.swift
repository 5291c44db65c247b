import Foundation

/// The reverse stress's capital-breach multiplier (METHODOLOGY §2.5) reads the book, the
/// balance sheet, the IRB risk weights and four terms of the framework (its CET1 hurdle,
/// PD floor, approach and rating philosophy), never the scenario. A run computes it once
/// for each such set-up and every scenario sharing it reads the same result: each is a
/// bisection of 10–20 IRB passes over the book, 1–2 s a scenario at 1M exposures.
public final class CapitalBreachMemo: @unchecked Sendable {
    struct Key: Hashable {
        var floor: Double
        var pdFloor: Double
        var irb: Bool
        var ratingPhilosophy: [Double]?
    }

    struct Breach {
        var multiplier: Double?
        var stressedEL: Double?
        var note: String?
    }

    private let lock = NSLock()
    private var breaches: [Key: Breach] = [:]

    /// One per run context: the book, balance sheet and risk weights are the context's.
    public init() {}

    /// How many set-ups it holds.
    var count: Int { lock.withLock { breaches.count } }

    /// The breach for `key`, computed by `compute` the first time (under the lock, so two
    /// scenarios asking at once compute it once).
    func breach(_ key: Key, compute: () -> Breach) -> Breach {
        lock.withLock {
            if let known = breaches[key] { return known }
            let breach = compute()
            breaches[key] = breach
            return breach
        }
    }
}
