"""Golden vectors for creditriskengine.portfolio.stress_testing (EBA, BoE ACS, CCAR,
RBI, multi-period projection, reverse stress tests).

Run from the repository root, after scripts/golden/portfolios.py:
    /tmp/ref/bin/python scripts/golden/stress_testing.py

Reads Tests/Golden/credit/portfolios/*.csv (float() of each cell, as the Swift
reader does) and writes Tests/Golden/credit/stress_testing.json.  Every input of
every case is written into the JSON; see Tests/Golden/README.md for the layout.
"""

from __future__ import annotations

import numpy as np

from creditriskengine.portfolio import stress_testing as st
from creditriskengine.rwa.irb.formulas import irb_risk_weight

from _common import PORTFOLIO_SIZES, meta, outcome, portfolio_relpath, read_portfolio, write_json

# Per-exposure matrices are written only for portfolios up to this size; larger
# ones get aggregates only (keeps the file small).
PER_EXPOSURE_MAX_N = 7
PER_EXPOSURE_MAX_N_PROJECTION = 100  # multi_period_projection / reverse: a few cases only
# EBA/BoE cases that raise are the same for every portfolio: kept for this one only.
ERRORS_PORTFOLIO = "p7"


def arr(x) -> list:
    return np.asarray(x, dtype=np.float64).tolist()


# ------------------------------------------------------------------
# Portfolios
# ------------------------------------------------------------------

def load_portfolios() -> tuple[dict, dict]:
    """Returns (data by key, JSON description by key)."""
    data, desc = {}, {}
    for n in PORTFOLIO_SIZES:
        p = read_portfolio(n)
        key = f"p{n}"
        data[key] = p
        desc[key] = {
            "file": portfolio_relpath(n),
            "n": n,
            "sum_ead": float(np.sum(p["ead"])),
            "sum_pd_lgd_ead_unfloored": float(np.sum(p["pd"] * p["lgd"] * p["ead"])),
        }
    # Small inline edge-case portfolios (written in full in the JSON).
    inline = {
        "empty": {"pd": [], "lgd": [], "ead": [], "amortisation": []},
        "zero_ead": {"pd": [0.01, 0.2, 1.0], "lgd": [0.45, 0.6, 1.0],
                     "ead": [0.0, 0.0, 0.0], "amortisation": [0.0, 0.1, 0.2]},
        "all_defaulted": {"pd": [1.0, 1.0], "lgd": [0.45, 0.8],
                          "ead": [1000.0, 2500.5], "amortisation": [0.05, 0.0]},
    }
    for key, cols in inline.items():
        p = {k: np.array(v, dtype=np.float64) for k, v in cols.items()}
        p["ids"] = [f"{key}-{i + 1}" for i in range(len(cols["pd"]))]
        data[key] = p
        desc[key] = {"inline": True, "n": len(cols["pd"]),
                     **{k: list(map(float, v)) for k, v in cols.items()},
                     "sum_ead": float(np.sum(p["ead"]))}
    return data, desc


# ------------------------------------------------------------------
# Scenarios
# ------------------------------------------------------------------

