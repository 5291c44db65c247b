import Foundation
@testable import IncomeEngine
import StressCore

/// Small books and scenarios whose figures can be worked on paper.
enum Fixtures {
    /// A position repricing wholly in one bucket.
    static func position(_ name: String, _ product: BankingBook.Product, amount: Double, reference: ReferenceRate,
                         margin: Double, customerRate: Double, bucket: String, passThrough: Double = 1,
                         floor: Double? = nil, lagMonths: Int = 0, prepayment: Double = 0,
                         nonMaturity: BankingBook.NonMaturity? = nil) -> BankingBook.Position {
        BankingBook.Position(
            name: name, product: product, amount: amount, rateType: bucket == "overnight" ? .floating : .fixed,
            referenceRate: reference, margin: margin, customerRate: customerRate,
            repricing: BankingBook.Position.profile([bucket: 1]), passThrough: passThrough, floor: floor,
            lagMonths: lagMonths, nonMaturity: nonMaturity, prepaymentRate: prepayment)
    }

    static func scenario(_ framework: Framework = .eba, severity: Severity = .adverse, periods: Int = 3,
                         variables: [String: [Double]] = [:], id: String = "test") -> Scenario {
        let quarterly = framework == .ccar
        let labels = (0..<periods).map { quarterly ? "2026Q\($0 % 4 + 1)" : String(2026 + $0) }
        return Scenario(id: id, framework: framework, name: id, severity: severity,
                        frequency: quarterly ? .quarterly : .annual, periods: labels, source: "test",
                        variables: variables.map { ScenarioVariable(name: $0.key, values: $0.value) })
    }

    static func project(_ book: BankingBook, _ scenario: Scenario, nonInterest: NonInterestLines? = nil,
                        rules: IncomeRules? = nil, scenarioJumpOff: [String: Double] = [:],
                        nonAccrual: [String: [Double]]? = nil, currency: String = "EUR") -> IncomeResult {
        IncomeProjection.project(.init(bankingBook: book, nonInterest: nonInterest, scenario: scenario,
                                       currency: currency, rules: rules, scenarioJumpOff: scenarioJumpOff,
                                       nonAccrual: nonAccrual))
    }

    /// A repeatable generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * next() }
        mutating func pick<T>(_ xs: [T]) -> T { xs[min(Int(next() * Double(xs.count)), xs.count - 1)] }
    }

    /// A random book: loans, securities, deposits and funding with random profiles, betas,
    /// floors, lags and prepayment; customer rates either at new-business levels (`priced`)
    /// or off them.
    static func randomBook(_ rng: inout Random, priced: Bool) -> BankingBook {
        let rates: [ReferenceRate: Double] = [.policyRate: rng.uniform(0, 0.04), .shortRate: rng.uniform(0, 0.04),
                                              .twoYear: rng.uniform(0, 0.045), .fiveYear: rng.uniform(0, 0.05),
                                              .tenYear: rng.uniform(0, 0.05)]
        let products: [BankingBook.Product] = [.mortgages, .corporateLoans, .consumerLoans, .securities,
                                               .retailDeposits, .termDeposits, .wholesaleFunding, .bondsIssued]
        var positions: [BankingBook.Position] = []
        for (i, product) in products.enumerated() {
            let reference = rng.pick(Array(rates.keys).sorted { $0.tenor < $1.tenor })
            let margin = product.side == .asset ? rng.uniform(0, 0.03) : rng.uniform(-0.02, 0.01)
            let customer = priced ? rates[reference]! + margin : rates[reference]! + margin + rng.uniform(-0.01, 0.01)
            var profile = RepricingBucket.standard.map { _ in rng.next() < 0.3 ? rng.next() : 0 }
            if profile.allSatisfy({ $0 == 0 }) { profile[0] = 1 }
            let total = profile.reduce(0, +)
            profile = profile.map { $0 / total }
            let nonMaturity = product.isNonMaturityDeposit
                ? BankingBook.NonMaturity(coreShare: rng.uniform(0.3, 0.9), behaviouralMaturity: rng.uniform(1, 5),
                                          category: .retailTransactional) : nil
            positions.append(BankingBook.Position(
                name: "p\(i)", product: product, amount: rng.uniform(1e8, 1e10).rounded(),
                rateType: .fixed, referenceRate: reference, margin: margin, customerRate: customer,
                repricing: nonMaturity?.repricingProfile ?? profile,
                passThrough: product.isNonMaturityDeposit ? rng.uniform(0.2, 0.8) : 1,
                floor: product.isNonMaturityDeposit && rng.next() < 0.5 && customer >= 0 ? 0 : nil,
                lagMonths: Int(rng.uniform(0, 4)), nonMaturity: nonMaturity,
                prepaymentRate: product.side == .asset && rng.next() < 0.5 ? rng.uniform(0, 0.1) : 0))
        }
        return BankingBook(referenceRates: rates, positions: positions)
    }
}
