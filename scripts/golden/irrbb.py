"""Golden vectors for creditriskengine.irrbb: the six BCBS d368 shock curves, Delta-EVE,
Delta-NII (repricing gap) and the supervisory outlier test, on random banking books.

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/irrbb.py

Writes Tests/Golden/irrbb/irrbb.json.

A "banking book" here is a random set of single-bucket positions: per d368 time bucket an
asset amount and a liability amount (some zero), principal only, no prepayment. Its net
repricing cash flow per bucket (assets - liabilities) is what the library's
eve_sensitivity takes; the Swift side builds the same positions and slots them with its
own CashFlowLadder. The base curve is five pillars (policy rate at 0, 3-month at 0.25,
2y, 5y, 10y), linear in between and flat beyond: numpy.interp at the bucket midpoints.

Shock sizes are passed explicitly (parallel_bps, short_bps, long_bps) as BCBS d368
Table 1 gives them for EUR, GBP, USD and INR: the library's own currency lookup returns
BCBS d578 sizes for EUR and USD and falls back to 200/250/100 for every other currency,
which is recorded under library_currency_lookup and not compared.
"""

from __future__ import annotations

import numpy as np
from creditriskengine.irrbb import eve as eve_mod
from creditriskengine.irrbb import (
    eve_sensitivity,
    get_currency_shocks,
    nii_sensitivity,
    post_shock_floor,
    supervisory_outlier_test,
    SHOCK_SCENARIOS,
)

from _common import meta, outcome, write_json

MIDPOINTS = [0.0028, 0.0417, 0.1667, 0.375, 0.625, 0.875, 1.25, 1.75, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5,
             8.5, 9.5, 12.5, 17.5, 25.0]
PILLAR_TENORS = [0.0, 0.25, 2.0, 5.0, 10.0]
D368 = {"EUR": (200.0, 250.0, 100.0), "GBP": (250.0, 300.0, 150.0), "USD": (200.0, 300.0, 150.0),
        "INR": (400.0, 500.0, 300.0)}
BOOKS = 40
SEED = 20310700


def random_book(rng: np.random.Generator, index: int) -> dict:
    n = len(MIDPOINTS)
    scale = float(np.exp(rng.normal(np.log(1e9), 1.0)))
    assets = np.where(rng.random(n) < 0.6, rng.lognormal(0.0, 1.0, n) * scale / 10, 0.0)
    liabilities = np.where(rng.random(n) < 0.6, rng.lognormal(0.0, 1.0, n) * scale / 10, 0.0)
    # Every fifth book is short-funded long assets, every seventh the reverse, so the
    # worst shock differs across books.
    if index % 5 == 0:
        assets[:9] *= 0.1
        liabilities[9:] *= 0.1
    if index % 7 == 0:
        assets[9:] *= 0.1
        liabilities[:9] *= 0.1
    assets = np.round(assets, 2)
    liabilities = np.round(liabilities, 2)
    # Pillars: a level in [-0.5%, 5%] and an upward or inverted slope.
    level = float(rng.uniform(-0.005, 0.05))
    slope = float(rng.uniform(-0.01, 0.02))
    pillars = [round(level + slope * (1 - np.exp(-t / 3.0)) + float(rng.normal(0, 0.001)), 6) for t in PILLAR_TENORS]
    base = np.interp(MIDPOINTS, PILLAR_TENORS, pillars)
    net = assets - liabilities
    total = float(assets.sum() + liabilities.sum())
    tier1 = round(float(rng.uniform(0.02, 0.12)) * total, 2)
    return {"id": f"book-{index:02d}", "assets": assets, "liabilities": liabilities, "net": net,
            "pillars": {"tenors": PILLAR_TENORS, "rates": pillars}, "base_rates": base, "tier1": tier1}


def by_shock(result: dict) -> dict:
    return {str(k): float(v) for k, v in result.items()}


