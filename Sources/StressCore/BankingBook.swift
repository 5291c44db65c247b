/// The bank's interest-bearing banking book at the jump-off date (INTERFACES.md, "Balance
/// sheet file", `banking_book:`): positions by product, each with how it is priced and
/// when it reprices, and the jump-off levels of the reference rates they are priced from.
/// Amounts are in the balance sheet's currency; rates are fractions, per year.
///
/// The income engine projects net interest income from it under a scenario's rate paths
/// (METHODOLOGY §8.1) and measures interest rate risk in the banking book (ΔEVE, ΔNII under
/// the BCBS d368 shocks, the RBI duration gap; §8.3).
public struct BankingBook: Sendable, Equatable {
    /// Jump-off levels of the reference rates the positions are priced from.
    public var referenceRates: [ReferenceRate: Double]
    public var positions: [Position]
    /// The last reported annual net interest income, when given: the starting point of the
    /// EBA's cap on NII in the adverse scenario. The run-rate of the positions stands in
    /// when it is absent.
    public var reportedNetInterestIncome: Double?

    public init(referenceRates: [ReferenceRate: Double], positions: [Position],
                reportedNetInterestIncome: Double? = nil) {
        self.referenceRates = referenceRates
        self.positions = positions
        self.reportedNetInterestIncome = reportedNetInterestIncome
    }

    public var assets: [Position] { positions.filter { $0.side == .asset } }
    public var liabilities: [Position] { positions.filter { $0.side == .liability } }
    public var totalAssets: Double { assets.reduce(0) { $0 + $1.amount } }
    public var totalLiabilities: Double { liabilities.reduce(0) { $0 + $1.amount } }

    /// Annual net interest income at the jump-off rates: Σ assets amount × customer rate −
    /// Σ liabilities amount × customer rate (the run-rate of the book as it stands).
    public var runRateNetInterestIncome: Double {
        positions.reduce(0) { $0 + ($1.side == .asset ? 1 : -1) * $1.amount * $1.customerRate }
    }
}

extension BankingBook {
    public enum Side: String, Sendable, CaseIterable, Codable {
        case asset, liability
    }

    /// What a position is. The product fixes its side of the balance sheet.
    public enum Product: String, Sendable, CaseIterable, Codable {
        case mortgages
        case corporateLoans = "corporate_loans"
        case smeLoans = "sme_loans"
        case commercialRealEstate = "commercial_real_estate"
        case consumerLoans = "consumer_loans"
        case cards
        case interbankLoans = "interbank_loans"
        case securities
        case centralBankReserves = "central_bank_reserves"
        /// Sight and savings deposits of households: non-maturity deposits.
        case retailDeposits = "retail_deposits"
        /// Sight deposits of firms: non-maturity deposits.
        case corporateDeposits = "corporate_deposits"
        /// Term deposits of households and firms, with a contractual maturity.
        case termDeposits = "term_deposits"
        /// Interbank and repo funding, central bank borrowing.
        case wholesaleFunding = "wholesale_funding"
        /// Covered bonds, senior and subordinated debt issued.
        case bondsIssued = "bonds_issued"

        public var side: Side {
            switch self {
            case .retailDeposits, .corporateDeposits, .termDeposits, .wholesaleFunding, .bondsIssued: return .liability
            default: return .asset
            }
        }

        /// Non-maturity deposits: the customer rate is administered on the whole balance.
        public var isNonMaturityDeposit: Bool { self == .retailDeposits || self == .corporateDeposits }

        /// Funding priced at the bank's own market spread (the EBA's funding-spread pass-through).
        public var isMarketFunding: Bool { self == .wholesaleFunding || self == .bondsIssued }

        /// The product of a portfolio asset class (the credit engine's segments → the banking
        /// book, e.g. for non-accrual shares).
        public init(assetClass: AssetClass) {
            switch assetClass {
            case .residentialMortgage: self = .mortgages
            case .corporate: self = .corporateLoans
            case .sme: self = .smeLoans
            case .cre: self = .commercialRealEstate
            case .otherRetail: self = .consumerLoans
            case .qrre: self = .cards
            case .bank: self = .interbankLoans
            case .sovereign: self = .securities
            }
        }

        public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    public enum RateType: String, Sendable, CaseIterable, Codable {
        case fixed, floating
    }

