import Foundation
import RiskMath

/// Realistic synthetic loan-level data with default outcomes, from a known structure, for
/// tests at scale and benchmarks (`stresspack pd sample`). Twenty characteristics, fifteen
/// numeric and five categorical: fourteen drive the default through the log-odds below,
/// six are noise a screening should drop. Some incomes and employment lengths are missing.
/// `drift` moves the population the way a monitoring sample moves after a downturn
/// (lower incomes, higher utilisation, more enquiries, more renters), so stability tests
/// have something to find. Counter-based draws (Philox): the same seed gives the same
/// loans whatever the thread count or the order of generation.
public enum SyntheticLoans {
    public static let numeric = [
        "age", "income", "debt_to_income", "loan_amount", "term_months", "months_at_address", "months_employed",
        "credit_utilisation", "enquiries_6m", "delinquencies_24m", "loan_to_value", "savings", "open_accounts",
        "months_since_oldest_account", "payment_to_income",
    ]
    public static let categorical = ["employment_type", "housing", "purpose", "region", "channel"]
    static let employment = ["employed", "self-employed", "retired", "unemployed", "student"]
    static let housing = ["own", "mortgage", "rent", "other"]
    static let purposes = ["car", "home improvement", "debt consolidation", "education", "other"]
    static let regions = ["north", "south", "east", "west", "central"]
    static let channels = ["branch", "online", "broker"]

    /// The log-odds of default of one loan: the generating structure a refit should recover
    /// in direction (METHODOLOGY §11).
    static func logOdds(_ x: [Double], employment e: Int, housing h: Int, purpose p: Int) -> Double {
        var eta = -3.6
        eta += -0.025 * (x[0] - 40)                       // older borrowers default less
        eta += x[1].isNaN ? 0.35 : -0.55 * log(x[1] / 40_000)   // income (missing: riskier)
        eta += 1.8 * (x[2] - 0.3)                         // debt to income
        eta += 0.012 * (x[4] - 48) / 12                   // longer terms slightly riskier
        eta += -0.004 * min(x[5], 120)                    // stability at the address
        eta += x[6].isNaN ? 0.25 : -0.006 * min(x[6], 120)      // employment length
        eta += 2.2 * (x[7] - 0.4)                         // credit utilisation
        eta += 0.18 * x[8]                                // enquiries
        eta += 0.65 * x[9]                                // past delinquencies
        eta += 0.9 * max(x[10] - 0.8, 0)                  // high loan-to-value
        eta += 1.5 * (x[14] - 0.15)                       // payment to income
        eta += [0, 0.3, -0.2, 1.1, 0.5][e]
        eta += [-0.3, -0.1, 0.3, 0.4][h]
        eta += [0, -0.1, 0.35, 0.2, 0.15][p]
        return eta
    }

    /// The obligor id column `generate(ids: true)` adds in front.
    public static let idColumn = "obligor_id"

    /// One synthetic borrower: the fifteen numeric characteristics (NaN: missing), the five
    /// categorical ones, and whether the loan defaulted.
    public struct Borrower: Sendable {
        public var numeric: [Double]
        public var categorical: [String]
        public var defaulted: Bool
    }

    /// The stream every synthetic borrower is drawn from; `index` keys the borrower in it.
    public static func stream(seed: UInt64) -> RandomStream { RandomStream(seed: seed, stream: 0x5044_4C4F) }   // "PDLO"

    /// Borrower `index` of `stream`: a pure function of both, so rows can be drawn alone.
    public static func borrower(_ stream: RandomStream, index: Int, drift: Double = 0) -> Borrower {
        let base = UInt64(index) * 24
        func z(_ k: Int) -> Double { stream.normal(base + UInt64(k)) }
        func u(_ k: Int) -> Double { stream.uniform(base + UInt64(k)) }
        func pick(_ k: Int, _ weights: [Double]) -> Int {
            let r = u(k) * weights.reduce(0, +)
            var acc = 0.0
            for (j, w) in weights.enumerated() { acc += w; if r < acc { return j } }
            return weights.count - 1
        }
        let age = min(max(18, 42 + 13 * z(0)), 85)
        let income = exp(log(42_000) - 0.25 * drift + 0.55 * z(1))
        let dti = min(max(0.02, 0.32 + 0.05 * drift + 0.14 * z(2)), 1.2)
        let amount = exp(log(12_000) + 0.8 * z(3))
        let term = [12.0, 24, 36, 48, 60, 72, 84][pick(4, [1, 2, 3, 3, 3, 1, 1])]
        let atAddress = max(0, 60 + 50 * z(5)).rounded()
        let employed = max(0, 70 + 60 * z(6)).rounded()
        let utilisation = 1 / (1 + exp(-(-0.4 + 0.6 * drift + 1.1 * z(7))))
        let enquiries = Double(Int(max(0, 1.2 + 0.8 * drift + 1.3 * z(8)).rounded()))
        let delinquencies = u(9) < 0.08 + 0.04 * drift ? Double(1 + Int(u(10) * 3)) : 0
        let ltv = min(max(0.1, 0.7 + 0.2 * z(11)), 1.3)
        let savings = exp(log(5_000) + 1.2 * z(12))
        let accounts = Double(Int(max(1, 5 + 2.5 * z(13)).rounded()))
        let oldest = max(6, 120 + 70 * z(14)).rounded()
        let pti = min(max(0.01, amount / term * 12 / income), 1.5)
        let e = pick(15, [70, 12, 8, 4 + 3 * drift, 6]), h = pick(16, [30, 35, 30 + 10 * drift, 5])
        let p = pick(17, [30, 20, 30, 8, 12]), region = pick(18, [1, 1, 1, 1, 1]), channel = pick(19, [4, 5, 1])
        let missingIncome = u(20) < 0.03, missingEmployed = u(21) < 0.05
        var x = [age, income, dti, amount, term, atAddress, employed, utilisation, enquiries, delinquencies, ltv, savings,
                 accounts, oldest, pti]
        if missingIncome { x[1] = .nan }
        if missingEmployed { x[6] = .nan }
        let eta = logOdds(x, employment: e, housing: h, purpose: p)
        return Borrower(numeric: x, categorical: [employment[e], housing[h], purposes[p], regions[region], channels[channel]],
                        defaulted: u(22) < 1 / (1 + exp(-eta)))
    }

    /// With `ids`, each loan carries an obligor id: the same seed is the same obligors, so a
    /// sample drawn with drift is those obligors rated again after a downturn (their draws are
    /// the same; the drifted characteristics move), which gives a grade migration.
    public static func generate(count: Int, seed: UInt64, drift: Double = 0, ids: Bool = false) -> LoanSample {
        let stream = stream(seed: seed)
        var numbers = [[Double?]](repeating: [Double?](repeating: nil, count: count), count: numeric.count)
        var texts = [[String?]](repeating: [String?](repeating: nil, count: count), count: categorical.count)
        var defaults = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let b = borrower(stream, index: i, drift: drift)
            defaults[i] = b.defaulted ? 1 : 0
            for j in numeric.indices { numbers[j][i] = b.numeric[j].isNaN ? nil : b.numeric[j] }
            for j in categorical.indices { texts[j][i] = b.categorical[j] }
        }
        let sample = LoanSample(names: numeric + categorical,
                                columns: numbers.map { .numeric($0) } + texts.map { .categorical($0) }, defaults: defaults)
        guard ids else { return sample }
        let obligors = (0..<count).map { String(format: "%llu-%08d", seed, $0 + 1) as String? }
        return LoanSample(names: [idColumn] + sample.names, columns: [.categorical(obligors)] + sample.columns,
                          defaults: defaults)
    }
}