def main() -> None:
    rng = np.random.default_rng(SEED)
    books = []
    for i in range(BOOKS):
        b = random_book(rng, i)
        cases = []
        for currency, (p, s, l) in D368.items():
            for floor in (False, True):
                cases.append({
                    "currency": currency, "parallel_bps": p, "short_bps": s, "long_bps": l, "apply_floor": floor,
                    **outcome(eve_sensitivity, b["net"], MIDPOINTS, b["base_rates"], parallel_bps=p,
                              short_bps=s, long_bps=l, apply_floor=floor, pick=by_shock)})
        # Repricing-gap NII, horizon 1 year: rate-sensitive amounts are those with midpoint < 1,
        # and the repricing fractions weight each by the time left, so that
        # shock * (RSA*fa - RSL*fl) = shock * sum_k (A_k - L_k) * (1 - t_k).
        within = [k for k, t in enumerate(MIDPOINTS) if t < 1.0]
        rsa = float(sum(b["assets"][k] for k in within))
        rsl = float(sum(b["liabilities"][k] for k in within))
        fa = float(sum(b["assets"][k] * (1 - MIDPOINTS[k]) for k in within)) / rsa if rsa > 0 else 1.0
        fl = float(sum(b["liabilities"][k] * (1 - MIDPOINTS[k]) for k in within)) / rsl if rsl > 0 else 1.0
        nii = []
        for currency, (p, _, _) in D368.items():
            for shock in (p, -p):
                nii.append({"currency": currency, "shock_bps": shock, "rate_sensitive_assets": rsa,
                            "rate_sensitive_liabilities": rsl, "asset_repricing_fraction": fa,
                            "liability_repricing_fraction": fl, "horizon_years": 1.0,
                            **outcome(nii_sensitivity, rsa, rsl, shock, 1.0, fa, fl)})
        # Outlier test on the EUR figures without the floor; delta_nii is the smaller of the two
        # parallel-shock Delta-NII (the library's threshold for NII is 2.5% of Tier 1).
        eur = next(c for c in cases if c["currency"] == "EUR" and not c["apply_floor"])
        eur_nii = [c["expected"] for c in nii if c["currency"] == "EUR"]
        delta_nii = min(eur_nii)
        status = outcome(supervisory_outlier_test, {k: v for k, v in zip(SHOCK_SCENARIOS, eur["expected"].values())},
                         b["tier1"], delta_nii,
                         pick=lambda r: {"worst_eve_shock": None if r.worst_eve_shock is None else str(r.worst_eve_shock),
                                         "worst_eve_loss": r.worst_eve_loss, "eve_ratio": r.eve_ratio,
                                         "eve_breach": r.eve_breach, "nii_decline": r.nii_decline,
                                         "nii_ratio": r.nii_ratio, "nii_breach": r.nii_breach})
        books.append({"id": b["id"], "assets": b["assets"], "liabilities": b["liabilities"],
                      "pillars": b["pillars"], "base_rates": b["base_rates"], "tier1": b["tier1"],
                      "eve": cases, "nii": nii,
                      "outlier_test": {"currency": "EUR", "apply_floor": False, "delta_nii": delta_nii, **status}})

    # The shock curves alone, on a tenor grid, for the four currencies.
    grid = [0.0, 0.0028, 0.25, 0.5, 1.0, 2.0, 3.5, 5.0, 7.0, 10.0, 15.0, 20.0, 25.0, 30.0]
    curves = []
    for currency, (p, s, l) in D368.items():
        for shock in SHOCK_SCENARIOS:
            shocked = eve_mod._shocked_curve(np.zeros(len(grid)), np.array(grid), shock, p, s, l)
            curves.append({"currency": currency, "shock": str(shock), "tenors": grid, "change": shocked})
    floors = [{"tenor": t, **outcome(post_shock_floor, t)} for t in grid]
    lookup = {c: {"parallel_bps": get_currency_shocks(c).parallel_bps, "short_bps": get_currency_shocks(c).short_bps,
                  "long_bps": get_currency_shocks(c).long_bps} for c in ("EUR", "USD", "GBP", "INR")}

    doc = {
        "meta": meta("irrbb.py",
                     "creditriskengine.irrbb: eve_sensitivity (annual compounding, with and without the post-shock "
                     "floor), nii_sensitivity, supervisory_outlier_test and the d368 shock curves, on random books"),
        "midpoints": MIDPOINTS,
        "seed": SEED,
        "shock_order": [str(s) for s in SHOCK_SCENARIOS],
        "books": books,
        "shock_curves": curves,
        "post_shock_floor": floors,
        "library_currency_lookup": {
            **lookup,
            "note": "the library's get_currency_shocks returns BCBS d578 (2024) sizes for EUR and USD from "
                    "secondary sources and 200/250/100 for every other currency; BCBS d368 Table 1 has EUR "
                    "200/250/100, GBP 250/300/150, USD 200/300/150, INR 400/500/300. Not compared.",
        },
    }
    write_json("irrbb/irrbb.json", doc)


if __name__ == "__main__":
    main()
