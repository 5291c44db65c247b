/// The bank's balance sheet at the jump-off date (INTERFACES.md, "Balance sheet
/// file"). Amounts are in `currency` units; rates are fractions.
public struct BalanceSheet: Sendable, Equatable {
    /// The bank's name, for report covers and the PDF's author; optional.
    public var bank: String?
    public var asOf: String
    public var currency: String
    public var capital: Capital
    public var income: Income
    public var liquidity: Liquidity?
    public var rbi: RBIInputs?
    /// Interest-bearing positions by product (`banking_book:`), for the income engine's NII
    /// projection and IRRBB measures; nil when the file has none.
    public var bankingBook: BankingBook?
    /// Fees, trading and other income, operating expenses and operational-risk losses with
    /// their scenario sensitivities (`non_interest:`); nil when the file has none.
    public var nonInterest: NonInterestLines?

    public init(asOf: String, currency: String, capital: Capital, income: Income,
                liquidity: Liquidity? = nil, rbi: RBIInputs? = nil, bank: String? = nil,
                bankingBook: BankingBook? = nil, nonInterest: NonInterestLines? = nil) {
        self.bank = bank
        self.asOf = asOf
        self.currency = currency
        self.capital = capital
        self.income = income
        self.liquidity = liquidity
        self.rbi = rbi
        self.bankingBook = bankingBook
        self.nonInterest = nonInterest
    }

    public struct Capital: Sendable, Equatable {
        public var cet1: Double
        public var at1: Double
        public var tier2: Double
        /// Total RWA; computed from the portfolio when absent.
        public var rwa: Double?
        /// Market and operational RWA, added to credit RWA.
        public var otherRWA: Double
        public var leverageExposure: Double
        /// BoE systemic reference point added to the 4.5% CET1 hurdle.
        public var systemicReferencePoint: Double
        /// Countercyclical buffer rate for the jurisdiction (RBC30).
        public var countercyclicalBuffer: Double
        /// G-SIB or D-SIB buffer rate.
        public var systemicBuffer: Double

        public init(cet1: Double, at1: Double = 0, tier2: Double = 0, rwa: Double? = nil,
                    otherRWA: Double = 0, leverageExposure: Double,
                    systemicReferencePoint: Double = 0, countercyclicalBuffer: Double = 0,
                    systemicBuffer: Double = 0) {
            self.cet1 = cet1
            self.at1 = at1
            self.tier2 = tier2
            self.rwa = rwa
            self.otherRWA = otherRWA
            self.leverageExposure = leverageExposure
            self.systemicReferencePoint = systemicReferencePoint
            self.countercyclicalBuffer = countercyclicalBuffer
            self.systemicBuffer = systemicBuffer
        }

        public var tier1: Double { cet1 + at1 }
        public var totalCapital: Double { cet1 + at1 + tier2 }
    }

    public struct Income: Sendable, Equatable {
        /// Pre-provision net revenue per period: a fixed list, which the income engine's
        /// projection from `bankingBook` and `nonInterest` replaces when those are given.
        public var ppnr: [Double]
        public var taxRate: Double
        public var distributions: [Double]
        /// Losses other than credit (market, operational, conduct) per period.
        public var otherLosses: [Double]

        public init(ppnr: [Double] = [], taxRate: Double = 0, distributions: [Double] = [],
                    otherLosses: [Double] = []) {
            self.ppnr = ppnr
            self.taxRate = taxRate
            self.distributions = distributions
            self.otherLosses = otherLosses
        }
    }

    /// Liquidity positions by category; category names follow the rate table of
    /// the liquidity engine (LCR, NSFR), which validates them.
    public struct Liquidity: Sendable, Equatable {
        public var hqla: [String: Double]
        public var outflows: [String: Double]
        public var inflows: [String: Double]
        public var nsfrAvailable: [String: Double]
        public var nsfrRequired: [String: Double]

        public init(hqla: [String: Double] = [:], outflows: [String: Double] = [:],
                    inflows: [String: Double] = [:], nsfrAvailable: [String: Double] = [:],
                    nsfrRequired: [String: Double] = [:]) {
            self.hqla = hqla
            self.outflows = outflows
            self.inflows = inflows
            self.nsfrAvailable = nsfrAvailable
            self.nsfrRequired = nsfrRequired
        }
    }

    /// Inputs of the RBI sensitivity analyses (METHODOLOGY §2.4).
    public struct RBIInputs: Sendable, Equatable {
        public var npaRatio: Double
        public var car: Double
        public var netInterestIncome: Double
        public var totalAdvances: Double
        public var totalAssets: Double
        public var durationGap: Double
        public var deposits: Double

        public init(npaRatio: Double, car: Double, netInterestIncome: Double, totalAdvances: Double,
                    totalAssets: Double, durationGap: Double, deposits: Double) {
            self.npaRatio = npaRatio
            self.car = car
            self.netInterestIncome = netInterestIncome
            self.totalAdvances = totalAdvances
            self.totalAssets = totalAssets
            self.durationGap = durationGap
            self.deposits = deposits
        }
    }
}
