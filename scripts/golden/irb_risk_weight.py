"""Golden vectors for creditriskengine.rwa.irb.formulas (IRB risk weights, BCBS CRE31).

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/irb_risk_weight.py

Writes Tests/Golden/capital/irb_risk_weight.json.  No randomness: a fixed grid.
"""

from __future__ import annotations

from creditriskengine.rwa.irb import formulas as f

from _common import meta, outcome, write_json

ASSET_CLASSES = ["corporate", "sovereign", "bank", "residential_mortgage", "qrre", "other_retail"]
NON_RETAIL = {"corporate", "sovereign", "bank"}
PDS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.5, 1.0]
LGDS = [0.05, 0.1, 0.25, 0.45, 0.75, 1.0]
MATURITIES = [1.0, 2.5, 5.0]
TURNOVERS = [None, 5.0, 20.0, 50.0]


def grid() -> list:
    cases = []
    for ac in ASSET_CLASSES:
        mats = MATURITIES if ac in NON_RETAIL else [None]
        turns = TURNOVERS if ac == "corporate" else [None]
        transactor = [False, True] if ac == "qrre" else [False]
        for pd in PDS:
            for lgd in LGDS:
                for m in mats:
                    for s in turns:
                        for tr in transactor:
                            kwargs = {}
                            if m is not None:
                                kwargs["maturity"] = m
                            if s is not None:
                                kwargs["turnover_eur_millions"] = s
                            if tr:
                                kwargs["is_qrre_transactor"] = True
                            cases.append({"asset_class": ac, "pd": pd, "lgd": lgd,
                                          "maturity": m, "turnover_eur_millions": s,
                                          "is_qrre_transactor": tr,
                                          **outcome(f.irb_risk_weight, pd, lgd, ac, **kwargs)})
    return cases


def edge_cases() -> list:
    """Inputs outside the main grid: clamping, floors, ignored arguments, errors."""
    specs = [
        # (label, pd, lgd, asset_class, kwargs)
        ("pd_zero_floored", 0.0, 0.45, "corporate", {}),
        ("pd_zero_floored_qrre", 0.0, 0.45, "qrre", {}),
        ("pd_at_floor", 0.0005, 0.45, "corporate", {}),
        ("pd_at_qrre_floor", 0.001, 0.45, "qrre", {}),
        ("pd_just_below_one", 0.9999, 0.45, "corporate", {}),
        ("pd_above_one", 1.5, 0.45, "corporate", {}),
        ("maturity_below_1_clamped", 0.01, 0.45, "corporate", {"maturity": 0.25}),
        ("maturity_above_5_clamped", 0.01, 0.45, "corporate", {"maturity": 7.0}),
        ("maturity_ignored_retail", 0.01, 0.45, "other_retail", {"maturity": 5.0}),
        ("maturity_ignored_mortgage", 0.01, 0.45, "residential_mortgage", {"maturity": 1.0}),
        ("turnover_below_5_clamped", 0.01, 0.45, "corporate", {"turnover_eur_millions": 1.0}),
        ("turnover_above_50_clamped", 0.01, 0.45, "corporate", {"turnover_eur_millions": 500.0}),
        ("turnover_zero", 0.01, 0.45, "corporate", {"turnover_eur_millions": 0.0}),
        ("turnover_ignored_sovereign", 0.01, 0.45, "sovereign", {"turnover_eur_millions": 5.0}),
        ("turnover_ignored_bank", 0.01, 0.45, "bank", {"turnover_eur_millions": 5.0}),
        ("turnover_ignored_retail", 0.01, 0.45, "other_retail", {"turnover_eur_millions": 5.0}),
        ("transactor_ignored_non_qrre", 0.01, 0.45, "other_retail", {"is_qrre_transactor": True}),
        ("ead_ignored", 0.01, 0.45, "corporate", {"ead": 1.0e6}),
        ("lgd_zero", 0.01, 0.0, "corporate", {}),
        ("lgd_above_one", 0.01, 1.2, "corporate", {}),
        ("lgd_negative_k_clamped", 0.01, -0.45, "corporate", {}),
        ("unknown_asset_class", 0.01, 0.45, "retail", {}),
        ("unknown_asset_class_capitalised", 0.01, 0.45, "Corporate", {}),
        ("unknown_asset_class_defaulted", 1.0, 0.45, "retail", {}),
        ("sme_small_pd_high", 0.3, 0.45, "corporate", {"turnover_eur_millions": 5.0,
                                                         "maturity": 4.0}),
    ]
    return [{"label": lab, "pd": pd, "lgd": lgd, "asset_class": ac, "kwargs": kw,
             **outcome(f.irb_risk_weight, pd, lgd, ac, **kw)} for lab, pd, lgd, ac, kw in specs]


