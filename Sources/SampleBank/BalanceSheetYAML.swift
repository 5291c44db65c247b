import StressCore

/// Writes a balance sheet as the YAML of INTERFACES.md ("Balance sheet file"),
/// keys in a fixed order so the file is byte-identical for the same figures.
public enum BalanceSheetYAML {
    public static func render(_ b: BalanceSheet, comment: String? = nil) -> String {
        var out = ""
        if let comment { for line in comment.split(separator: "\n") { out += "# \(line)\n" } }
        if let bank = b.bank { out += "bank: \(bank)\n" }
        out += "as_of: \(b.asOf)\n"
        out += "currency: \(b.currency)\n"
        out += "capital:\n"
        out += "  cet1: \(amount(b.capital.cet1))\n"
        out += "  at1: \(amount(b.capital.at1))\n"
        out += "  tier2: \(amount(b.capital.tier2))\n"
        if let rwa = b.capital.rwa { out += "  rwa: \(amount(rwa))\n" }
        out += "  other_rwa: \(amount(b.capital.otherRWA))\n"
        out += "  leverage_exposure: \(amount(b.capital.leverageExposure))\n"
        out += "  systemic_reference_point: \(rate(b.capital.systemicReferencePoint))\n"
        out += "  countercyclical_buffer: \(rate(b.capital.countercyclicalBuffer))\n"
        out += "  systemic_buffer: \(rate(b.capital.systemicBuffer))\n"
        out += "income:\n"
        if !b.income.ppnr.isEmpty { out += "  ppnr: [\(b.income.ppnr.map(amount).joined(separator: ", "))]\n" }
        out += "  tax_rate: \(rate(b.income.taxRate))\n"
        out += "  distributions: [\(b.income.distributions.map(amount).joined(separator: ", "))]\n"
        out += "  other_losses: [\(b.income.otherLosses.map(amount).joined(separator: ", "))]\n"
        if let l = b.liquidity {
            out += "liquidity:\n"
            out += section("hqla", l.hqla, indent: 2)
            out += section("outflows", l.outflows, indent: 2)
            out += section("inflows", l.inflows, indent: 2)
            out += "  nsfr:\n"
            out += section("asf", l.nsfrAvailable, indent: 4)
            out += section("rsf", l.nsfrRequired, indent: 4)
        }
        if let r = b.rbi {
            out += "rbi:\n"
            out += "  npa_ratio: \(rate(r.npaRatio))\n"
            out += "  car: \(rate(r.car))\n"
            out += "  net_interest_income: \(amount(r.netInterestIncome))\n"
            out += "  total_advances: \(amount(r.totalAdvances))\n"
            out += "  total_assets: \(amount(r.totalAssets))\n"
            out += "  duration_gap: \(r.durationGap)\n"
            out += "  deposits: \(amount(r.deposits))\n"
        }
        if let book = b.bankingBook { out += bankingBook(book) }
        if let lines = b.nonInterest { out += nonInterest(lines) }
        return out
    }

    // MARK: - Income sections

    static func bankingBook(_ book: BankingBook) -> String {
        var out = "banking_book:\n"
        if let nii = book.reportedNetInterestIncome { out += "  net_interest_income: \(amount(nii))\n" }
        let rates = ReferenceRate.allCases.compactMap { r in book.referenceRates[r].map { "\(r.rawValue): \(rate($0))" } }
        out += "  reference_rates: {\(rates.joined(separator: ", "))}\n"
        out += "  positions:\n"
        for p in book.positions {
            out += "    - name: \(quoted(p.name))\n"
            out += "      product: \(p.product.rawValue)\n"
            out += "      amount: \(amount(p.amount))\n"
            out += "      rate_type: \(p.rateType.rawValue)\n"
            out += "      reference_rate: \(p.referenceRate.rawValue)\n"
            out += "      margin: \(rate(p.margin))\n"
            out += "      customer_rate: \(rate(p.customerRate))\n"
            if p.nonMaturity?.repricingProfile != p.repricing {
                let buckets = zip(RepricingBucket.standard, p.repricing).filter { $0.1 != 0 }
                out += "      repricing: {\(buckets.map { "\($0.0.label): \(rate($0.1))" }.joined(separator: ", "))}\n"
            }
            if p.passThrough != 1 { out += "      pass_through: \(rate(p.passThrough))\n" }
            if let floor = p.floor { out += "      floor: \(rate(floor))\n" }
            if let cap = p.cap { out += "      cap: \(rate(cap))\n" }
            if p.lagMonths != 0 { out += "      lag_months: \(p.lagMonths)\n" }
            if p.prepaymentRate != 0 { out += "      prepayment_rate: \(rate(p.prepaymentRate))\n" }
            if let nm = p.nonMaturity {
                out += "      non_maturity: {core_share: \(rate(nm.coreShare)), behavioural_maturity: "
                    + "\(rate(nm.behaviouralMaturity)), category: \(nm.category.rawValue)}\n"
            }
        }
        return out
    }

    static func nonInterest(_ lines: NonInterestLines) -> String {
        var out = "non_interest:\n"
        for (key, line) in lines.lines {
            guard let line else { continue }
            out += "  \(key):\n"
            out += "    annual: \(amount(line.annual))\n"
            if line.cumulative { out += "    cumulative: true\n" }
            if !line.sensitivities.isEmpty {
                let items = line.sensitivities.map {
                    "\($0.variable): {sensitivity: \(rate($0.sensitivity)), neutral: \(rate($0.neutral))}"
                }
                out += "    sensitivities: {\(items.joined(separator: ", "))}\n"
            }
        }
        return out
    }

    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func section(_ name: String, _ values: [String: Double], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = "\(pad)\(name):\n"
        for key in values.keys.sorted() { out += "\(pad)  \(key): \(amount(values[key]!))\n" }
        return out
    }

    /// Whole units with `_` thousands separators (YAML 1.1 style, as INTERFACES.md shows).
    static func amount(_ x: Double) -> String {
        let digits = String(Int64(x.rounded()).magnitude)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += "_" }
            grouped.append(ch)
        }
        return (x < 0 ? "-" : "") + grouped
    }

    /// A rate as a fraction, to 6 decimals, without trailing zeros.
    static func rate(_ x: Double) -> String {
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s += "0" }
        return s
    }
}

import Foundation