def custom_scenarios() -> dict[str, st.MacroScenario]:
    a = np.array
    return {
        "custom_adverse_5y": st.MacroScenario(
            name="Custom Adverse 5Y", horizon_years=5, severity="adverse",
            variables={
                "gdp_growth": a([-0.035, -0.02, 0.0, 0.01, 0.015]),
                "unemployment": a([0.075, 0.09, 0.095, 0.085, 0.07]),
                "house_price_index": a([-0.12, -0.08, -0.02, 0.01, 0.03]),
            }),
        "custom_acs_severe_5y": st.MacroScenario(
            name="Custom ACS Severe 5Y", horizon_years=5, severity="severely_adverse",
            variables={
                "gdp_growth": a([-0.05, -0.03, -0.005, 0.01, 0.02]),
                "unemployment": a([0.08, 0.095, 0.1, 0.09, 0.075]),
                "house_price_index": a([-0.2, -0.12, -0.05, 0.0, 0.02]),
                "bank_rate_change_bps": a([250.0, 100.0, -50.0, -100.0, -50.0]),
            }),
        # Only GDP: unemployment and house prices are missing (read as zeros);
        # growth above baseline in year 1 and 5 (multiplier floored at 1).
        "custom_gdp_only_5y": st.MacroScenario(
            name="Custom GDP only 5Y", horizon_years=5, severity="adverse",
            variables={"gdp_growth": a([0.03, -0.01, -0.06, 0.0, 0.04])}),
        # No GDP: read as a path of zeros, i.e. growth 2 pp (EBA) / 1.5 pp (BoE) below
        # the satellite baseline, so a stress of 1.04 (EBA) / 1.0375 + unemployment (BoE).
        "custom_no_gdp_5y": st.MacroScenario(
            name="Custom No GDP 5Y", horizon_years=5, severity="adverse",
            variables={
                "unemployment": a([0.05, 0.065, 0.07, 0.06, 0.05]),
                "house_price_index": a([-0.06, -0.04, 0.0, 0.02, 0.03]),
            }),
        # Longer than the BoE horizon: BoE truncates to horizon_years, EBA does not.
        "custom_long_7y": st.MacroScenario(
            name="Custom Long 7Y", horizon_years=7, severity="severely_adverse",
            variables={
                "gdp_growth": a([-0.045, -0.025, -0.01, 0.0, 0.01, 0.02, 0.025]),
                "unemployment": a([0.07, 0.085, 0.095, 0.1, 0.09, 0.08, 0.07]),
                "house_price_index": a([-0.1, -0.15, -0.08, -0.03, 0.0, 0.02, 0.04]),
            }),
        # Quarterly (9-quarter) CCAR-style scenarios.  GDP growth annualised,
        # unemployment level, house prices quarter-on-quarter.  The library's CCAR
        # class does not read these variables: the PD multipliers and LGD add-ons
        # of the CCAR cases are given explicitly (see "ccar" cases).
        "custom_ccar_severely_adverse_9q": st.MacroScenario(
            name="Custom CCAR Severely Adverse 9Q", horizon_years=3,
            severity="severely_adverse",
            variables={
                "gdp_growth": a([-0.08, -0.06, -0.035, -0.01, 0.005, 0.015, 0.02, 0.025, 0.025]),
                "unemployment": a([0.055, 0.07, 0.085, 0.095, 0.1, 0.1, 0.097, 0.093, 0.09]),
                "house_price_index": a([-0.04, -0.05, -0.05, -0.04, -0.03, -0.02, -0.01, 0.0, 0.005]),
            }),
        "custom_ccar_adverse_9q": st.MacroScenario(
            name="Custom CCAR Adverse 9Q", horizon_years=3, severity="adverse",
            variables={
                "gdp_growth": a([-0.03, -0.02, -0.01, 0.0, 0.01, 0.015, 0.02, 0.02, 0.02]),
                "unemployment": a([0.045, 0.055, 0.062, 0.068, 0.07, 0.07, 0.068, 0.066, 0.064]),
                "house_price_index": a([-0.015, -0.02, -0.02, -0.015, -0.01, -0.005, 0.0, 0.0, 0.005]),
            }),
    }


def scenario_json(key: str, s: st.MacroScenario, source: str) -> dict:
    return {"source": source, "name": s.name, "horizon_years": s.horizon_years,
            "severity": s.severity,
            "variables": {k: arr(v) for k, v in s.variables.items()}}


ANNUAL_CUSTOM = ["custom_adverse_5y", "custom_acs_severe_5y", "custom_gdp_only_5y",
                 "custom_no_gdp_5y", "custom_long_7y"]
QUARTERLY_CUSTOM = ["custom_ccar_severely_adverse_9q", "custom_ccar_adverse_9q"]


# ------------------------------------------------------------------
# Satellites (translate_macro_to_*)
# ------------------------------------------------------------------

