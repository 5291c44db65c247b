import StressCore

/// The sample bank's banking book and non-interest lines (docs/INCOME-NOTES.md): loan
/// balances from the portfolio's segments (drawn amounts), deposits and funding from the
/// balance sheet's liquidity categories, securities and central bank reserves from HQLA;
/// priced at end-2025 euro rates with margins typical of a German universal bank, and the
/// mortgage back book's rate set so that the run-rate NII equals `rbi.net_interest_income`
/// (1.8% of the leverage exposure). Non-interest lines give a jump-off PPNR of 1.0% of the
/// leverage exposure, the figure the fixed `income.ppnr` list used to start from.
enum SampleBankingBook {
    /// End-2025 euro rates: ECB deposit facility 2.00%, 3-month Euribor, swap rates.
    static let referenceRates: [ReferenceRate: Double] = [
        .policyRate: 0.02, .shortRate: 0.0205, .twoYear: 0.0225, .fiveYear: 0.0245, .tenYear: 0.0275,
    ]

    /// Shares of the leverage exposure.
    static let reservesShare = 0.04          // of level 1 HQLA, held at the central bank
    static let sightAndSavingsShare = 0.39   // of the 0.45 retail deposits; the rest are term deposits
    static let termDepositShare = 0.06

    struct Segment {
        var name: String
        var product: BankingBook.Product
        var rateType: BankingBook.RateType
        var reference: ReferenceRate
        var margin: Double
        /// nil: priced at new-business rates (reference + margin).
        var customerRate: Double?
        var repricing: [String: Double]
        var passThrough: Double = 1
        var lagMonths: Int = 0
        var prepayment: Double = 0
    }

    /// Loans and bonds by portfolio segment (the sovereign segment: bonds held in the banking
    /// book, beside the HQLA below, as the sample balance sheet counts them).
    static let loans: [String: Segment] = [
        "Retail mortgages": Segment(
            name: "Retail mortgages", product: .mortgages, rateType: .fixed, reference: .tenYear, margin: 0.0105,
            customerRate: nil,
            repricing: ["3m": 0.02, "6m": 0.02, "9m": 0.02, "1y": 0.02, "1.5y": 0.04, "2y": 0.04, "3y": 0.09, "4y": 0.09,
                        "5y": 0.09, "6y": 0.09, "7y": 0.09, "8y": 0.09, "9y": 0.09, "10y": 0.09, "15y": 0.12],
            prepayment: 0.03),
        "Credit cards": Segment(
            name: "Credit cards", product: .cards, rateType: .floating, reference: .policyRate, margin: 0.1,
            customerRate: nil, repricing: ["overnight": 1], passThrough: 0.5, lagMonths: 3),
        "Consumer loans": Segment(
            name: "Consumer loans", product: .consumerLoans, rateType: .fixed, reference: .twoYear, margin: 0.045,
            customerRate: 0.064, repricing: ["6m": 0.1, "1y": 0.15, "2y": 0.25, "3y": 0.25, "4y": 0.15, "5y": 0.1],
            prepayment: 0.08),
        "SME lending": Segment(
            name: "SME lending", product: .smeLoans, rateType: .floating, reference: .shortRate, margin: 0.025,
            customerRate: nil, repricing: ["1m": 0.2, "3m": 0.5, "1y": 0.05, "2y": 0.05, "3y": 0.1, "5y": 0.1]),
        "Large corporates": Segment(
            name: "Large corporates", product: .corporateLoans, rateType: .floating, reference: .shortRate,
            margin: 0.017, customerRate: nil, repricing: ["1m": 0.3, "3m": 0.55, "6m": 0.05, "2y": 0.05, "5y": 0.05]),
        "Commercial real estate": Segment(
            name: "Commercial real estate", product: .commercialRealEstate, rateType: .floating, reference: .shortRate,
            margin: 0.021, customerRate: nil,
            repricing: ["3m": 0.4, "1y": 0.1, "2y": 0.1, "3y": 0.15, "5y": 0.15, "7y": 0.1]),
        "Banks": Segment(
            name: "Interbank loans", product: .interbankLoans, rateType: .floating, reference: .shortRate,
            margin: 0.0015, customerRate: nil, repricing: ["1m": 0.5, "3m": 0.3, "6m": 0.1, "1y": 0.1]),
        "Sovereigns": Segment(
            name: "Sovereign bonds", product: .securities, rateType: .fixed, reference: .fiveYear, margin: 0.003,
            customerRate: 0.022, repricing: ["6m": 0.05, "1y": 0.05, "2y": 0.1, "3y": 0.15, "4y": 0.15, "5y": 0.15,
                                             "6y": 0.1, "7y": 0.1, "10y": 0.1, "15y": 0.05]),
    ]

