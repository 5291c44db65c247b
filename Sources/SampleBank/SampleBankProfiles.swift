/// The eight segments of the sample bank. Count shares sum to 1; the EAD
/// shares that follow are roughly mortgages 36%, large corporates 25%, SME 12%,
/// sovereigns 12%, CRE 7%, banks 5%, consumer loans 1.5%, cards 0.7%.
enum SampleBankProfiles {
    static let retailCountries = WeightedChoice([("DE", 92), ("AT", 4), ("NL", 2), ("FR", 2)])
    static let corporateCountries = WeightedChoice([
        ("DE", 60), ("FR", 9), ("NL", 7), ("IT", 6), ("ES", 5), ("GB", 5), ("US", 5), ("PL", 3),
    ])
    static let sovereignCountries = WeightedChoice([
        ("DE", 30), ("FR", 15), ("IT", 12), ("ES", 10), ("US", 10), ("NL", 8), ("GB", 5), ("AT", 5), ("BE", 5),
    ])
    static let bankCountries = WeightedChoice([
        ("DE", 30), ("FR", 15), ("GB", 15), ("US", 15), ("NL", 10), ("ES", 5), ("IT", 5), ("CH", 5),
    ])
    static let households = WeightedChoice([("Households", 1)])
    static let realEstate = WeightedChoice([("Real estate", 1)])
    static let government = WeightedChoice([("Government", 1)])
    static let financials = WeightedChoice([("Financial institutions", 1)])
    /// NACE sections, weighted like a German corporate loan book.
    static let corporateSectors = WeightedChoice([
        ("Manufacturing", 24), ("Wholesale and retail trade", 16), ("Construction", 9),
        ("Transport and storage", 8), ("Energy and utilities", 9), ("Information and communication", 6),
        ("Professional services", 8), ("Accommodation and food", 4), ("Agriculture", 3),
        ("Health and social work", 5), ("Real estate activities", 5), ("Mining and quarrying", 3),
    ])

    static let all: [SegmentProfile] = [
        SegmentProfile(name: "Retail mortgages", assetClass: .residentialMortgage, idPrefix: "MTG",
                       countShare: 0.40, pd: .lognormal(median: 0.006, sigma: 0.9),
                       lgdMean: 0.15, lgdSpread: 0.45, lgdFloor: 0.05,
                       amountMedian: 170_000, amountSigma: 0.55, facility: .term,
                       loanToValue: (0.62, 0.18, 0.15, 1.05), hasMaturity: false, turnoverRange: nil,
                       amortisation: 0.04, countries: retailCountries, sectors: households),
        SegmentProfile(name: "Credit cards", assetClass: .qrre, idPrefix: "CRD",
                       countShare: 0.30, pd: .lognormal(median: 0.025, sigma: 0.8),
                       lgdMean: 0.80, lgdSpread: 0.30, lgdFloor: 0.50,
                       amountMedian: 6_000, amountSigma: 0.5,
                       facility: .revolving(utilisationLow: 0.05, utilisationHigh: 0.85, ccf: 0.5),
                       loanToValue: nil, hasMaturity: false, turnoverRange: nil,
                       amortisation: 0, countries: retailCountries, sectors: households),
        SegmentProfile(name: "Consumer loans", assetClass: .otherRetail, idPrefix: "CON",
                       countShare: 0.15, pd: .lognormal(median: 0.03, sigma: 0.8),
                       lgdMean: 0.45, lgdSpread: 0.35, lgdFloor: 0.10,
                       amountMedian: 15_000, amountSigma: 0.6, facility: .term,
                       loanToValue: nil, hasMaturity: false, turnoverRange: nil,
                       amortisation: 0.25, countries: retailCountries, sectors: households),
        SegmentProfile(name: "SME lending", assetClass: .sme, idPrefix: "SME",
                       countShare: 0.08, pd: .graded(weights: [0, 0.01, 0.05, 0.24, 0.40, 0.25, 0.05]),
                       lgdMean: 0.38, lgdSpread: 0.35, lgdFloor: 0.05,
                       amountMedian: 250_000, amountSigma: 0.9,
                       facility: .revolving(utilisationLow: 0.6, utilisationHigh: 1.0, ccf: 0.75),
                       loanToValue: nil, hasMaturity: true, turnoverRange: (2, 50),
                       amortisation: 0.10, countries: corporateCountries, sectors: corporateSectors),
        SegmentProfile(name: "Large corporates", assetClass: .corporate, idPrefix: "COR",
                       countShare: 0.04, pd: .graded(weights: [0.02, 0.06, 0.17, 0.35, 0.25, 0.12, 0.03]),
                       lgdMean: 0.42, lgdSpread: 0.25, lgdFloor: 0.05,
                       amountMedian: 900_000, amountSigma: 1.1,
                       facility: .revolving(utilisationLow: 0.5, utilisationHigh: 1.0, ccf: 0.75),
                       loanToValue: nil, hasMaturity: true, turnoverRange: (50, 5_000),
                       amortisation: 0, countries: corporateCountries, sectors: corporateSectors),
        SegmentProfile(name: "Commercial real estate", assetClass: .cre, idPrefix: "CRE",
                       countShare: 0.02, pd: .graded(weights: [0, 0.02, 0.08, 0.30, 0.38, 0.18, 0.04]),
                       lgdMean: 0.25, lgdSpread: 0.40, lgdFloor: 0.05,
                       amountMedian: 575_000, amountSigma: 0.8, facility: .term,
                       loanToValue: (0.55, 0.15, 0.20, 0.95), hasMaturity: true, turnoverRange: nil,
                       amortisation: 0.05, countries: corporateCountries, sectors: realEstate),
        SegmentProfile(name: "Banks", assetClass: .bank, idPrefix: "BNK",
                       countShare: 0.006, pd: .graded(weights: [0.05, 0.25, 0.45, 0.20, 0.05, 0, 0]),
                       lgdMean: 0.45, lgdSpread: 0, lgdFloor: 0.45,
                       amountMedian: 1_150_000, amountSigma: 1.0, facility: .term,
                       loanToValue: nil, hasMaturity: true, turnoverRange: nil,
                       amortisation: 0, countries: bankCountries, sectors: financials),
        SegmentProfile(name: "Sovereigns", assetClass: .sovereign, idPrefix: "SOV",
                       countShare: 0.004, pd: .graded(weights: [0.35, 0.25, 0.15, 0.15, 0.07, 0.03, 0]),
                       lgdMean: 0.45, lgdSpread: 0, lgdFloor: 0.45,
                       amountMedian: 3_300_000, amountSigma: 1.2, facility: .term,
                       loanToValue: nil, hasMaturity: true, turnoverRange: nil,
                       amortisation: 0, countries: sovereignCountries, sectors: government),
    ]

    static let segmentChoice = WeightedChoice(all.map { ($0.name, $0.countShare) })

    /// Currency of an exposure, by the obligor's country.
    static func currency(forCountry country: String) -> String {
        switch country {
        case "GB": return "GBP"
        case "US": return "USD"
        case "PL": return "PLN"
        case "CH": return "CHF"
        default: return "EUR"
        }
    }
}