def satellites(scenarios: dict, annual_keys: list[str]) -> dict:
    eba, boe = [], []
    for sk in scenarios:
        s = scenarios[sk]
        for h in (3, 5):
            t = st.EBAStressTest(s, horizon_years=h)
            for sens in (2.0, 1.0, 3.5):
                case = {"scenario": sk, "horizon_years": h, "gdp_sensitivity": sens}
                case["pd_multipliers"] = outcome(t.translate_macro_to_pd_stress,
                                                 np.zeros(0), gdp_sensitivity=sens, pick=arr)
                eba.append(case)
            eba.append({"scenario": sk, "horizon_years": h,
                        "lgd_add_ons": outcome(t.translate_macro_to_lgd_stress, pick=arr)})
        for h in (5, 7):
            t = st.BoEACSStressTest(s, horizon_years=h)
            for gs, us in ((2.5, 1.5), (1.0, 0.5), (4.0, 3.0)):
                case = {"scenario": sk, "horizon_years": h, "gdp_sensitivity": gs,
                        "unemployment_sensitivity": us}
                case["pd_multipliers"] = outcome(t.translate_macro_to_pd_stress, gs, us, pick=arr)
                boe.append(case)
            for hs in (0.6, 0.4):
                boe.append({"scenario": sk, "horizon_years": h, "hpi_lgd_sensitivity": hs,
                            "lgd_add_ons": outcome(t.translate_macro_to_lgd_stress, hs, pick=arr)})
    return {"eba": eba, "boe": boe,
            "eba_constants": {"baseline_gdp": 0.02, "default_gdp_sensitivity": 2.0,
                              "hpi_lgd_sensitivity": 0.5},
            "boe_constants": {"baseline_gdp": 0.015, "baseline_unemployment": 0.04,
                              "default_gdp_sensitivity": 2.5,
                              "default_unemployment_sensitivity": 1.5,
                              "default_hpi_lgd_sensitivity": 0.6}}


# ------------------------------------------------------------------
# EBA
# ------------------------------------------------------------------

def pick_projection(res: dict, n: int, per_exposure_max: int) -> dict:
    out = {"period_el": arr(res["period_el"]), "period_eads": arr(res["period_eads"]),
           "cumulative_el": res["cumulative_el"], "n_periods": len(res["period_el"])}
    if n <= per_exposure_max:
        out["stressed_pds"] = arr(res["stressed_pds"])
        out["stressed_lgds"] = arr(res["stressed_lgds"])
        out["expected_losses"] = arr(res["expected_losses"])
    return out


def eba_cases(pdata: dict, scenarios: dict, keys: list[str]) -> list:
    cases = []
    for pk, p in pdata.items():
        n = len(p["pd"])
        for sk in keys:
            for h in (3, 5):
                for floor in (0.0003, 0.0005, 0.0):
                    for static in ((True, False) if (floor == 0.0003 and h == 3) else (True,)):
                        case = {"id": f"eba/{pk}/{sk}/h{h}/floor{floor}/static{static}",
                                "portfolio": pk, "scenario": sk, "horizon_years": h,
                                "pd_floor": floor, "static_balance_sheet": static}
                        t = st.EBAStressTest(scenarios[sk], h, static, floor)

                        def run(t=t, n=n):
                            res = t.run(p["pd"], p["lgd"], p["ead"])
                            out = pick_projection(res, n, PER_EXPOSURE_MAX_N)
                            out.update({
                                "baseline_el": res["baseline_el"], "delta_el": res["delta_el"],
                                "scenario_name": res["scenario"], "severity": res["severity"],
                                "horizon_years": res["horizon_years"],
                                "static_balance_sheet": res["static_balance_sheet"],
                                "pd_multipliers": arr(t.translate_macro_to_pd_stress(p["pd"])),
                                "lgd_add_ons": arr(t.translate_macro_to_lgd_stress()),
                            })
                            return out
                        res = outcome(run)
                        if "error" in res and pk != ERRORS_PORTFOLIO:
                            continue  # the same error for every portfolio: recorded once
                        case.update(res)
                        cases.append(case)
    return cases


# ------------------------------------------------------------------
# BoE ACS
# ------------------------------------------------------------------

BOE_SETTINGS = [
    # name, initial_cet1_ratio, total_rwa as a factor of sum(EAD) (None: not passed),
    # cet1_hurdle_pct, leverage_hurdle_pct, pd_floor
    ("default", 0.12, None, 0.045, 0.0325, 0.0003),
    ("rwa_given", 0.12, 0.55, 0.045, 0.0325, 0.0003),
    ("thin_capital", 0.06, None, 0.045, 0.0325, 0.0003),
    ("thin_capital_small_rwa", 0.05, 0.30, 0.045, 0.0325, 0.0005),
    ("rwa_zero", 0.12, 0.0, 0.045, 0.0325, 0.0003),
    ("high_hurdle", 0.10, 0.80, 0.07, 0.04, 0.0),
]