    /// Behavioural assumptions of a non-maturity deposit (BCBS d368 standardised framework):
    /// the stable ("core") share and the average repricing maturity of the core, within the
    /// caps of its category.
    public struct NonMaturity: Sendable, Equatable {
        public enum Category: String, Sendable, CaseIterable, Codable {
            case retailTransactional = "retail_transactional"
            case retailNonTransactional = "retail_non_transactional"
            case wholesale

            /// d368's caps on the core share and on the core's average repricing maturity
            /// (years): retail transactional 90% / 5, retail non-transactional 70% / 4.5,
            /// wholesale 50% / 4 (BCBS d368 standardised framework; the table's number in
            /// SRP31 is not confirmed here).
            public var caps: (coreShare: Double, averageMaturity: Double) {
                switch self {
                case .retailTransactional: return (0.90, 5)
                case .retailNonTransactional: return (0.70, 4.5)
                case .wholesale: return (0.50, 4)
                }
            }

            public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
        }

        public var coreShare: Double
        /// Average repricing maturity of the core, in years.
        public var behaviouralMaturity: Double
        public var category: Category

        public init(coreShare: Double, behaviouralMaturity: Double, category: Category) {
            self.coreShare = coreShare
            self.behaviouralMaturity = behaviouralMaturity
            self.category = category
        }

        /// The repricing profile over `RepricingBucket.standard`: the non-core share reprices
        /// overnight; the core runs off evenly over [0, 2M] (average life M), so each bucket
        /// holds the core in proportion to its overlap with that interval.
        public var repricingProfile: [Double] {
            let horizon = 2 * behaviouralMaturity
            var profile = RepricingBucket.standard.map { bucket -> Double in
                guard bucket.label != "overnight" else { return 0 }
                let overlap = max(0, min(bucket.upper, horizon) - max(bucket.lower, 1.0 / 365))
                return coreShare * overlap / (horizon - 1.0 / 365)
            }
            profile[0] += 1 - coreShare
            return profile
        }
    }

    public struct Position: Sendable, Equatable {
        /// Unique within the book, e.g. "Retail mortgages".
        public var name: String
        public var product: Product
        public var amount: Double
        public var rateType: RateType
        public var referenceRate: ReferenceRate
        /// The new-business spread over the reference rate: at repricing the position takes
        /// reference rate + margin (before pass-through and floors).
        public var margin: Double
        /// The rate the position earns or pays at jump-off (its back book).
        public var customerRate: Double
        /// Fractions of the amount repricing in each of `RepricingBucket.standard`; they sum
        /// to 1. For a non-maturity deposit, the behavioural profile (used for ΔEVE).
        public var repricing: [Double]
        /// β: the share of a change in the reference rate passed to the customer rate.
        public var passThrough: Double
        /// Bounds on the customer rate (e.g. a zero floor on deposit rates).
        public var floor: Double?
        public var cap: Double?
        /// Months before a change in the reference rate reaches the customer rate.
        public var lagMonths: Int
        /// Behavioural assumptions of a non-maturity deposit; nil for every other product.
        public var nonMaturity: NonMaturity?
        /// Constant prepayment rate per year (assets): prepaid amounts reprice as new business.
        public var prepaymentRate: Double

        public init(name: String, product: Product, amount: Double, rateType: RateType,
                    referenceRate: ReferenceRate, margin: Double, customerRate: Double, repricing: [Double],
                    passThrough: Double = 1, floor: Double? = nil, cap: Double? = nil, lagMonths: Int = 0,
                    nonMaturity: NonMaturity? = nil, prepaymentRate: Double = 0) {
            precondition(repricing.count == RepricingBucket.standard.count, "BankingBook.Position: one fraction per bucket")
            self.name = name
            self.product = product
            self.amount = amount
            self.rateType = rateType
            self.referenceRate = referenceRate
            self.margin = margin
            self.customerRate = customerRate
            self.repricing = repricing
            self.passThrough = passThrough
            self.floor = floor
            self.cap = cap
            self.lagMonths = lagMonths
            self.nonMaturity = nonMaturity
            self.prepaymentRate = prepaymentRate
        }

        public var side: Side { product.side }

        /// A repricing profile from bucket labels (`1y`, `over_20y`) to fractions; buckets not
        /// named hold nothing.
        public static func profile(_ fractions: [String: Double]) -> [Double] {
            RepricingBucket.standard.map { fractions[$0.label] ?? 0 }
        }
    }
}
