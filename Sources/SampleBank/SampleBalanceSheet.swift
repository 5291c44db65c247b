import StressCore

/// The sample bank's balance sheet, scaled from its portfolio so the ratios
/// hold at any size: CET1 ratio ≈ 14.2%, leverage ratio ≈ 5%, LCR ≈ 140%
/// (stable retail at 5%) and NSFR ≈ 120% under the Basel rates (LCR40, NSFR).
/// Income comes from its banking book and non-interest lines (`SampleBankingBook`,
/// docs/INCOME-NOTES.md): NII 1.8% and PPNR 1.0% of the leverage exposure at jump-off;
/// there is no fixed `income.ppnr` list.
public enum SampleBalanceSheet {
    /// Leverage exposure per unit of credit EAD: cash, trading assets and
    /// off-balance items beside the loan book.
    static let leverageMultiple = 1.30

    public static func make(totals: SampleBankTotals, asOf: String = "2025-12-31") -> BalanceSheet {
        let ead = totals.totalEAD
        let leverageExposure = whole(ead * leverageMultiple)
        let creditRWA = totals.creditRWA
        // Market and operational RWA ≈ 15% of the total, as for a universal bank.
        let otherRWA = whole(creditRWA * 0.18)
        let rwa = whole(creditRWA) + otherRWA
        let cet1 = whole(rwa * 0.142)
        let at1 = whole(rwa * 0.015)
        let tier2 = whole(rwa * 0.022)

        // Distributions: a quarter of a planned profit path of ≈ 1% of the leverage
        // exposure a year, easing slightly over the horizon (the plan the bank's
        // projected PPNR is set against; the projection itself is the income engine's).
        let plannedShape = [1.00, 0.97, 0.95, 0.96, 0.98]
        let distributions = plannedShape.map { whole(whole($0 * 0.010 * leverageExposure) * 0.25) }

        func le(_ fraction: Double) -> Double { whole(fraction * leverageExposure) }
        func segment(_ assetClasses: Set<AssetClass>) -> Double {
            whole(zip(SampleBankProfiles.all, totals.ead).reduce(0) {
                assetClasses.contains($1.0.assetClass) ? $0 + $1.1 : $0
            })
        }
        func undrawn(_ assetClasses: Set<AssetClass>) -> Double {
            whole(zip(SampleBankProfiles.all, totals.undrawn).reduce(0) {
                assetClasses.contains($1.0.assetClass) ? $0 + $1.1 : $0
            })
        }

        let deposits: [String: Double] = [
            "retail_stable": le(0.33), "retail_less_stable": le(0.12), "operational": le(0.08),
            "corporate_non_operational": le(0.07), "financial": le(0.035),
        ]
        let liquidity = BalanceSheet.Liquidity(
            hqla: ["level1": le(0.09), "level2a": le(0.022), "level2b": le(0.008)],
            outflows: deposits.merging([
                "committed_facilities_retail": undrawn([.qrre, .otherRetail, .residentialMortgage]),
                "committed_facilities_corporate": undrawn([.corporate, .sme, .cre]),
            ]) { a, _ in a },
            inflows: ["non_financial": le(0.04), "financial": le(0.02)],
            nsfrAvailable: [
                "regulatory_capital": cet1 + at1 + tier2,
                "retail_stable_deposits": le(0.33), "retail_less_stable_deposits": le(0.12),
                "operational_deposits": le(0.08), "corporate_deposits": le(0.07),
                "financial_short_term": le(0.035), "long_term_wholesale": le(0.20),
                "other_liabilities": le(0.11),
            ],
            nsfrRequired: [
                "level1": le(0.09), "level2a": le(0.022), "level2b": le(0.008),
                "residential_mortgages": segment([.residentialMortgage]),
                "retail_loans": segment([.qrre, .otherRetail]),
                "corporate_loans": segment([.corporate, .sme, .cre]),
                "loans_to_financials": segment([.bank]),
                "other_assets": le(0.12),
                "off_balance_sheet": undrawn(Set(AssetClass.allCases)),
            ])
        let netInterestIncome = le(0.018)
        let rbi = BalanceSheet.RBIInputs(
            npaRatio: 0.028, car: ((cet1 + at1 + tier2) / rwa * 1e6).rounded() / 1e6,
            netInterestIncome: netInterestIncome, totalAdvances: segment(Set(AssetClass.allCases).subtracting([.sovereign])),
            totalAssets: leverageExposure, durationGap: 1.2,
            deposits: deposits.values.reduce(0, +))
        return BalanceSheet(
            asOf: asOf, currency: "EUR",
            capital: .init(cet1: cet1, at1: at1, tier2: tier2, rwa: rwa, otherRWA: otherRWA,
                           leverageExposure: leverageExposure, systemicReferencePoint: 0.01,
                           countercyclicalBuffer: 0.0075, systemicBuffer: 0.01),
            income: .init(taxRate: 0.30, distributions: distributions, otherLosses: [0, 0, 0, 0, 0]),
            liquidity: liquidity, rbi: rbi, bank: "Sample Bank AG",
            bankingBook: SampleBankingBook.make(totals: totals, leverageExposure: leverageExposure, liquidity: liquidity,
                                                netInterestIncome: netInterestIncome),
            nonInterest: SampleBankingBook.nonInterest(leverageExposure: leverageExposure))
    }

    /// Whole currency units: balance sheets are reported in units, not cents.
    static func whole(_ x: Double) -> Double { x.rounded() }
}