def boe_cases(pdata: dict, scenarios: dict, keys: list[str]) -> list:
    cases = []
    for pk, p in pdata.items():
        n = len(p["pd"])
        sum_ead = float(np.sum(p["ead"]))
        for sk in keys:
            for h in (5, 7):
                for name, cet1, rwa_f, hurdle, lev, floor in BOE_SETTINGS:
                    total_rwa = None if rwa_f is None else rwa_f * sum_ead
                    case = {"id": f"boe/{pk}/{sk}/h{h}/{name}", "portfolio": pk, "scenario": sk,
                            "horizon_years": h, "settings": name,
                            "initial_cet1_ratio": cet1, "total_rwa": total_rwa,
                            "total_rwa_given": total_rwa is not None,
                            "cet1_hurdle_pct": hurdle, "leverage_hurdle_pct": lev,
                            "pd_floor": floor}
                    t = st.BoEACSStressTest(scenarios[sk], h, hurdle, lev, floor)

                    def run(t=t, n=n, cet1=cet1, total_rwa=total_rwa):
                        kwargs = {"initial_cet1_ratio": cet1}
                        if total_rwa is not None:
                            kwargs["total_rwa"] = total_rwa
                        res = t.run(p["pd"], p["lgd"], p["ead"], **kwargs)
                        out = pick_projection(res, n, PER_EXPOSURE_MAX_N)
                        out.update({
                            "baseline_el": res["baseline_el"], "delta_el": res["delta_el"],
                            "cet1_trajectory": arr(res["cet1_trajectory"]),
                            "min_cet1_ratio": res["min_cet1_ratio"],
                            "min_cet1_year": res["min_cet1_year"],
                            "cet1_hurdle_pct": res["cet1_hurdle_pct"],
                            "cet1_hurdle_breach": res["cet1_hurdle_breach"],
                            "leverage_hurdle_pct": res["leverage_hurdle_pct"],
                            "initial_cet1_ratio": res["initial_cet1_ratio"],
                            "scenario_name": res["scenario"], "severity": res["severity"],
                            "horizon_years": res["horizon_years"],
                            "pd_multipliers": arr(t.translate_macro_to_pd_stress()),
                            "lgd_add_ons": arr(t.translate_macro_to_lgd_stress()),
                        })
                        return out
                    res = outcome(run)
                    if "error" in res and pk != ERRORS_PORTFOLIO:
                        continue  # the same error for every portfolio: recorded once
                    case.update(res)
                    cases.append(case)
    return cases


# ------------------------------------------------------------------
# CCAR / DFAST
# ------------------------------------------------------------------

PPNR_SHAPE = [0.004, 0.0035, 0.003, 0.003, 0.0025, 0.0025, 0.003, 0.0035, 0.004]

CCAR_SETTINGS = [
    # name, scenario, pd multipliers, lgd add-ons, ppnr (factor of sum EAD per
    # quarter, or None: not passed), initial capital as factor of sum EAD (None: not passed)
    ("defaults", "custom_ccar_adverse_9q", None, None, None, None),
    ("severely_adverse", "custom_ccar_severely_adverse_9q",
     [1.5, 2.0, 2.5, 3.0, 3.0, 2.6, 2.2, 1.8, 1.4],
     [0.0, 0.02, 0.05, 0.08, 0.1, 0.08, 0.05, 0.03, 0.01], PPNR_SHAPE, 0.08),
    ("adverse", "custom_ccar_adverse_9q",
     [1.1, 1.25, 1.4, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1],
     [0.0, 0.01, 0.02, 0.03, 0.03, 0.02, 0.01, 0.0, 0.0], PPNR_SHAPE, 0.10),
    # PDs capped at 1 and LGDs clipped to [0, 1]; multiplier below 1 allowed.
    ("extreme_caps", "custom_ccar_severely_adverse_9q",
     [0.5, 5.0, 20.0, 100.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0],
     [-0.5, -0.1, 0.0, 0.1, 0.3, 0.5, 1.0, 1.5, 2.0], [0.001] * 9, 0.02),
    # Only 5 multipliers: quarters 6..9 use multiplier 1.0 (the library's fallback).
    ("short_multipliers", "custom_ccar_severely_adverse_9q",
     [2.0, 2.5, 3.0, 2.5, 2.0],
     [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05], PPNR_SHAPE, 0.05),
    # Only 5 add-ons: IndexError in the library.
    ("short_add_ons", "custom_ccar_severely_adverse_9q",
     [2.0] * 9, [0.05, 0.05, 0.05, 0.05, 0.05], PPNR_SHAPE, 0.05),
    # PPNR of the wrong length: ValueError at construction.
    ("ppnr_wrong_length", "custom_ccar_adverse_9q", [1.2] * 9, [0.0] * 9, PPNR_SHAPE[:8], 0.05),
    # Negative PPNR (operating losses) and zero initial capital.
    ("negative_ppnr", "custom_ccar_severely_adverse_9q",
     [1.8] * 9, [0.04] * 9, [-0.001, -0.002, 0.0, 0.001, 0.002, 0.003, 0.0, -0.0005, 0.001], 0.0),
]


