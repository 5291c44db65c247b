import StressCore

/// Checks a map of balances against the categories of a rate table: every name
/// must be known and every amount finite and ≥ 0. Names are visited in sorted
/// order, so the first problem reported does not depend on dictionary order.
enum PositionCheck {
    static func check<Rate>(_ amounts: [String: Double], against rates: [String: Rate],
                            section: PositionSection) throws(LiquidityError) -> [(name: String, amount: Double, rate: Rate)] {
        var checked: [(name: String, amount: Double, rate: Rate)] = []
        checked.reserveCapacity(amounts.count)
        for (name, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            guard let rate = rates[name] else {
                throw .unknownCategory(section, name, accepted: Array(rates.keys))
            }
            guard amount.isFinite, amount >= 0 else { throw .invalidAmount(section, name, amount) }
            checked.append((name, amount, rate))
        }
        return checked
    }
}
