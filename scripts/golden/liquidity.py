"""Golden vectors for creditriskengine.liquidity.lcr, creditriskengine.liquidity.nsfr
and the RBI liquidity sensitivity (RBIStressTest.liquidity_sensitivity).

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/liquidity.py

Writes Tests/LiquidityEngineTests/Golden/liquidity.json.  The script only calls the
library and records its inputs and outputs; the library's code is not copied.
Every case states which caps bind by design; the script asserts this with its own
arithmetic (the Basel LCR30.47 adjustment formula) so a mislabelled case fails here.

Notes on the library's outputs:
- stock_of_hqla, liquidity_coverage_ratio and net_stable_funding_ratio round their
  amounts to 6 decimals and the ratio to 6 decimals (lcr, nsfr) or 4 (the _pct
  fields).  Amounts here are bank-sized (1e6 and more), so rounding amounts to
  1e-6 is below 1e-12 relative; the unrounded ratio is recorded as
  `hqla_over_net_cash_outflows` / `asf_over_rsf` (the library's rounded amounts
  divided here, in float64), and the rounded ratio as the library returns it.
- The library takes total outflows and inflows (after run-off rates); the Swift
  test passes them through categories whose rate is 100%.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from importlib import metadata

from creditriskengine.liquidity import lcr as lcr_mod
from creditriskengine.liquidity import nsfr as nsfr_mod
from creditriskengine.portfolio.stress_testing import RBIStressTest

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join(REPO_ROOT, "Tests", "LiquidityEngineTests", "Golden", "liquidity.json")
LIBRARY = "creditriskengine"
EXPECTED_VERSION = "0.31.0"


def check_version() -> str:
    version = metadata.version(LIBRARY)
    if version != EXPECTED_VERSION:
        sys.exit(f"{LIBRARY} {version} installed; these vectors need {EXPECTED_VERSION}")
    return version


def finite(x: float) -> float:
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"non-finite value {x!r}")
    return x


# ------------------------------------------------------------------
# LCR
# ------------------------------------------------------------------

def basel_caps(l1: float, l2a_pre: float, l2b_pre: float) -> dict:
    """Our own check of which caps bind (Basel LCR30.47 adjustment formula)."""
    l2a = l2a_pre * 0.85
    l2b = l2b_pre * 0.50
    adj15 = max(l2b - 15.0 / 85.0 * (l1 + l2a), l2b - 15.0 / 60.0 * l1, 0.0)
    adj40 = max(l2a + l2b - adj15 - 2.0 / 3.0 * l1, 0.0)
    return {"level2b_cap": adj15 > 0.0, "level2_cap": adj40 > 0.0}


# (name, description, level1, level2a before haircut, level2b before haircut,
#  total outflows, total inflows, expected binding caps)
LCR_CASES = [
    ("no_cap_binds", "Level 1 dominant; no HQLA cap and no inflow cap binds",
     40e9, 5e9, 1e9, 30e9, 8e9, dict(level2b_cap=False, level2_cap=False, inflow_cap=False)),
    ("level2b_cap_binds", "Level 2B beyond 15% of HQLA; the 40% Level 2 cap does not bind",
     10e9, 1e9, 6e9, 9e9, 2e9, dict(level2b_cap=True, level2_cap=False, inflow_cap=False)),
    ("level2_cap_binds", "Level 2A beyond 40% of HQLA with no Level 2B",
     6e9, 8e9, 0.0, 7e9, 1e9, dict(level2b_cap=False, level2_cap=True, inflow_cap=False)),
    ("both_caps_bind", "Level 2A and 2B both large: the 15% and the 40% caps bind",
     5e9, 4e9, 6e9, 6e9, 1.5e9, dict(level2b_cap=True, level2_cap=True, inflow_cap=False)),
    ("level2b_cap_binds_by_level1_term", "Level 2B cap through the 15/60 of Level 1 term, with the 40% cap",
     10e9, 6e9, 8e9, 12e9, 3e9, dict(level2b_cap=True, level2_cap=True, inflow_cap=False)),
    ("inflow_cap_binds", "Inflows above 75% of outflows: net outflows are 25% of outflows",
     20e9, 2e9, 1e9, 16e9, 14e9, dict(level2b_cap=False, level2_cap=False, inflow_cap=True)),
    ("inflow_cap_and_level2b_cap_bind", "Both the inflow cap and the Level 2B cap bind",
     3e9, 0.0, 4e9, 10e9, 9e9, dict(level2b_cap=True, level2_cap=False, inflow_cap=True)),
    ("inflows_at_exactly_75_percent", "Inflows equal to 75% of outflows: the cap is reached, not exceeded",
     8e9, 1e9, 0.5e9, 8e9, 6e9, dict(level2b_cap=False, level2_cap=False, inflow_cap=False)),
    ("below_minimum", "LCR below 100%",
     2e9, 0.5e9, 0.2e9, 5e9, 1e9, dict(level2b_cap=False, level2_cap=False, inflow_cap=False)),
    ("level1_only", "Level 1 only, no inflows",
     7.5e9, 0.0, 0.0, 5e9, 0.0, dict(level2b_cap=False, level2_cap=False, inflow_cap=False)),
    ("sample_bank_like",
     "The sample bank (portfolio sample --exposures 20000 --seed 42): HQLA by level, and outflows "
     "and inflows after the Basel rates of tables/liquidity-basel.yaml, summed in this script",
     568_167_021.0, 138_885_272.0, 50_503_735.0,
     # outflows: retail_stable 5%, retail_less_stable 10%, operational 25%,
     # corporate_non_operational 40%, financial 100%, committed_facilities_retail 5%,
     # committed_facilities_corporate 10%
     (0.05 * 2_083_279_078 + 0.10 * 757_556_028 + 0.25 * 505_037_352 + 0.40 * 441_907_683
      + 1.00 * 220_953_842 + 0.05 * 22_706_202 + 0.10 * 428_943_914),
     # inflows: non_financial 50%, financial 100%
     (0.50 * 252_518_676 + 1.00 * 126_259_338),
     dict(level2b_cap=False, level2_cap=False, inflow_cap=False)),
]


def lcr_cases() -> list:
    out = []
    for name, description, l1, l2a, l2b, outflows, inflows, binds in LCR_CASES:
        caps = basel_caps(l1, l2a, l2b)
        inflow_cap = inflows > 0.75 * outflows
        assert caps["level2b_cap"] == binds["level2b_cap"], name
        assert caps["level2_cap"] == binds["level2_cap"], name
        assert inflow_cap == binds["inflow_cap"], name
        stock = lcr_mod.stock_of_hqla(l1, l2a, l2b)
        net = lcr_mod.net_cash_outflows(outflows, inflows)
        result = lcr_mod.liquidity_coverage_ratio(l1, l2a, l2b, outflows, inflows)
        out.append({
            "name": name,
            "description": description,
            "inputs": {
                "level1": l1, "level2a_pre_haircut": l2a, "level2b_pre_haircut": l2b,
                "total_outflows": outflows, "total_inflows": inflows,
            },
            "binds": binds,
            "expected": {
                "stock_of_hqla": {
                    "level1": finite(stock.level1), "level2a": finite(stock.level2a),
                    "level2b": finite(stock.level2b), "total_hqla": finite(stock.total_hqla),
                    "cap_adjustment": finite(stock.cap_adjustment),
                },
                "net_cash_outflows": finite(net),
                "hqla": finite(result.hqla),
                "lcr_net_cash_outflows": finite(result.net_cash_outflows),
                "lcr": finite(result.lcr),
                "lcr_pct": finite(result.lcr_pct),
                "is_compliant": bool(result.is_compliant),
                "hqla_over_net_cash_outflows": finite(result.hqla / result.net_cash_outflows),
            },
        })
    return out


def lcr_errors() -> list:
    """Inputs the library rejects or treats specially (StressPack errors on all of them)."""
    cases = []
    for name, args in [("negative_level1", (-1.0, 0.0, 0.0, 10.0, 0.0)),
                       ("negative_outflows", (10.0, 0.0, 0.0, -1.0, 0.0)),
                       ("zero_outflows", (10.0, 0.0, 0.0, 0.0, 0.0))]:
        try:
            r = lcr_mod.liquidity_coverage_ratio(*args)
            cases.append({"name": name, "inputs": list(args),
                          "library": {"lcr": "inf" if math.isinf(r.lcr) else r.lcr,
                                      "is_compliant": bool(r.is_compliant)}})
        except ValueError as e:
            cases.append({"name": name, "inputs": list(args),
                          "library": {"error": type(e).__name__, "message": str(e)}})
    return cases


# ------------------------------------------------------------------
# NSFR (library category names; the Swift test maps them to ours)
# ------------------------------------------------------------------

S = 1_000_000.0
NSFR_CASES = [
    ("sample_bank_like",
     "The sample bank's NSFR positions in the library's categories (regulatory capital and "
     "long-term wholesale funding both 'capital', operational and corporate deposits both "
     "'wholesale_nonfin_lt1y', financial short-term and other liabilities both 'other_lt1y'; "
     "retail and corporate loans both 'other_loans_ge1y'; loans to financials 6m-1y as "
     "'loans_lt1y' (50%)). Off-balance-sheet facilities have no library category and are left out.",
     {"capital": 360_851_687.0 + 1_262_593_381.0, "stable_deposits": 2_083_279_078.0,
      "less_stable_deposits": 757_556_028.0,
      "wholesale_nonfin_lt1y": 505_037_352.0 + 441_907_683.0,
      "other_lt1y": 220_953_842.0 + 694_426_359.0},
     {"cash_and_l1": 568_167_021.0, "level_2a": 138_885_272.0, "level_2b": 50_503_735.0,
      "loans_lt1y": 320_391_195.0, "residential_mortgage": 1_583_697_651.0,
      "other_loans_ge1y": 2_140_767_864.0 + 84_029_993.0, "other_assets": 757_556_028.0}),
    ("deposit_funded_bank", "Retail-funded bank with a mortgage book; NSFR above 100%",
     {"capital": 12_000 * S, "stable_deposits": 60_000 * S, "less_stable_deposits": 20_000 * S,
      "wholesale_nonfin_lt1y": 10_000 * S, "other_lt1y": 8_000 * S},
     {"cash_and_l1": 20_000 * S, "level_2a": 5_000 * S, "level_2b": 1_000 * S,
      "loans_lt1y": 10_000 * S, "residential_mortgage": 50_000 * S,
      "other_loans_ge1y": 15_000 * S, "other_assets": 5_000 * S}),
    ("wholesale_funded_bank", "Short-term wholesale funding of long-term loans; NSFR below 100%",
     {"capital": 5_000 * S, "stable_deposits": 5_000 * S, "wholesale_nonfin_lt1y": 20_000 * S,
      "other_lt1y": 40_000 * S},
     {"cash_and_l1": 5_000 * S, "other_loans_ge1y": 40_000 * S, "other_assets": 10_000 * S}),
    ("single_category", "One ASF and one RSF category",
     {"less_stable_deposits": 1_234_567_891.0}, {"residential_mortgage": 987_654_321.0}),
]


def nsfr_cases() -> list:
    out = []
    for name, description, asf_amounts, rsf_amounts in NSFR_CASES:
        asf_in = {nsfr_mod.ASFCategory(k): v for k, v in asf_amounts.items()}
        rsf_in = {nsfr_mod.RSFCategory(k): v for k, v in rsf_amounts.items()}
        result = nsfr_mod.net_stable_funding_ratio(asf_in, rsf_in)
        out.append({
            "name": name,
            "description": description,
            "asf_amounts": asf_amounts,
            "rsf_amounts": rsf_amounts,
            "expected": {
                "available_stable_funding": finite(nsfr_mod.available_stable_funding(asf_in)),
                "required_stable_funding": finite(nsfr_mod.required_stable_funding(rsf_in)),
                "asf": finite(result.asf), "rsf": finite(result.rsf),
                "nsfr": finite(result.nsfr), "nsfr_pct": finite(result.nsfr_pct),
                "is_compliant": bool(result.is_compliant),
                "asf_over_rsf": finite(result.asf / result.rsf),
            },
        })
    return out


def nsfr_factors() -> dict:
    return {
        "asf": {c.value: float(f) for c, f in nsfr_mod.ASF_FACTORS.items()},
        "rsf": {c.value: float(f) for c, f in nsfr_mod.RSF_FACTORS.items()},
    }


# ------------------------------------------------------------------
# RBI liquidity sensitivity
# ------------------------------------------------------------------

RBI_CASES = [
    ("runoff_5", 5.0, 711_466_278.0, 4_008_733_983.0, 495_404_853.0),
    ("runoff_10", 10.0, 711_466_278.0, 4_008_733_983.0, 495_404_853.0),
    ("runoff_20_breach", 20.0, 711_466_278.0, 4_008_733_983.0, 495_404_853.0),
    ("runoff_0", 0.0, 60e9, 110e9, 40e9),
    ("runoff_100", 100.0, 60e9, 110e9, 40e9),
]


def rbi_cases() -> list:
    out = []
    test = RBIStressTest(severity="moderate")
    for name, pct, hqla, deposits, nco in RBI_CASES:
        r = test.liquidity_sensitivity(deposit_outflow_pct=pct, hqla=hqla, total_deposits=deposits,
                                       net_cash_outflows_30d=nco)
        out.append({
            "name": name,
            "inputs": {"deposit_outflow_pct": pct, "hqla": hqla, "total_deposits": deposits,
                       "net_cash_outflows_30d": nco},
            "expected": {
                "deposit_outflow_amount": finite(r["deposit_outflow_amount"]),
                "baseline_lcr_pct": finite(r["baseline_lcr_pct"]),
                "stressed_lcr_pct": finite(r["stressed_lcr_pct"]),
                "lcr_breach": bool(r["lcr_breach"]),
            },
        })
    return out


def main() -> None:
    document = {
        "generator": {
            "library": LIBRARY,
            "library_version": check_version(),
            "python": platform.python_version(),
            "command": "/tmp/ref/bin/python scripts/golden/liquidity.py",
            "modules": ["creditriskengine.liquidity.lcr", "creditriskengine.liquidity.nsfr",
                        "creditriskengine.portfolio.stress_testing.RBIStressTest.liquidity_sensitivity"],
            "float_format": "JSON numbers written with Python repr(): exact float64 round trip",
        },
        "lcr": lcr_cases(),
        "lcr_library_edge_cases": lcr_errors(),
        "nsfr_library_factors": nsfr_factors(),
        "nsfr": nsfr_cases(),
        "rbi_liquidity_sensitivity": rbi_cases(),
    }
    text = json.dumps(document, indent=1, allow_nan=False, ensure_ascii=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")
    print(f"wrote {os.path.relpath(OUTPUT, REPO_ROOT)} ({os.path.getsize(OUTPUT):,} bytes)")


if __name__ == "__main__":
    main()
