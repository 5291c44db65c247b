import StressCore

/// Loads a balance sheet file (INTERFACES.md, "Balance sheet file") into a validated
/// `BalanceSheet`. Amounts are in `currency` units and must be finite and ≥ 0 (CET1,
/// RWA and the leverage exposure > 0, as ratios divide by them); rates and ratios
/// are fractions in [0, 1]. PPNR, net interest income and the duration gap may be
/// negative. Errors carry line, column and key path, as for scenarios. `banking_book:` and
/// `non_interest:` (the income engine's inputs) are checked by `BankingBookSection` and
/// `NonInterestSection`.
public enum BalanceSheetFile {
    static let requiredKeys = ["as_of", "currency", "capital"]
    static let acceptedKeys = requiredKeys + ["bank", "income", "liquidity", "rbi", "banking_book", "non_interest",
                                              "description", "notes"]

    public static func load(path: String) throws(InputError) -> LoadedBalanceSheet {
        try parse(text: try YAMLDocument.read(path: path), file: path)
    }

    public static func parse(text: String, file: String) throws(InputError) -> LoadedBalanceSheet {
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw InputError(file: file, message: "empty file: expected a balance sheet with keys "
                             + requiredKeys.joined(separator: ", "))
        }
        let top = try root.mapping(accepting: acceptedKeys)
        for key in requiredKeys { _ = try top.required(key) }

        let asOf = try CalendarDate.validate(try top.required("as_of"))
        let currency = try currencyCode(try top.required("currency"))
        let capital = try BalanceSheetSections.capital(try top.required("capital"))
        let income = try top.optional("income").map { value throws(InputError) in try BalanceSheetSections.income(value) } ?? .init()
        let liquidity = try top.optional("liquidity").map { value throws(InputError) in try BalanceSheetSections.liquidity(value) }
        let rbi = try top.optional("rbi").map { value throws(InputError) in try BalanceSheetSections.rbi(value) }
        let bankingBook = try top.optional("banking_book").map { value throws(InputError) in try BankingBookSection.parse(value) }
        let nonInterest = try top.optional("non_interest").map { value throws(InputError) in try NonInterestSection.parse(value) }

        let bank = try top.optional("bank").map { value throws(InputError) in try value.text() }
        let sheet = BalanceSheet(asOf: asOf, currency: currency, capital: capital, income: income,
                                 liquidity: liquidity, rbi: rbi, bank: bank, bankingBook: bankingBook,
                                 nonInterest: nonInterest)
        return LoadedBalanceSheet(balanceSheet: sheet, findings: [])
    }

    /// An ISO 4217 code: three capital letters.
    private static func currencyCode(_ value: YAMLValue) throws(InputError) -> String {
        let code = try value.text()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw value.error("expected a three-letter currency code in capitals (ISO 4217, e.g. EUR), found '\(code)'")
        }
        return code
    }
}