def ccar_cases(pdata: dict, scenarios: dict) -> list:
    cases = []
    for pk, p in pdata.items():
        n = len(p["pd"])
        sum_ead = float(np.sum(p["ead"]))
        for name, sk, mult, add, ppnr_f, cap_f in CCAR_SETTINGS:
            ppnr = None if ppnr_f is None else [f * sum_ead for f in ppnr_f]
            cap = None if cap_f is None else cap_f * sum_ead
            case = {"id": f"ccar/{pk}/{name}", "portfolio": pk, "scenario": sk, "settings": name,
                    "horizon_quarters": 9, "pd_quarterly_multipliers": mult,
                    "lgd_add_ons_quarterly": add, "ppnr_quarterly": ppnr,
                    "initial_capital": cap,
                    "note": "null inputs are not passed (library defaults: multipliers 1, "
                            "add-ons 0, PPNR 0, initial capital 0.0)"}
            status = outcome(st.CCARScenario, scenarios[sk], 9,
                             None if ppnr is None else np.array(ppnr))
            if "error" in status:
                case.update(status)
                cases.append(case)
                continue
            c = status["expected"]

            def run(c=c, n=n, mult=mult, add=add, cap=cap):
                kwargs = {}
                if mult is not None:
                    kwargs["pd_quarterly_multipliers"] = np.array(mult)
                if add is not None:
                    kwargs["lgd_add_ons_quarterly"] = np.array(add)
                if cap is not None:
                    kwargs["initial_capital"] = cap
                res = c.run(p["pd"], p["lgd"], p["ead"], **kwargs)
                out = {k: res[k] for k in (
                    "quarterly_losses", "ppnr_quarterly", "net_income_quarterly",
                    "capital_trajectory", "cumulative_loss", "total_loss", "cumulative_ppnr",
                    "min_capital", "min_capital_quarter", "initial_capital", "final_capital",
                    "horizon_quarters", "scenario")}
                out["scenario_name"] = out.pop("scenario")
                if n <= PER_EXPOSURE_MAX_N:
                    q = c.project_quarterly_losses(p["pd"], p["lgd"], p["ead"],
                                                   kwargs.get("pd_quarterly_multipliers"),
                                                   kwargs.get("lgd_add_ons_quarterly"))
                    out["quarterly_losses_per_exposure"] = arr(q["quarterly_losses"])
                return out
            case.update(outcome(run))
            cases.append(case)
    return cases


# ------------------------------------------------------------------
# RBI
# ------------------------------------------------------------------

RBI_SEVERITIES = ["mild", "moderate", "severe", "extreme"]  # "extreme": unknown -> moderate
RBI_BASELINES = {
    "bank_a": {"npa_ratio": 3.9, "car": 16.8, "net_interest_income": 4.2e9,
               "total_advances": 1.25e11},
    "no_advances": {"npa_ratio": 7.5, "car": 11.2, "net_interest_income": 1.0e8,
                    "total_advances": 0.0},
    "incomplete": {"npa_ratio": 5.0},
    "none": None,
}