    static func make(totals: SampleBankTotals, leverageExposure le: Double, liquidity: BalanceSheet.Liquidity,
                     netInterestIncome target: Double) -> BankingBook {
        func whole(_ x: Double) -> Double { x.rounded() }
        func rate(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        func position(_ s: Segment, amount: Double, customer: Double? = nil) -> BankingBook.Position {
            let r0 = referenceRates[s.reference]!
            return BankingBook.Position(
                name: s.name, product: s.product, amount: whole(amount), rateType: s.rateType, referenceRate: s.reference,
                margin: s.margin, customerRate: customer ?? s.customerRate ?? rate(r0 + s.margin),
                repricing: BankingBook.Position.profile(s.repricing), passThrough: s.passThrough,
                lagMonths: s.lagMonths, prepaymentRate: s.prepayment)
        }

        // Loans and sovereign bonds: drawn balances by segment, in the profiles' order.
        var loans: [BankingBook.Position] = []
        for (k, profile) in SampleBankProfiles.all.enumerated() {
            guard let segment = self.loans[profile.name] else { continue }
            var drawn = totals.ead[k]
            if case let .revolving(_, _, ccf) = profile.facility { drawn -= ccf * totals.undrawn[k] }
            loans.append(position(segment, amount: max(drawn, 0)))
        }

        // HQLA: reserves at the deposit facility, the rest bonds (sovereign, covered, corporate).
        let hqla = liquidity.hqla.values.reduce(0, +)
        let reserves = BankingBook.Position(
            name: "Central bank reserves", product: .centralBankReserves, amount: whole(reservesShare * le), rateType: .floating,
            referenceRate: .policyRate, margin: 0, customerRate: 0.02, repricing: BankingBook.Position.profile(["overnight": 1]))
        let securities = position(Segment(
            name: "Securities (HQLA)", product: .securities, rateType: .fixed, reference: .fiveYear, margin: 0.002,
            customerRate: 0.021, repricing: ["6m": 0.05, "1y": 0.05, "2y": 0.1, "3y": 0.15, "4y": 0.15, "5y": 0.15,
                                             "6y": 0.1, "7y": 0.1, "10y": 0.1, "15y": 0.05]),
            amount: hqla - reserves.amount)

        // Deposits and funding from the liquidity categories.
        let retail = (liquidity.outflows["retail_stable"] ?? 0) + (liquidity.outflows["retail_less_stable"] ?? 0)
        let corporate = (liquidity.outflows["operational"] ?? 0) + (liquidity.outflows["corporate_non_operational"] ?? 0)
        let term = whole(termDepositShare / (sightAndSavingsShare + termDepositShare) * retail)
        let savingsNM = BankingBook.NonMaturity(coreShare: 0.75, behaviouralMaturity: 4, category: .retailTransactional)
        let savings = BankingBook.Position(
            name: "Sight and savings deposits", product: .retailDeposits, amount: retail - term, rateType: .floating,
            referenceRate: .policyRate, margin: rate(0.003 - 0.02), customerRate: 0.003, repricing: savingsNM.repricingProfile,
            passThrough: 0.35, floor: 0, lagMonths: 3, nonMaturity: savingsNM)
        let termDeposits = position(Segment(
            name: "Term deposits", product: .termDeposits, rateType: .fixed, reference: .shortRate, margin: -0.0015,
            customerRate: 0.0195, repricing: ["3m": 0.25, "6m": 0.25, "1y": 0.3, "2y": 0.2]), amount: term)
        let corporateNM = BankingBook.NonMaturity(coreShare: 0.5, behaviouralMaturity: 2, category: .wholesale)
        let corporateDeposits = BankingBook.Position(
            name: "Corporate deposits", product: .corporateDeposits, amount: corporate, rateType: .floating,
            referenceRate: .policyRate, margin: rate(0.007 - 0.02), customerRate: 0.007, repricing: corporateNM.repricingProfile,
            passThrough: 0.5, floor: 0, lagMonths: 1, nonMaturity: corporateNM)
        let wholesale = position(Segment(
            name: "Wholesale funding", product: .wholesaleFunding, rateType: .floating, reference: .shortRate, margin: 0.001,
            customerRate: nil, repricing: ["overnight": 0.3, "1m": 0.4, "3m": 0.3]),
            amount: liquidity.outflows["financial"] ?? 0)
        let bonds = position(Segment(
            name: "Bonds issued", product: .bondsIssued, rateType: .fixed, reference: .fiveYear, margin: 0.006,
            customerRate: 0.024, repricing: ["1y": 0.1, "2y": 0.1, "3y": 0.15, "4y": 0.15, "5y": 0.15, "6y": 0.1,
                                             "7y": 0.1, "10y": 0.15]),
            amount: liquidity.nsfrAvailable["long_term_wholesale"] ?? 0)

        var positions = loans + [reserves, securities, savings, termDeposits, corporateDeposits, wholesale, bonds]
        // The mortgage back book's rate: the one that makes the run-rate NII the target.
        let index = positions.firstIndex { $0.product == .mortgages }!
        positions[index].customerRate = 0
        let rest = BankingBook(referenceRates: referenceRates, positions: positions).runRateNetInterestIncome
        positions[index].customerRate = rate((target - rest) / positions[index].amount)
        return BankingBook(referenceRates: referenceRates, positions: positions, reportedNetInterestIncome: target)
    }

    /// Fees 0.50%, trading 0.08%, other income 0.02%, operating expenses 1.40% and
    /// operational-risk losses 0.03% of the leverage exposure a year: with NII at 1.80%, a
    /// cost-income ratio of 58% and PPNR of 1.00%.
    static func nonInterest(leverageExposure le: Double) -> NonInterestLines {
        func amount(_ share: Double) -> Double { (share * le).rounded() }
        return NonInterestLines(
            feeIncome: .init(annual: amount(0.005), sensitivities: [
                .init(variable: "gdp_growth", sensitivity: 1.5, neutral: 0.015),
                .init(variable: "equity_index", sensitivity: 0.1)]),
            tradingIncome: .init(annual: amount(0.0008), sensitivities: [
                .init(variable: "equity_index", sensitivity: 0.4),
                .init(variable: "vix", sensitivity: -1, neutral: 0.2)]),
            otherIncome: .init(annual: amount(0.0002)),
            operatingExpenses: .init(annual: amount(0.014), sensitivities: [
                .init(variable: "inflation", sensitivity: 0.6)], cumulative: true),
            operationalRiskLosses: .init(annual: amount(0.0003), sensitivities: [
                .init(variable: "gdp_growth", sensitivity: -2, neutral: 0.015)]))
    }
}
