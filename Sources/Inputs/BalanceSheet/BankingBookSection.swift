import Foundation
import StressCore

/// `banking_book:` (INTERFACES.md, "Balance sheet file"): the jump-off reference rates and
/// the interest-bearing positions, each checked key by key in a fixed order so a file with
/// several problems always reports the same one first.
enum BankingBookSection {
    static let keys = ["reference_rates", "positions", "net_interest_income"]
    static let positionKeys = ["name", "product", "side", "amount", "rate_type", "reference_rate", "margin",
                               "customer_rate", "repricing", "pass_through", "floor", "cap", "lag_months",
                               "non_maturity", "prepayment_rate"]
    static let positionRequired = ["name", "product", "amount", "rate_type", "reference_rate"]
    static let nonMaturityKeys = ["core_share", "behavioural_maturity", "category"]

    static let signedRate = "rate as a fraction, e.g. 0.0125"
    static let amount = BalanceSheetSections.amount
    static let fraction = BalanceSheetSections.rate

    static func parse(_ value: YAMLValue) throws(InputError) -> BankingBook {
        let book = try value.mapping(accepting: keys)
        _ = try book.required("reference_rates")
        _ = try book.required("positions")
        let rates = try referenceRates(try book.required("reference_rates"))

        let list = try book.required("positions")
        let items = try list.sequence()
        guard !items.isEmpty else { throw list.error("expected at least one position") }
        var positions: [BankingBook.Position] = []
        var firstIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let position = try self.position(item, rates: rates)
            if let first = firstIndex[position.name] {
                throw try item.mapping(accepting: positionKeys).required("name")
                    .error("duplicate position name '\(position.name)' (also positions[\(first)])")
            }
            firstIndex[position.name] = index
            positions.append(position)
        }
        let reported = try book.optional("net_interest_income")?.number(amount)
        return BankingBook(referenceRates: rates, positions: positions, reportedNetInterestIncome: reported)
    }

    // MARK: - Reference rates

    private static func referenceRates(_ value: YAMLValue) throws(InputError) -> [ReferenceRate: Double] {
        var rates: [ReferenceRate: Double] = [:]
        for entry in try value.namedEntries() {
            guard let name = ReferenceRate(rawValue: entry.key) else {
                throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                    .error("unknown reference rate '\(entry.key)'; expected one of \(ReferenceRate.allNames)")
            }
            rates[name] = try rate(entry.value)
        }
        guard !rates.isEmpty else {
            throw value.error("expected the jump-off level of at least one reference rate (\(ReferenceRate.allNames))")
        }
        return rates
    }

    /// A rate in [-1, 1], signed (margins of deposits and negative policy rates).
    private static func rate(_ value: YAMLValue) throws(InputError) -> Double {
        let x = try value.number(signedRate)
        guard x >= -1, x <= 1 else {
            throw value.error("expected a rate as a fraction in [-1, 1] (0.02 = 2%), found \(value.sourceText)")
        }
        return x
    }

    // MARK: - Positions

    private static func position(_ value: YAMLValue, rates: [ReferenceRate: Double]) throws(InputError) -> BankingBook.Position {
        let p = try value.mapping(accepting: positionKeys)
        for key in positionRequired { _ = try p.required(key) }

        let name = try p.required("name").text()
        let product = try p.required("product").choice(BankingBook.Product.self, "product")
        if let sideValue = p.optional("side") {
            let side = try sideValue.choice(BankingBook.Side.self, "side")
            guard side == product.side else {
                throw sideValue.error("product '\(product.rawValue)' is \(product.side == .asset ? "an asset" : "a liability"); found side '\(side.rawValue)'")
            }
        }
        let amount = try p.required("amount").number(amount, rule: .amount)
        let rateType = try p.required("rate_type").choice(BankingBook.RateType.self, "rate type")
        let referenceValue = try p.required("reference_rate")
        let reference = try referenceValue.choice(ReferenceRate.self, "reference rate")
        guard let jumpOff = rates[reference] else {
            throw referenceValue.error("no jump-off level for '\(reference.rawValue)': add it to banking_book.reference_rates")
        }

        let marginValue = p.optional("margin"), customerValue = p.optional("customer_rate")
        let margin = try marginValue.map { v throws(InputError) in try rate(v) }
        let customer = try customerValue.map { v throws(InputError) in try rate(v) }
        if margin == nil && customer == nil {
            throw value.child("margin", value.node).error("required key is missing: give margin, customer_rate or both")
        }

        // Non-maturity deposits before the profile: their profile can be derived.
        var nonMaturity: BankingBook.NonMaturity?
        if let nmValue = p.optional("non_maturity") {
            guard product.isNonMaturityDeposit else {
                throw nmValue.error("non_maturity applies to retail_deposits and corporate_deposits only; this position is '\(product.rawValue)'")
            }
            nonMaturity = try self.nonMaturity(nmValue, product: product)
        } else if product.isNonMaturityDeposit {
            throw value.child("non_maturity", value.node)
                .error("required key is missing: \(product.rawValue) are non-maturity deposits; give core_share and behavioural_maturity")
        }
        let repricing: [Double]
        if let profileValue = p.optional("repricing") {
            repricing = try profile(profileValue)
        } else if let nonMaturity {
            repricing = nonMaturity.repricingProfile
        } else {
            _ = try p.required("repricing")
            repricing = []
        }

        let passThrough = try p.optional("pass_through")?.number(fraction, rule: .fraction) ?? 1
        let floor = try p.optional("floor").map { v throws(InputError) in try rate(v) }
        let cap = try p.optional("cap").map { v throws(InputError) in try rate(v) }
        if let floor, let cap, let capValue = p.optional("cap"), cap < floor {
            throw capValue.error("the cap \(capValue.sourceText) is below the floor \(floor)")
        }
        let lag = try p.optional("lag_months").map { v throws(InputError) in try months(v) } ?? 0
        var prepayment = 0.0
        if let value = p.optional("prepayment_rate") {
            prepayment = try value.number(fraction, rule: .fraction)
            guard product.side == .asset || prepayment == 0 else {
                throw value.error("prepayment applies to assets; '\(name)' is a liability (\(product.rawValue))")
            }
        }
        return BankingBook.Position(
            name: name, product: product, amount: amount, rateType: rateType, referenceRate: reference,
            margin: margin ?? (customer! - jumpOff), customerRate: customer ?? (jumpOff + margin!), repricing: repricing,
            passThrough: passThrough, floor: floor, cap: cap, lagMonths: lag, nonMaturity: nonMaturity,
            prepaymentRate: prepayment)
    }

    /// Bucket label → fraction of the amount; the fractions sum to 1 within 1e-5 (fractions
    /// written to six decimals over 19 buckets).
    private static func profile(_ value: YAMLValue) throws(InputError) -> [Double] {
        var fractions = [Double](repeating: 0, count: RepricingBucket.standard.count)
        for entry in try value.namedEntries() {
            guard let index = RepricingBucket.index(of: entry.key) else {
                throw YAMLValue(node: entry.keyNode, path: entry.value.path, file: value.file)
                    .error("unknown repricing bucket '\(entry.key)'; expected one of " + RepricingBucket.labels.joined(separator: ", "))
            }
            fractions[index] = try entry.value.number(fraction, rule: .fraction)
        }
        let sum = fractions.reduce(0, +)
        guard abs(sum - 1) <= 1e-5 else {
            throw value.error("the fractions sum to \(rounded(sum)); expected 1 (every part of the amount reprices in some bucket)")
        }
        return fractions
    }

    private static func months(_ value: YAMLValue) throws(InputError) -> Int {
        let x = try value.number("whole months, e.g. 3")
        guard x >= 0, x <= 120, x == x.rounded() else {
            throw value.error("expected whole months in [0, 120], found \(value.sourceText)")
        }
        return Int(x)
    }

    private static func nonMaturity(_ value: YAMLValue, product: BankingBook.Product) throws(InputError) -> BankingBook.NonMaturity {
        let nm = try value.mapping(accepting: nonMaturityKeys)
        _ = try nm.required("core_share")
        _ = try nm.required("behavioural_maturity")
        let core = try nm.required("core_share").number(fraction, rule: .fraction)
        let maturityValue = try nm.required("behavioural_maturity")
        let maturity = try maturityValue.number("years, e.g. 4.5")
        guard maturity > 0, maturity <= 10 else {
            throw maturityValue.error("expected an average repricing maturity in years in (0, 10], found \(maturityValue.sourceText)")
        }
        let category = try nm.optional("category")?.choice(BankingBook.NonMaturity.Category.self, "non-maturity deposit category")
            ?? (product == .retailDeposits ? .retailNonTransactional : .wholesale)
        return BankingBook.NonMaturity(coreShare: core, behaviouralMaturity: maturity, category: category)
    }

    /// For messages: at most 6 decimals, no trailing zeros.
    static func rounded(_ x: Double) -> String {
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