def rbi(pdata: dict) -> dict:
    credit = []
    for pk, p in pdata.items():
        for sev in RBI_SEVERITIES:
            t = st.RBIStressTest(sev)
            credit.append({"id": f"rbi/credit/{pk}/{sev}", "portfolio": pk, "severity": sev,
                           **outcome(t.credit_quality_stress, p["pd"], p["lgd"], p["ead"])})

    ir, cq = [], []
    for bk, bm in RBI_BASELINES.items():
        sevs = RBI_SEVERITIES if bk == "bank_a" else ["moderate"]
        for sev in sevs:
            t = st.RBIStressTest(sev, bm)
            shocks = [-300.0, -200.0, -100.0, 0.0, 100.0, 200.0, 300.0, 500.0]
            if bk != "bank_a" or sev != "moderate":
                shocks = [-200.0, 0.0, 250.0]
            for shock in shocks:
                for gap in (1.5, -0.75, 3.2):
                    for assets in (1.8e11, 0.0):
                        for rsf, rw in ((0.6, 0.75), (0.4, 1.0)):
                            ir.append({"baseline": bk, "severity": sev, "rate_shock_bps": shock,
                                       "duration_gap": gap, "total_assets": assets,
                                       "rate_sensitive_fraction": rsf, "avg_risk_weight": rw,
                                       **outcome(t.interest_rate_sensitivity, shock, gap, assets,
                                                 rsf, rw)})
            for npa in (0.0, 0.5, 2.0, 5.0, 10.0, 25.0):
                for pcr in (0.7, 1.0, 0.5):
                    for rw in (0.75, 1.0):
                        cq.append({"baseline": bk, "severity": sev, "npa_increase_pct": npa,
                                   "provision_coverage_ratio": pcr, "avg_risk_weight": rw,
                                   **outcome(t.credit_quality_sensitivity, npa, pcr, rw)})
    liq = []
    t = st.RBIStressTest("moderate")
    for hqla, dep, nco in ((1.2e10, 9.0e10, 1.0e10), (5.0e9, 4.0e10, 5.5e9),
                           (1.0e9, 1.0e10, 2.0e9), (3.0e9, 2.0e10, 0.0), (3.0e9, 2.0e10, -1.0e9)):
        for pct in (0.0, 5.0, 10.0, 15.0, 20.0, 30.0, 50.0, -20.0):
            liq.append({"hqla": hqla, "total_deposits": dep, "net_cash_outflows_30d": nco,
                        "deposit_outflow_pct": pct,
                        **outcome(t.liquidity_sensitivity, pct, hqla, dep, nco)})
    return {
        "severity_table": {
            "mild": {"pd_mult": 1.5, "lgd_add": 0.05, "npa_shift_pct": 0.02},
            "moderate": {"pd_mult": 2.0, "lgd_add": 0.10, "npa_shift_pct": 0.05},
            "severe": {"pd_mult": 3.0, "lgd_add": 0.15, "npa_shift_pct": 0.10},
            "note": "as in the library source (_severity_map); npa_shift_pct is not used by "
                    "any method; an unknown severity falls back to 'moderate'",
        },
        "baseline_metrics": RBI_BASELINES,
        "credit_quality_stress": credit,
        "interest_rate_sensitivity": ir,
        "credit_quality_sensitivity": cq,
        "liquidity_sensitivity": liq,
    }


# ------------------------------------------------------------------
# multi_period_projection
# ------------------------------------------------------------------

MPP_PATHS = {
    "moderate_5": ([1.2, 1.5, 1.8, 1.4, 1.1], [0.02, 0.05, 0.08, 0.04, 0.0]),
    "extreme_4": ([0.5, 3.0, 10.0, 100.0], [-0.2, 0.3, 0.6, 1.0]),
}


def mpp_cases(pdata: dict) -> list:
    cases = []
    for pk, p in pdata.items():
        n = len(p["pd"])
        for path, (mult, add) in MPP_PATHS.items():
            T = len(mult)
            amorts = {
                "none": None,
                "per_period": [0.05, 0.1, 0.0, 0.2, 0.15][:T] if T == 5 else [0.0, 0.5, 1.0, 0.2],
                # Per-exposure amortisation (the CSV column), same every period: passed
                # to the library as a (n_periods, n_exposures) array, which it accepts
                # (only len() is checked; the row for period t broadcasts per exposure).
                "per_exposure_column": "tile",
            }
            for ak, am in amorts.items():
                case = {"id": f"mpp/{pk}/{path}/{ak}", "portfolio": pk,
                        "pd_multipliers": mult, "lgd_add_ons": add, "amortisation": ak}
                if am is None:
                    am_arg = None
                elif am == "tile":
                    am_arg = np.tile(p["amortisation"], (T, 1))
                    case["amortisation_rates_note"] = (
                        "period t uses the portfolio's amortisation column, per exposure")
                else:
                    am_arg = np.array(am)
                    case["amortisation_rates"] = am
                case.update(outcome(st.multi_period_projection, p["pd"], p["lgd"], p["ead"],
                                    np.array(mult), np.array(add), am_arg,
                                    pick=lambda r, n=n: pick_projection(
                                        r, n, PER_EXPOSURE_MAX_N_PROJECTION)))
                cases.append(case)
        if pk == "p7":
            # error cases
            cases.append({"id": "mpp/p7/error_lgd_length", "portfolio": pk,
                          "pd_multipliers": [1.2, 1.5, 1.8], "lgd_add_ons": [0.0, 0.1],
                          "amortisation": "none",
                          **outcome(st.multi_period_projection, p["pd"], p["lgd"], p["ead"],
                                    np.array([1.2, 1.5, 1.8]), np.array([0.0, 0.1]))})
            cases.append({"id": "mpp/p7/error_amortisation_length", "portfolio": pk,
                          "pd_multipliers": [1.2, 1.5, 1.8], "lgd_add_ons": [0.0, 0.1, 0.2],
                          "amortisation": "per_period", "amortisation_rates": [0.1, 0.1],
                          **outcome(st.multi_period_projection, p["pd"], p["lgd"], p["ead"],
                                    np.array([1.2, 1.5, 1.8]), np.array([0.0, 0.1, 0.2]),
                                    np.array([0.1, 0.1]))})
            # The raw per-exposure column as a 1-D array: rejected unless n == n_periods.
            cases.append({"id": "mpp/p7/error_amortisation_column_1d", "portfolio": pk,
                          "pd_multipliers": [1.2, 1.5, 1.8], "lgd_add_ons": [0.0, 0.1, 0.2],
                          "amortisation": "column_as_1d_array",
                          **outcome(st.multi_period_projection, p["pd"], p["lgd"], p["ead"],
                                    np.array([1.2, 1.5, 1.8]), np.array([0.0, 0.1, 0.2]),
                                    p["amortisation"])})
    return cases