def helpers() -> dict:
    pds = [0.0, 1e-6, 0.0001, 0.0003, 0.0005, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.5, 0.9999, 1.0]
    corr_pds = [p for p in pds]
    out = {
        "constants": {"PD_FLOOR": f.PD_FLOOR, "PD_FLOOR_QRRE": f.PD_FLOOR_QRRE},
        "pd_input_floor": [{"asset_class": ac, **outcome(f.pd_input_floor, ac)}
                           for ac in ASSET_CLASSES + ["QRRE", "unknown"]],
        "asset_correlation_corporate": [{"pd": p, **outcome(f.asset_correlation_corporate, p)}
                                        for p in corr_pds],
        "asset_correlation_residential_mortgage": [
            {"pd": p, **outcome(f.asset_correlation_residential_mortgage, p)} for p in (0.001, 0.5)],
        "asset_correlation_qrre": [{"pd": p, **outcome(f.asset_correlation_qrre, p)}
                                   for p in (0.001, 0.5)],
        "asset_correlation_other_retail": [{"pd": p, **outcome(f.asset_correlation_other_retail, p)}
                                           for p in corr_pds],
        "sme_firm_size_adjustment": [
            {"turnover_eur_millions": s, **outcome(f.sme_firm_size_adjustment, s)}
            for s in (0.0, 1.0, 5.0, 7.5, 20.0, 27.5, 49.9, 50.0, 100.0)],
        "maturity_adjustment": [{"pd": p, "maturity": m, **outcome(f.maturity_adjustment, p, m)}
                                for p in pds for m in (0.5, 1.0, 2.5, 3.0, 5.0, 7.0)],
        "irb_capital_requirement_k": [
            {"pd": p, "lgd": lgd, "correlation": r,
             **outcome(f.irb_capital_requirement_k, p, lgd, r)}
            for p in pds for lgd in (0.0, 0.45, 1.0) for r in (0.03, 0.04, 0.12, 0.15, 0.24)]
        + [{"pd": 0.01, "lgd": 0.45, "correlation": r,
            **outcome(f.irb_capital_requirement_k, 0.01, 0.45, r)}
           for r in (0.0, 1.0, -0.1, 1e-12, 0.999999)],
        "double_default_rw": [
            {"pd_obligor": po, "pd_guarantor": pg, "lgd": 0.45, "maturity": m, "asset_class": ac,
             **outcome(f.double_default_rw, po, pg, 0.45, m, ac)}
            for ac in ASSET_CLASSES + ["unknown"] for po, pg in
            ((0.02, 0.001), (0.001, 0.02), (0.0, 0.0), (0.05, 1.0), (0.3, 0.0003))
            for m in (2.5, 5.0)],
        "equity_irb_rw": [{"pd": p, "equity_type": t, **outcome(f.equity_irb_rw, p, t)}
                          for p in (0.0001, 0.001, 0.01, 0.05, 0.2, 1.0)
                          for t in ("listed", "private", "other")],
    }
    return out


def main() -> None:
    doc = {
        "meta": meta("irb_risk_weight.py",
                     "creditriskengine.rwa.irb.formulas: irb_risk_weight over a grid, edge cases "
                     "and the public helper functions"),
        "asset_classes": ASSET_CLASSES,
        "non_retail_asset_classes": sorted(NON_RETAIL),
        "grid_axes": {"pd": PDS, "lgd": LGDS, "maturity_non_retail": MATURITIES,
                      "turnover_eur_millions_corporate": TURNOVERS,
                      "is_qrre_transactor_qrre": [False, True]},
        "units": "irb_risk_weight, double_default_rw and equity_irb_rw return the risk weight "
                 "in PERCENT (75.0 = 75%); K is a fraction of EAD",
        "irb_risk_weight": grid(),
        "irb_risk_weight_edge_cases": edge_cases(),
        "helpers": helpers(),
    }
    write_json("capital/irb_risk_weight.json", doc)


if __name__ == "__main__":
    main()
