"""Golden figures for the regulatory templates, from creditriskengine.reporting.

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/regulatory_templates.py

Writes
    Tests/Golden/templates/portfolio_{mixed,retail,wholesale}.csv   (inputs; numpy only)
    Tests/Golden/templates/regulatory_templates.json                (library results)

The portfolios are in StressPack's portfolio CSV format (docs/INTERFACES.md, "Portfolio
file"). The script computes, exposure by exposure and in the conventions StressPack uses
(RegulatoryFactsBuilder), what the library's reporting functions take as input, calls them,
and records inputs and outputs:

- `pillar3.generate_cr6_irb_overview` on the 13 leaf rows of the fixed EU CR6 PD scale
  (Implementing Regulation (EU) 2021/637, Annex XXII: bucketed on the PD before the input
  floors, lower bound included, defaulted exposures in "100.00 (Default)"), for the whole
  book and for each IRB exposure class; risk weights from
  `creditriskengine.rwa.irb.formulas.irb_risk_weight`. Also once with the full 17-row
  hierarchical scale, to document that the library's totals then count twice.
- `corep.generate_c0801_irb` and `corep.generate_c0802_airb` with per-class aggregates.
- `corep.generate_c0700_sa`, once per distinct standardised risk weight (the library takes
  one weight per class), with the weights of tables/standardised-risk-weights.yaml assigned
  as StressPack's StandardisedRiskWeights does; and once more on the original exposure
  pre conversion factors, to document that the library applies no CCF.
- `fr_y14.generate_loss_schedule` on a 9-quarter net charge-off path, with the Federal
  Reserve's loss-rate definition computed here for comparison.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import math
import os

import numpy as np
import yaml
from creditriskengine.reporting import corep, fr_y14, pillar3
from creditriskengine.rwa.irb import formulas as irbf

from _common import GOLDEN, REPO_ROOT, meta, write_json

SEED = 20_310_700  # portfolio k uses default_rng(SEED + k)
OUT_DIR = "templates"
REPORTING_DATE = "2025-12-31"
# The credit engine's PD floor that RegulatoryFactsBuilder applies before the IRB formula
# (frameworks/eba.yaml pd_floor). Below every library floor (0.05%, QRRE 0.10%), so moot.
FRAMEWORK_PD_FLOOR = 0.0003
STANDARDISED_TABLE = "tables/standardised-risk-weights.yaml"

ASSET_CLASSES = ["corporate", "sovereign", "bank", "sme", "residential_mortgage", "qrre", "other_retail", "cre"]
RETAIL = {"residential_mortgage", "qrre", "other_retail"}
# The library's irb_risk_weight asset class of each StressPack asset class (as PortfolioRWA.irbClass).
LIBRARY_IRB_FUNCTION = {"corporate": "corporate", "sme": "corporate", "cre": "corporate", "sovereign": "sovereign",
                        "bank": "bank", "residential_mortgage": "residential_mortgage", "qrre": "qrre",
                        "other_retail": "other_retail"}
# CRR Art. 147 classes: StressPack's names (RegulatoryFactsBuilder.irbClass) and the library's
# (corep.IRB_EXPOSURE_CLASSES).
STRESSPACK_IRB_CLASS = {
    "sovereign": "Central governments and central banks",
    "bank": "Institutions",
    "corporate": "Corporates - Other",
    "sme": "Corporates - SME",
    "cre": "Corporates - Specialised lending",
    "residential_mortgage": "Retail - Secured by immovable property non-SME",
    "qrre": "Retail - Qualifying revolving",
    "other_retail": "Retail - Other non-SME",
}
LIBRARY_IRB_CLASS = {
    "sovereign": "Central governments and central banks",
    "bank": "Institutions",
    "corporate": "Corporates \u2014 Other",
    "sme": "Corporates \u2014 SME",
    "cre": "Corporates \u2014 Specialised lending",
    "residential_mortgage": "Retail \u2014 Secured by immovable property \u2014 Non-SME",
    "qrre": "Retail \u2014 Qualifying revolving",
    "other_retail": "Retail \u2014 Other non-SME",
}
# CRR Art. 112 classes (RegulatoryFactsBuilder.standardisedClass; the library's names are the same).
SA_CLASS = {"sovereign": "Central governments or central banks", "bank": "Institutions", "corporate": "Corporates",
            "sme": "Corporates", "residential_mortgage": "Secured by mortgages on immovable property",
            "cre": "Secured by mortgages on immovable property", "qrre": "Retail", "other_retail": "Retail"}
SA_DEFAULT_CLASS = "Exposures in default"
# COREP C 07.00 rows 0140-0270 (CRR2 risk weights); any other weight is row 0280.
SA_BANDS = [(0.0, "0140"), (0.02, "0150"), (0.04, "0160"), (0.10, "0170"), (0.20, "0180"), (0.35, "0190"),
            (0.50, "0200"), (0.70, "0210"), (0.75, "0220"), (1.00, "0230"), (1.50, "0240"), (2.50, "0250"),
            (3.70, "0260"), (12.50, "0270")]

# The fixed CR6 PD scale, in percent (Annex XXI labels; row codes of COREP C 08.03).
# (code, label, lower %, upper %, leaf)
CR6_SCALE = [
    ("0010", "0.00 to <0.15", 0.0, 0.15, False),
    ("0020", "0.00 to <0.10", 0.0, 0.10, True),
    ("0030", "0.10 to <0.15", 0.10, 0.15, True),
    ("0040", "0.15 to <0.25", 0.15, 0.25, True),
    ("0050", "0.25 to <0.50", 0.25, 0.50, True),
    ("0060", "0.50 to <0.75", 0.50, 0.75, True),
    ("0070", "0.75 to <2.50", 0.75, 2.50, False),
    ("0080", "0.75 to <1.75", 0.75, 1.75, True),
    ("0090", "1.75 to <2.5", 1.75, 2.50, True),
    ("0100", "2.50 to <10.00", 2.50, 10.0, False),
    ("0110", "2.5 to <5", 2.50, 5.0, True),
    ("0120", "5 to <10", 5.0, 10.0, True),
    ("0130", "10.00 to <100.00", 10.0, 100.0, False),
    ("0140", "10 to <20", 10.0, 20.0, True),
    ("0150", "20 to <30", 20.0, 30.0, True),
    ("0160", "30.00 to <100.00", 30.0, 100.0, True),
    ("0170", "100.00 (Default)", None, None, True),
]
LEAVES = [r for r in CR6_SCALE if r[4]]
DEFAULT_CODE = "0170"

# Credit quality steps of the rating spellings used here (CapitalEngine's CreditQualityStep).
CQS = {"AAA": 1, "AA": 1, "AA-": 1, "A+": 2, "A": 2, "A-": 2, "BBB+": 3, "BBB": 3, "BBB-": 3,
       "BB+": 4, "BB": 4, "BB-": 4, "B+": 5, "B": 5, "B-": 5, "CCC": 6, "CC": 6, "NR": None}
# Rating by PD (upper PD bound of each grade), for a plausible grade per exposure.
GRADE_BY_PD = [(0.0003, "AAA"), (0.0006, "AA"), (0.001, "AA-"), (0.0015, "A+"), (0.0025, "A"), (0.004, "A-"),
               (0.006, "BBB+"), (0.009, "BBB"), (0.014, "BBB-"), (0.022, "BB+"), (0.035, "BB"), (0.055, "BB-"),
               (0.09, "B+"), (0.14, "B"), (0.22, "B-"), (0.4, "CCC"), (2.0, "CC")]

COLUMNS = ["id", "asset_class", "pd", "lgd", "ead", "drawn", "undrawn", "ccf", "maturity", "turnover_eur_m",
           "rating", "collateral_value", "default_flag", "provision"]

# (key, file, n, class shares, extra specials)
PORTFOLIOS = [
    ("mixed", "portfolio_mixed.csv", 800,
     {"corporate": 0.20, "sme": 0.12, "sovereign": 0.05, "bank": 0.08, "cre": 0.08, "residential_mortgage": 0.20,
      "qrre": 0.12, "other_retail": 0.15}),
    ("retail", "portfolio_retail.csv", 2000,
     {"residential_mortgage": 0.45, "qrre": 0.30, "other_retail": 0.20, "sme": 0.05}),
    ("wholesale", "portfolio_wholesale.csv", 400,
     {"corporate": 0.35, "sme": 0.20, "sovereign": 0.10, "bank": 0.15, "cre": 0.20}),
]
MEDIAN_PD = {"corporate": 0.012, "sme": 0.022, "sovereign": 0.002, "bank": 0.004, "cre": 0.018,
             "residential_mortgage": 0.008, "qrre": 0.025, "other_retail": 0.02}
# PDs exactly on every bound of the scale (lower bound included), at the floors, below them and 0.
BOUNDARY_PDS = [0.001, 0.0015, 0.0025, 0.005, 0.0075, 0.0175, 0.025, 0.05, 0.1, 0.2, 0.3]


def sig(x: float, digits: int = 6) -> float:
    return float(f"{x:.{digits}g}")


def cents(x: float) -> float:
    return round(float(x), 2)


def fmt(x) -> str:
    if x is None:
        return ""
    if isinstance(x, str):
        return x
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return repr(float(x))


# ---------------------------------------------------------------- portfolios (inputs)

def make_portfolio(k: int, key: str, n: int, shares: dict) -> list[dict]:
    rng = np.random.default_rng(SEED + k)
    classes = list(shares)
    counts = [int(round(n * shares[c])) for c in classes]
    counts[0] += n - sum(counts)
    assigned = [c for c, m in zip(classes, counts) for _ in range(m)]
    assigned = [assigned[i] for i in rng.permutation(n)]
    rows = []
    for i, c in enumerate(assigned):
        pd = float(np.clip(np.exp(rng.normal(math.log(MEDIAN_PD[c]), 1.2)), 0.0001, 0.6))
        pd = sig(pd, 5)
        if c == "residential_mortgage":
            lgd = round(float(rng.beta(2.0, 9.0)), 4)
        else:
            lgd = round(float(rng.beta(2.0, 3.0)), 4)
        scale = {"sovereign": 4e6, "bank": 2e6, "corporate": 1.5e6, "cre": 2.5e6, "sme": 4e5,
                 "residential_mortgage": 2.5e5, "qrre": 8e3, "other_retail": 2.5e4}[c]
        row = {"id": f"{key[0].upper()}{i + 1:05d}", "asset_class": c, "pd": pd, "lgd": lgd, "ead": None,
               "drawn": None, "undrawn": None, "ccf": None, "maturity": None, "turnover_eur_m": None,
               "rating": None, "collateral_value": None, "default_flag": "0", "provision": None}
        amount = cents(np.exp(rng.normal(math.log(scale), 1.0)))
        if c in ("corporate", "sme", "qrre", "other_retail", "residential_mortgage") and rng.uniform() < 0.6:
            drawn = amount
            undrawn = cents(drawn * rng.uniform(0.0, 1.2))
            ccf = float(rng.choice([0.2, 0.4, 0.5, 0.75, 1.0]))
            row.update(drawn=drawn, undrawn=undrawn, ccf=ccf, ead=drawn + ccf * undrawn)
        else:
            row["ead"] = amount
        if c not in RETAIL or rng.uniform() < 0.1:  # a few retail maturities, which both sides ignore
            row["maturity"] = None if rng.uniform() < 0.1 else round(float(rng.uniform(0.3, 7.0)), 2)
        if c == "sme" and rng.uniform() < 0.85:
            row["turnover_eur_m"] = round(float(rng.uniform(1.0, 80.0)), 1)
        grade = next(g for bound, g in GRADE_BY_PD if pd < bound)
        row["rating"] = "NR" if (c not in RETAIL and rng.uniform() < 0.15) else grade
        if c in ("residential_mortgage", "cre") and rng.uniform() < 0.9:
            ltv = float(rng.uniform(0.3, 1.25))
            row["collateral_value"] = cents(row["ead"] / ltv)
        rows.append(row)

    # Specials on disjoint rows: PDs on the scale's bounds, at/below floors, zero, defaulted.
    order = rng.permutation(n)
    slot = iter(order)
    for b in BOUNDARY_PDS:
        for _ in range(2 if key == "mixed" else 1):
            rows[next(slot)]["pd"] = b
    for v in [0.0, 0.0002, 0.0005, 0.0008, 0.001]:
        rows[next(slot)]["pd"] = v
    n_default = max(6, int(round(0.04 * n)))
    for j in range(n_default):
        r = rows[next(slot)]
        if j % 2 == 0:
            r["pd"] = 1.0                                   # defaulted by PD = 1
        else:
            r["pd"] = sig(float(rng.uniform(0.2, 0.6)), 5)  # defaulted by the flag, PD < 1
            r["default_flag"] = "1"
        r["lgd"] = round(float(rng.uniform(0.05, 0.9)), 4)
    if key == "mixed":
        r = rows[next(slot)]                                # a zero exposure
        r.update(ead=0.0, drawn=None, undrawn=None, ccf=None, collateral_value=None)

    # Provisions held (the bank's allowance; every row, so no model allowance is needed).
    for r in rows:
        defaulted = r["pd"] >= 1 or r["default_flag"] == "1"
        share = r["lgd"] * float(rng.uniform(0.6, 1.1)) if defaulted else float(rng.uniform(0.0, 0.02))
        r["provision"] = math.floor(min(r["ead"] * share, r["ead"]) * 100) / 100
    return rows


def write_portfolio(rows: list[dict], relpath: str) -> None:
    path = os.path.join(GOLDEN, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([fmt(r[c]) for c in COLUMNS])
    print(f"wrote {os.path.relpath(path, REPO_ROOT)} ({len(rows)} rows, {os.path.getsize(path):,} bytes)")


def read_portfolio(relpath: str) -> list[dict]:
    """Reads the CSV back as the Swift side does: float() of each number, blank = not given."""
    out = []
    with open(os.path.join(GOLDEN, relpath), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            r = {}
            for c in COLUMNS:
                v = row[c]
                if c in ("id", "asset_class", "rating", "default_flag"):
                    r[c] = v
                else:
                    r[c] = float(v) if v != "" else None
            out.append(r)
    return out


# ---------------------------------------------------------------- per-exposure figures

def load_table() -> dict:
    with open(os.path.join(REPO_ROOT, STANDARDISED_TABLE), encoding="utf-8") as f:
        t = yaml.safe_load(f)
    assert t.get("defaulted_exposure_value", "net_of_provisions") == "net_of_provisions"
    return t["classes"]


def sa_weight(entry: dict, cqs, ltv, defaulted: bool, coverage: float) -> float:
    """StandardisedRiskWeights.riskWeight / defaultedWeight for the keys the Basel table uses."""
    if defaulted:
        bands = entry.get("defaulted_by_provision_coverage")
        if bands is None:
            return float(entry["defaulted"])
        band = 0
        for k, bound in enumerate(bands["at_least"]):
            if coverage >= bound:
                band = k + 1
        return float(bands["weights"][band])
    if "by_ltv" in entry and ltv is not None:
        for bound, w in zip(entry["by_ltv"]["up_to"], entry["by_ltv"]["weights"]):
            if ltv <= bound:
                return float(w)
        return float(entry["by_ltv"]["weights"][-1])
    if "by_cqs" in entry and cqs is not None:
        return float(entry["by_cqs"][cqs - 1])
    return float(entry["base"])


def band_of(w: float) -> tuple[str, str]:
    for b, code in SA_BANDS:
        if abs(b - w) < 1e-9:
            pct = round(b * 1000) / 10
            return code, (f"{int(pct)}%" if pct == int(pct) else f"{pct}%")
    return "0280", "other"


def cr6_leaf(pd: float, defaulted: bool) -> str:
    """Leaf row code: PD in percent before floors, lower bound included; defaulted → 0170."""
    if defaulted or pd >= 1:
        return DEFAULT_CODE
    percent = pd * 100
    for code, _, lo, hi, leaf in LEAVES[:-1]:
        if percent < hi:
            return code
    return "0160"


def exposure_figures(r: dict, table: dict) -> dict:
    c = r["asset_class"]
    defaulted = r["pd"] >= 1 or r["default_flag"] == "1"
    ead, lgd = r["ead"], r["lgd"]
    fn = LIBRARY_IRB_FUNCTION[c]
    kwargs = {}
    if fn in ("corporate", "sovereign", "bank") and r["maturity"] is not None:
        kwargs["maturity"] = r["maturity"]
    if c == "sme" and r["turnover_eur_m"] is not None:
        kwargs["turnover_eur_millions"] = r["turnover_eur_m"]
    pd_in = 1.0 if defaulted else max(r["pd"], FRAMEWORK_PD_FLOOR)
    rw_pct = irbf.irb_risk_weight(pd_in, lgd, fn, **kwargs)
    pd_floored = 1.0 if defaulted else max(r["pd"], irbf.pd_input_floor(fn))
    has_split = r["drawn"] is not None
    on_bal = r["drawn"] if has_split else ead
    off_bal = (r["undrawn"] or 0.0) if has_split else 0.0

    entry = table[c]
    cqs = CQS[r["rating"]] if r["rating"] in CQS else None
    coll = r["collateral_value"]
    ltv = ead / coll if coll is not None and coll > 0 else None
    coverage = min(max(lgd, 0.0), 1.0)
    w = sa_weight(entry, cqs, ltv, defaulted, coverage)
    factor = 1.0
    if "undrawn_ccf" in entry and has_split and r["undrawn"] is not None and ead >= 1e-6:
        factor = (r["drawn"] + float(entry["undrawn_ccf"]) * r["undrawn"]) / ead
    net = 1 - coverage if defaulted else 1
    ev = ead * factor * net
    return {
        "defaulted": defaulted, "leaf": cr6_leaf(r["pd"], defaulted), "ead": ead, "lgd": lgd,
        "pd_floored": pd_floored, "rw_pct": rw_pct, "rwa": rw_pct / 100 * ead,
        "el": ead * (lgd if defaulted else pd_floored * lgd), "original": on_bal + off_bal,
        "provision": r["provision"], "sa_class": SA_DEFAULT_CLASS if defaulted else SA_CLASS[c], "sa_weight": w,
        "sa_original": on_bal + off_bal, "sa_ev": ev, "sa_rwa": w * ev, "has_undrawn": off_bal > 0,
    }


# ---------------------------------------------------------------- library calls

def cr6_rows(figs: list[dict], scale) -> list[dict]:
    rows = []
    for code, label, lo, hi, leaf in scale:
        if leaf:
            codes = {code}
        else:
            codes = {c for c, _, l2, h2, lf in LEAVES if lf and l2 is not None and lo <= l2 and h2 <= hi}
        sel = [f for f in figs if f["leaf"] in codes]
        ead = math.fsum(f["ead"] for f in sel)
        rwa = math.fsum(f["rwa"] for f in sel)
        rows.append({"pd_range": label, "row_code": code, "n_obligors": len(sel), "ead": ead,
                     "avg_pd": math.fsum(f["pd_floored"] * f["ead"] for f in sel) / ead if ead > 0 else 0.0,
                     "avg_lgd": math.fsum(f["lgd"] * f["ead"] for f in sel) / ead if ead > 0 else 0.0,
                     "avg_rw": rwa / ead if ead > 0 else 0.0, "rwa": rwa,
                     "el": math.fsum(f["el"] for f in sel)})
    return rows


def cr6_block(figs: list[dict]) -> dict:
    rows = cr6_rows(figs, LEAVES)
    out = pillar3.generate_cr6_irb_overview([{k: v for k, v in r.items() if k != "row_code"} for r in rows])
    for r, lib in zip(rows, out["pd_grades"]):
        assert lib["pd_range"] == r["pd_range"]
        lib["row_code"] = r["row_code"]
    return {"leaf_rows": out["pd_grades"], "totals": out["totals"]}


def template_dict(t) -> dict:
    return {"template_id": t.template_id, "template_name": t.template_name, "metadata": t.metadata,
            "rows": [dataclasses.asdict(r) for r in t.rows]}


def portfolio_case(key: str, relpath: str, table: dict) -> dict:
    rows = read_portfolio(relpath)
    figs = [exposure_figures(r, table) for r in rows]
    for r, f in zip(rows, figs):
        f["asset_class"] = r["asset_class"]
    classes = [c for c in ASSET_CLASSES if any(f["asset_class"] == c for f in figs)]

    # EU CR6: the whole book and each IRB class, on the leaf rows.
    cr6 = {"Total": cr6_block(figs)}
    for c in classes:
        cr6[STRESSPACK_IRB_CLASS[c]] = cr6_block([f for f in figs if f["asset_class"] == c])
    full = cr6_rows(figs, CR6_SCALE)
    full_out = pillar3.generate_cr6_irb_overview([{k: v for k, v in r.items() if k != "row_code"} for r in full])

    # COREP C 08.01 / C 08.02 by IRB class.
    by_class = {}
    for c in classes:
        sel = [f for f in figs if f["asset_class"] == c]
        by_class[LIBRARY_IRB_CLASS[c]] = {
            "original_exposure": math.fsum(f["original"] for f in sel), "credit_risk_mitigation": 0.0,
            "ead_post_crm": math.fsum(f["ead"] for f in sel), "rwa": math.fsum(f["rwa"] for f in sel),
            "expected_loss": math.fsum(f["el"] for f in sel), "provisions": math.fsum(f["provision"] for f in sel)}
    c0801 = corep.generate_c0801_irb(copy.deepcopy(by_class), REPORTING_DATE, "Golden Bank")
    c0802 = corep.generate_c0802_airb(copy.deepcopy(by_class), REPORTING_DATE, "Golden Bank")
    class_names = [{"asset_class": c, "stresspack": STRESSPACK_IRB_CLASS[c], "library": LIBRARY_IRB_CLASS[c]}
                   for c in classes]

    # COREP C 07.00: one library call per distinct standardised weight (its classes as rows).
    weights = sorted({f["sa_weight"] for f in figs})
    c0700_calls, c0700_pre_ccf_calls = [], []
    for w in weights:
        groups, groups_pre_ccf = {}, {}
        for sa_class in dict.fromkeys(f["sa_class"] for f in figs):
            sel = [f for f in figs if f["sa_weight"] == w and f["sa_class"] == sa_class]
            if not sel:
                continue
            provisions = math.fsum(f["provision"] for f in sel)
            groups[sa_class] = {"original_exposure": math.fsum(f["sa_ev"] for f in sel), "credit_risk_mitigation": 0.0,
                                "risk_weight_pct": w * 100, "provisions": provisions}
            groups_pre_ccf[sa_class] = {"original_exposure": math.fsum(f["sa_original"] for f in sel),
                                        "credit_risk_mitigation": 0.0, "risk_weight_pct": w * 100,
                                        "provisions": provisions}
        code, label = band_of(w)
        for target, g in ((c0700_calls, groups), (c0700_pre_ccf_calls, groups_pre_ccf)):
            t = corep.generate_c0700_sa(copy.deepcopy(g), REPORTING_DATE, "Golden Bank")
            extra = {}
            if target is c0700_calls:
                extra = {"our_original_exposure": {k: math.fsum(f["sa_original"] for f in figs
                                                                 if f["sa_weight"] == w and f["sa_class"] == k)
                                                   for k in g},
                         "obligors": {k: sum(1 for f in figs if f["sa_weight"] == w and f["sa_class"] == k)
                                      for k in g}}
            target.append({"risk_weight": w, "row_code": code, "band": label, "inputs": g, **extra,
                           "expected": template_dict(t)})

    n_def = sum(f["defaulted"] for f in figs)
    return {
        "file": relpath, "n": len(rows), "defaulted": n_def,
        "defaulted_by_flag_with_pd_below_1": sum(1 for r, f in zip(rows, figs) if f["defaulted"] and r["pd"] < 1),
        "with_undrawn": sum(f["has_undrawn"] for f in figs),
        "counts_by_asset_class": {c: sum(1 for f in figs if f["asset_class"] == c) for c in classes},
        "irb_classes": class_names,
        "cr6": cr6,
        "cr6_all_17_rows": {"rows": full, "totals": full_out["totals"],
                            "leaf_totals": cr6["Total"]["totals"]},
        "c0801": {"inputs": by_class, "expected": template_dict(c0801)},
        "c0802": {"expected": template_dict(c0802)},
        "c0700": c0700_calls,
        "c0700_pre_ccf": c0700_pre_ccf_calls,
    }


# ---------------------------------------------------------------- FR Y-14

def fr_y14_case() -> dict:
    rng = np.random.default_rng(SEED + 99)
    beginning = 5.0e9
    # A severely adverse shape: losses build up to a peak in the fifth quarter, then ease.
    shape = np.array([0.5, 0.8, 1.1, 1.4, 1.6, 1.5, 1.3, 1.1, 0.9])
    nco = [float(round(x)) for x in shape * 2.0e7 * rng.uniform(0.85, 1.15, 9)]
    labels = [f"Q{(q % 4) + 1} {2026 + q // 4}" for q in range(9)]
    path = dict(zip(labels, nco))
    schedule = fr_y14.generate_loss_schedule(dict(path), reporting_date=REPORTING_DATE, bhc_name="Golden BHC",
                                             beginning_balance=beginning)
    d = fr_y14.schedule_to_dict(schedule)
    rows = d["rows"]
    total = math.fsum(nco)
    quarter_avg = [(r["beginning_balance"] + r["ending_balance"]) / 2 for r in rows]
    avg_balance = math.fsum(quarter_avg) / len(quarter_avg)
    return {
        "call": {"projected_losses": path, "reporting_date": REPORTING_DATE, "bhc_name": "Golden BHC",
                 "horizon_quarters": 9, "beginning_balance": beginning, "gross_to_net_ratio": 1.1},
        "expected": d,
        "library_cumulative_loss_rate": rows[-1]["cumulative_loss_rate"],
        "library_definition": "cumulative net charge-offs through the quarter / that quarter's beginning balance "
                              "(beginning balance = initial balance - net charge-offs of the earlier quarters)",
        "total_net_charge_offs": total,
        "loss_over_initial_balance": total / beginning,
        "fed_quarterly_average_balances": quarter_avg,
        "fed_average_balance": avg_balance,
        "fed_loss_rate": total / avg_balance,
        "fed_definition": "nine-quarter cumulative losses / average loan balance over the nine quarters (2025 "
                          "Federal Reserve Stress Test Results, Appendix A, loan-loss tables, footnote 1); each "
                          "quarter's balance is the mean of its beginning and ending balance in the library's "
                          "schedule, averaged over the 9 quarters",
    }


def main() -> None:
    table = load_table()
    cases = {}
    for k, (key, name, n, shares) in enumerate(PORTFOLIOS):
        relpath = f"{OUT_DIR}/{name}"
        write_portfolio(make_portfolio(k, key, n, shares), relpath)
        cases[key] = portfolio_case(key, relpath, table)
    write_json(f"{OUT_DIR}/regulatory_templates.json", {
        "meta": meta("regulatory_templates.py",
                     "creditriskengine.reporting (pillar3.generate_cr6_irb_overview, corep.generate_c0801_irb, "
                     "corep.generate_c0802_airb, corep.generate_c0700_sa, fr_y14.generate_loss_schedule) on "
                     "random portfolios in StressPack's CSV format"),
        "conventions": {
            "reporting_date": REPORTING_DATE,
            "irb_risk_weight": "creditriskengine.rwa.irb.formulas.irb_risk_weight(pd, lgd, function, maturity=M if "
                               "given for corporate/sovereign/bank, turnover_eur_millions=S for sme rows with a "
                               "turnover), in percent; rwa = rw/100 * ead. Function: corporate for corporate, sme "
                               "and cre; the others one to one. No QRRE transactors.",
            "irb_pd": "defaulted (pd = 1 or default_flag = 1): pd 1 (the library returns RW 0); otherwise "
                      "max(pd, framework_pd_floor), which the library floors again at pd_input_floor (0.0005, QRRE "
                      "0.001): StressPack's PDFloors.creditRiskEngine",
            "framework_pd_floor": FRAMEWORK_PD_FLOOR,
            "avg_pd": "EAD-weighted PD after the library's input floor (column f, 2024/3172); 1 for defaulted",
            "el": "pd_floored * lgd * ead; lgd * ead for defaulted exposures (CRR Art. 158)",
            "cr6_bucketing": "on the PD before floors: percent = pd * 100, first leaf with percent < upper bound "
                             "(lower bound included); defaulted exposures in 0170 whatever their PD",
            "original_exposure": "drawn + undrawn where the row has drawn, else ead",
            "standardised": "weights of " + STANDARDISED_TABLE + " as StandardisedRiskWeights assigns them: "
                            "defaulted by provision coverage = clamp(lgd, 0, 1); by_ltv with ltv = ead / "
                            "collateral_value; by_cqs from the rating; else base. Exposure value = ead * factor "
                            "* (1 - coverage if defaulted else 1), factor = (drawn + undrawn_ccf * undrawn) / ead "
                            "for classes with undrawn_ccf and rows with drawn, else 1. The library is called with "
                            "original_exposure = that exposure value and credit_risk_mitigation 0 (c0700); "
                            "c0700_pre_ccf passes the original exposure pre conversion factors instead.",
            "provisions": "the portfolio's provision column (the bank's allowance), pass-through",
        },
        "portfolios": cases,
        "fr_y14": fr_y14_case(),
    })


if __name__ == "__main__":
    main()