# ------------------------------------------------------------------
# Reverse stress tests
# ------------------------------------------------------------------

def el_at(p: dict, m: float) -> float:
    """Portfolio EL at PD multiplier m (our own numpy; only used to choose targets)."""
    return float(np.sum(np.minimum(p["pd"] * m, 1.0) * p["lgd"] * p["ead"]))


def reverse_cases(pdata: dict) -> list:
    cases = []
    for pk, p in pdata.items():
        n = len(p["pd"])
        sum_ead = float(np.sum(p["ead"]))
        for lo, hi in ((1.0, 10.0), (0.5, 20.0)):
            el_lo, el_hi = el_at(p, lo), el_at(p, hi)
            targets = [("f0_boundary", el_lo), ("f0.1", el_lo + 0.1 * (el_hi - el_lo)),
                       ("f0.25", el_lo + 0.25 * (el_hi - el_lo)),
                       ("f0.5", el_lo + 0.5 * (el_hi - el_lo)),
                       ("f0.9", el_lo + 0.9 * (el_hi - el_lo)), ("f1_boundary", el_hi),
                       ("below_range", 0.5 * el_lo - 1.0), ("above_range", 1.5 * el_hi + 1.0)]
            for tk, target in targets:
                for tol in (0.001, 1e-4 * max(sum_ead, 1.0)):
                    if tol != 0.001 and tk not in ("f0.25", "f0.9"):
                        continue
                    case = {"id": f"reverse/{pk}/range{lo}-{hi}/{tk}/tol{tol!r}", "portfolio": pk,
                            "target_el": target, "target_label": tk,
                            "pd_multiplier_range": [lo, hi], "tolerance": tol,
                            # target == EL at a range end, computed with the same numpy
                            # operations: accepted by the library only because its own sum
                            # gives the identical double (range check is target < EL(lo)).
                            "knife_edge": tk.endswith("_boundary") and el_lo != el_hi
                                          and len(p["pd"]) > 0}

                    def pick(r, n=n):
                        out = {"multiplier": r["multiplier"], "stressed_el": r["stressed_el"],
                               "iterations": r["iterations"]}
                        if n <= PER_EXPOSURE_MAX_N:
                            out["stressed_pds"] = arr(r["stressed_pds"])
                        return out
                    case.update(outcome(st.reverse_stress_test, p["pd"], p["lgd"], p["ead"],
                                        target, (lo, hi), tol, pick=pick))
                    cases.append(case)
    return cases


def irb_corporate_rwa(stressed_pds, lgds, eads) -> float:
    """rwa_func used by the 'irb_corporate' capital-breach cases:
    RWA = sum_i irb_risk_weight(pd_i, lgd_i, 'corporate', maturity=2.5) / 100 * ead_i."""
    return float(sum(irb_risk_weight(float(pd), float(lgd), "corporate", 2.5) / 100.0 * float(ead)
                     for pd, lgd, ead in zip(stressed_pds, lgds, eads)))


