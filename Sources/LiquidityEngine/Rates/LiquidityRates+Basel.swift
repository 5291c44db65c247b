import StressCore

extension LiquidityRates {
    /// The Basel Committee calibration: the Basel Framework chapters LCR30 (HQLA),
    /// LCR40 (outflows and inflows) and NSF30 (stable funding factors), with the
    /// paragraph of the original standards each rate comes from (BCBS d238, January
    /// 2013, for the LCR; BCBS d295, October 2014, for the NSFR).
    ///
    /// This value mirrors `tables/liquidity-basel.yaml` entry for entry (a test checks
    /// both against one listing); edit both together. Stable retail deposits run off
    /// at 5% here: the 3% of d238 ¶78 needs a qualifying deposit insurance scheme and
    /// is a jurisdiction override (`tables/liquidity-eu-3pct-stable.yaml`).
    ///
    /// The stress defaults are StressPack's calibration, not a regulator's: scenarios
    /// that give `deposit_runoff` and `hqla_haircut` use their own paths.
    public static let basel = LiquidityRates(
        name: "basel",
        hqla: [
            "level1": HQLAHaircut(level: .level1, haircut: 0.00,
                                  source: "LCR30, Level 1 assets (BCBS d238 ¶49-50): coins and banknotes, central bank reserves, 0% risk-weighted sovereign securities; no haircut"),
            "level2a": HQLAHaircut(level: .level2a, haircut: 0.15,
                                   source: "LCR30, Level 2A assets (BCBS d238 ¶52): 20% risk-weighted sovereign securities, corporate debt and covered bonds rated AA- or better; 15% haircut"),
            "level2b": HQLAHaircut(level: .level2b, haircut: 0.50,
                                   source: "LCR30, Level 2B assets (BCBS d238 ¶54(b)-(c)): corporate debt rated A+ to BBB-, qualifying common equity; 50% haircut"),
            "level2b_rmbs": HQLAHaircut(level: .level2b, haircut: 0.25,
                                        source: "LCR30, Level 2B assets (BCBS d238 ¶54(a)): qualifying residential mortgage-backed securities rated AA or better; 25% haircut"),
        ],
        outflows: [
            "retail_stable": OutflowRate(runOff: 0.05, isDeposit: true,
                                         source: "LCR40, retail deposit run-off (BCBS d238 ¶75): stable deposits, fully insured, 5% (3% under d238 ¶78 where the jurisdiction's deposit insurance qualifies)"),
            "retail_less_stable": OutflowRate(runOff: 0.10, isDeposit: true,
                                              source: "LCR40, retail deposit run-off (BCBS d238 ¶79): less stable deposits, 10% and higher"),
            "operational": OutflowRate(runOff: 0.25, isDeposit: true,
                                       source: "LCR40, unsecured wholesale funding (BCBS d238 ¶93): operational deposits from clearing, custody and cash management, 25%"),
            "corporate_non_operational": OutflowRate(runOff: 0.40, isDeposit: true,
                                                     source: "LCR40, unsecured wholesale funding (BCBS d238 ¶107): non-financial corporates, sovereigns, central banks, PSEs and MDBs, non-operational, 40%"),
            "corporate_non_operational_insured": OutflowRate(runOff: 0.20, isDeposit: true,
                                                             source: "LCR40, unsecured wholesale funding (BCBS d238 ¶108): as d238 ¶107 where fully insured, 20%"),
            "financial": OutflowRate(runOff: 1.00, isDeposit: true,
                                     source: "LCR40, unsecured wholesale funding (BCBS d238 ¶109): banks, securities firms, insurers, fiduciaries and other legal entities, 100%"),
            "secured_funding_level1": OutflowRate(runOff: 0.00, isDeposit: false,
                                                  source: "LCR40, secured funding run-off (BCBS d238 ¶115): backed by Level 1 assets or with the domestic central bank, 0%"),
            "secured_funding_level2a": OutflowRate(runOff: 0.15, isDeposit: false,
                                                   source: "LCR40, secured funding run-off (BCBS d238 ¶115): backed by Level 2A assets, 15%"),
            "secured_funding_other": OutflowRate(runOff: 1.00, isDeposit: false,
                                                 source: "LCR40, secured funding run-off (BCBS d238 ¶115): backed by assets that are not HQLA, 100%"),
            "committed_facilities_retail": OutflowRate(runOff: 0.05, isDeposit: false,
                                                       source: "LCR40, committed facilities (BCBS d238 ¶131): credit and liquidity facilities to retail and small business customers, 5% of the undrawn amount"),
            "committed_facilities_corporate": OutflowRate(runOff: 0.10, isDeposit: false,
                                                          source: "LCR40, committed facilities (BCBS d238 ¶131): credit facilities to non-financial corporates, sovereigns, central banks, PSEs and MDBs, 10%"),
            "committed_facilities": OutflowRate(runOff: 0.10, isDeposit: false,
                                                source: "LCR40, committed facilities (BCBS d238 ¶131): counterparty not given, taken as credit facilities to non-financial corporates, 10%"),
            "committed_liquidity_facilities_corporate": OutflowRate(runOff: 0.30, isDeposit: false,
                                                                    source: "LCR40, committed facilities (BCBS d238 ¶131): liquidity facilities to non-financial corporates, sovereigns, central banks, PSEs and MDBs, 30%"),
            "committed_facilities_banks": OutflowRate(runOff: 0.40, isDeposit: false,
                                                      source: "LCR40, committed facilities (BCBS d238 ¶131): credit and liquidity facilities to banks subject to prudential supervision, 40%"),
            "committed_facilities_financial": OutflowRate(runOff: 0.40, isDeposit: false,
                                                          source: "LCR40, committed facilities (BCBS d238 ¶131): credit facilities to other financial institutions, 40%"),
            "committed_liquidity_facilities_financial": OutflowRate(runOff: 1.00, isDeposit: false,
                                                                    source: "LCR40, committed facilities (BCBS d238 ¶131): liquidity facilities to other financial institutions and other legal entities, 100%"),
            "derivatives_net_outflows": OutflowRate(runOff: 1.00, isDeposit: false,
                                                    source: "LCR40, additional requirements (BCBS d238 ¶116): net derivative cash outflows, 100%"),
            "other_contractual_outflows": OutflowRate(runOff: 1.00, isDeposit: false,
                                                      source: "LCR40, additional requirements (BCBS d238 ¶141): other contractual outflows within 30 days, 100%"),
        ],
        inflows: [
            "retail": LiquidityFactor(0.50, source: "LCR40, cash inflows (BCBS d238 ¶153): performing loans to retail and small business customers, 50%"),
            "non_financial": LiquidityFactor(0.50, source: "LCR40, cash inflows (BCBS d238 ¶154): performing loans to non-financial wholesale counterparties, 50%"),
            "financial": LiquidityFactor(1.00, source: "LCR40, cash inflows (BCBS d238 ¶154): financial institutions and central banks, 100%"),
            "secured_lending_level1": LiquidityFactor(0.00, source: "LCR40, cash inflows (BCBS d238 ¶145): reverse repos backed by Level 1 assets, 0%"),
            "secured_lending_other": LiquidityFactor(1.00, source: "LCR40, cash inflows (BCBS d238 ¶145): reverse repos backed by assets that are not HQLA, 100%"),
            "derivatives_net_inflows": LiquidityFactor(1.00, source: "LCR40, cash inflows (BCBS d238 ¶158): net derivative cash inflows, 100%"),
        ],
        availableStableFunding: [
            "regulatory_capital": LiquidityFactor(1.00, source: "NSF30, ASF factors (BCBS d295 ¶21(a)): total regulatory capital, 100%"),
            "long_term_wholesale": LiquidityFactor(1.00, source: "NSF30, ASF factors (BCBS d295 ¶21(b)): other liabilities with effective residual maturity of one year or more, 100%"),
            "retail_stable_deposits": LiquidityFactor(0.95, source: "NSF30, ASF factors (BCBS d295 ¶22): stable retail and small business deposits, 95%"),
            "retail_less_stable_deposits": LiquidityFactor(0.90, source: "NSF30, ASF factors (BCBS d295 ¶23): less stable retail and small business deposits, 90%"),
            "operational_deposits": LiquidityFactor(0.50, source: "NSF30, ASF factors (BCBS d295 ¶24(b)): operational deposits, 50%"),
            "corporate_deposits": LiquidityFactor(0.50, source: "NSF30, ASF factors (BCBS d295 ¶24(a)): funding under one year from non-financial corporates, 50%"),
            "financial_6m_to_1y": LiquidityFactor(0.50, source: "NSF30, ASF factors (BCBS d295 ¶24(d)): funding from financial institutions and central banks, residual maturity six months to one year, 50%"),
            "financial_short_term": LiquidityFactor(0.00, source: "NSF30, ASF factors (BCBS d295 ¶25): funding from financial institutions and central banks under six months, 0%"),
            "other_liabilities": LiquidityFactor(0.00, source: "NSF30, ASF factors (BCBS d295 ¶25): all other liabilities and equity, 0%"),
        ],
        requiredStableFunding: [
            "cash_and_reserves": LiquidityFactor(0.00, source: "NSF30, RSF factors (BCBS d295 ¶36): coins, banknotes and central bank reserves, 0%"),
            "level1": LiquidityFactor(0.05, source: "NSF30, RSF factors (BCBS d295 ¶37): unencumbered Level 1 assets other than cash and reserves, 5%"),
            "loans_to_financials_level1_secured": LiquidityFactor(0.10, source: "NSF30, RSF factors (BCBS d295 ¶38): loans to financial institutions under six months secured by Level 1 assets, 10%"),
            "level2a": LiquidityFactor(0.15, source: "NSF30, RSF factors (BCBS d295 ¶39): unencumbered Level 2A assets, 15%"),
            "loans_to_financials_short_term": LiquidityFactor(0.15, source: "NSF30, RSF factors (BCBS d295 ¶39): other loans to financial institutions under six months, 15%"),
            "level2b": LiquidityFactor(0.50, source: "NSF30, RSF factors (BCBS d295 ¶40): unencumbered Level 2B assets, 50%"),
            "loans_to_financials": LiquidityFactor(0.50, source: "NSF30, RSF factors (BCBS d295 ¶40): loans to financial institutions, residual maturity six months to one year, 50%"),
            "loans_short_term": LiquidityFactor(0.50, source: "NSF30, RSF factors (BCBS d295 ¶40): performing loans to non-financial corporates and retail customers under one year, 50%"),
            "residential_mortgages": LiquidityFactor(0.65, source: "NSF30, RSF factors (BCBS d295 ¶41): unencumbered residential mortgages of one year or more with a risk weight of 35% or less, 65%"),
            "retail_loans": LiquidityFactor(0.85, source: "NSF30, RSF factors (BCBS d295 ¶42): other performing loans of one year or more with a risk weight above 35%, 85%"),
            "corporate_loans": LiquidityFactor(0.85, source: "NSF30, RSF factors (BCBS d295 ¶42): other performing loans of one year or more with a risk weight above 35%, 85%"),
            "other_assets": LiquidityFactor(1.00, source: "NSF30, RSF factors (BCBS d295 ¶43): all other assets, including non-performing loans, fixed assets and loans to financial institutions of one year or more, 100%"),
            "off_balance_sheet": LiquidityFactor(0.05, source: "NSF30, off-balance sheet (BCBS d295 ¶47): irrevocable and conditionally revocable credit and liquidity facilities, 5% of the undrawn amount"),
        ],
        caps: LiquidityCaps(
            level2: LiquidityFactor(0.40, source: "LCR30 (BCBS d238 ¶46, Annex 1): Level 2 assets at most 40% of the stock of HQLA after haircuts"),
            level2B: LiquidityFactor(0.15, source: "LCR30 (BCBS d238 ¶47, Annex 1): Level 2B assets at most 15% of the stock of HQLA after haircuts"),
            inflows: LiquidityFactor(0.75, source: "LCR40.1 (BCBS d238 ¶69): total inflows recognised up to 75% of total outflows")),
        stress: LiquidityStressParameters(
            severityDefaults: [
                .baseline: LiquidityShock(depositRunoff: 0.00, hqlaHaircut: 0.00),
                .mild: LiquidityShock(depositRunoff: 0.01, hqlaHaircut: 0.01),
                .moderate: LiquidityShock(depositRunoff: 0.03, hqlaHaircut: 0.02),
                .adverse: LiquidityShock(depositRunoff: 0.03, hqlaHaircut: 0.02),
                .severe: LiquidityShock(depositRunoff: 0.06, hqlaHaircut: 0.05),
                .severelyAdverse: LiquidityShock(depositRunoff: 0.06, hqlaHaircut: 0.05),
            ],
            dailyOutflowDecay: 0.05,
            survivalCapDays: 365,
            source: "StressPack calibration (METHODOLOGY §4), not a regulator's: used when a scenario gives no deposit_runoff or hqla_haircut path"))
}