def capital_breach_cases(pdata: dict) -> list:
    cases = []
    for pk, p in pdata.items():
        sum_ead = float(np.sum(p["ead"]))
        rwa_funcs = {"sum_ead": None}
        if pk != "p10000":
            rwa_funcs["irb_corporate"] = irb_corporate_rwa
        for rk, rf in rwa_funcs.items():
            def rwa_at(m, rf=rf):
                if rf is None:
                    return sum_ead
                return rf(np.minimum(p["pd"] * m, 1.0), p["lgd"], p["ead"])
            for floor in (0.045, 0.07):
                specs = [(f"breach_at_{m}", el_at(p, m) + floor * rwa_at(m)) for m in (1.5, 3.0, 7.5)]
                specs += [("already_breached", el_at(p, 1.0) + (floor - 0.005) * rwa_at(1.0)),
                          ("never_breached", el_at(p, 10.0) + (floor + 0.005) * rwa_at(10.0))]
                if rk == "irb_corporate" and floor == 0.07:
                    specs = specs[1:2]  # keep the slow rwa_func cases few
                for sk, cet1 in specs:
                    case = {"id": f"capital_breach/{pk}/{rk}/floor{floor}/{sk}", "portfolio": pk,
                            "cet1_capital": cet1, "cet1_floor_pct": floor, "rwa_func": rk,
                            "label": sk,
                            # all-defaulted book: EL does not depend on the multiplier, so
                            # CET1 = EL + floor*RWA puts the ratio exactly on the floor and
                            # the outcome is decided by the last bit of rounding.
                            "knife_edge": pk == "all_defaulted" and sk.startswith("breach_at")
                                          and rk == "sum_ead"}
                    case.update(outcome(st.reverse_stress_capital_breach, p["pd"], p["lgd"],
                                        p["ead"], cet1, floor, rf))
                    cases.append(case)
    return cases


# ------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------

def helper_cases(pdata: dict) -> dict:
    p = pdata["p7"]
    out = {"apply_pd_stress": [], "apply_lgd_stress": [], "stress_test_rwa_impact": []}
    for m, cap in ((1.0, 1.0), (2.5, 1.0), (10.0, 1.0), (3.0, 0.5), (0.5, 1.0)):
        out["apply_pd_stress"].append({"portfolio": "p7", "base": "pd", "stress_multiplier": m,
                                       "pd_cap": cap,
                                       **outcome(st.apply_pd_stress, p["pd"], m, cap, pick=arr)})
    for a, cap in ((0.0, 1.0), (0.1, 1.0), (0.5, 1.0), (-0.3, 1.0), (0.2, 0.8)):
        out["apply_lgd_stress"].append({"portfolio": "p7", "base": "lgd", "stress_add_on": a,
                                        "lgd_cap": cap,
                                        **outcome(st.apply_lgd_stress, p["lgd"], a, cap, pick=arr)})
    for b, s in ((1.0e9, 1.2e9), (5.0e8, 4.0e8), (0.0, 1.0e6), (-1.0, 2.0)):
        out["stress_test_rwa_impact"].append({"base_rwa": b, "stressed_rwa": s,
                                              **outcome(st.stress_test_rwa_impact, b, s)})
    return out


def main() -> None:
    pdata, pdesc = load_portfolios()
    lib = st.scenario_library()
    scenarios = dict(lib)
    scenarios.update(custom_scenarios())
    scen_json = {k: scenario_json(k, s, "scenario_library" if k in lib else "custom")
                 for k, s in scenarios.items()}
    annual = list(lib) + ANNUAL_CUSTOM

    doc = {
        "meta": meta("stress_testing.py",
                     "creditriskengine.portfolio.stress_testing on the golden portfolios"),
        "portfolios": pdesc,
        "scenarios": scen_json,
        "scenario_library_keys": list(lib),
        "satellites": satellites(scenarios, annual),
        "eba": eba_cases(pdata, scenarios, annual),
        "boe": boe_cases(pdata, scenarios, annual),
        "ccar": ccar_cases(pdata, scenarios),
        "rbi": rbi(pdata),
        "multi_period_projection": mpp_cases(pdata),
        "reverse_stress_test": reverse_cases(pdata),
        "reverse_stress_capital_breach": capital_breach_cases(pdata),
        "helpers": helper_cases(pdata),
    }
    write_json("credit/stress_testing.json", doc)


if __name__ == "__main__":
    main()
