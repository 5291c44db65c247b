"""Golden random portfolios for the credit-engine vectors.

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/portfolios.py

Writes Tests/Golden/credit/portfolios/portfolio_{1,7,100,1000,10000}.csv with
columns id,pd,lgd,ead,amortisation; every number is written with repr() so that
a correctly rounding parser reads back exactly the same float64.  Uses only
numpy (seeded), not the reference library: these are inputs, not results.
"""

from __future__ import annotations

import csv
import os

import numpy as np

from _common import GOLDEN, PORTFOLIO_SIZES, portfolio_relpath

BASE_SEED = 20_310_000  # portfolio of size n uses default_rng(BASE_SEED + n)


def _count(n: int, share: float, minimum: int) -> int:
    if n < 7:
        return 0
    return max(minimum, int(round(n * share)))


class _Slots:
    """Hands out disjoint random row indices, so special values never overwrite each other."""

    def __init__(self, rng, n: int) -> None:
        self.order = rng.permutation(n)
        self.next = 0

    def take(self, count: int) -> np.ndarray:
        idx = self.order[self.next:self.next + count]
        self.next += count
        return idx


def _set_special(slots: _Slots, values: np.ndarray, count: int, make) -> None:
    if count == 0:
        return
    values[slots.take(count)] = make(count)


def make_portfolio(n: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(BASE_SEED + n)

    # PD: lognormal around 1%, clipped to [0.0001, 0.6]; specials below.
    pd = np.clip(np.exp(rng.normal(np.log(0.01), 1.3, n)), 0.0001, 0.6)
    slots = _Slots(rng, n)
    _set_special(slots, pd, _count(n, 0.01, 1), lambda k: 0.0)        # exactly 0
    _set_special(slots, pd, _count(n, 0.01, 1), lambda k: 1.0)        # exactly 1 (defaulted)
    _set_special(slots, pd, _count(n, 0.03, 1),                        # below the 0.0003 floor
                 lambda k: rng.uniform(0.0001, 0.0003, k))
    _set_special(slots, pd, _count(n, 0.005, 1), lambda k: 0.0003)    # exactly at the floor
    _set_special(slots, pd, _count(n, 0.005, 1), lambda k: 0.6)       # top of the range

    # LGD: beta(2, 3) in [0, 1] with exact 0s and 1s.
    lgd = rng.beta(2.0, 3.0, n)
    slots = _Slots(rng, n)
    _set_special(slots, lgd, _count(n, 0.02, 1), lambda k: 0.0)
    _set_special(slots, lgd, _count(n, 0.02, 1), lambda k: 1.0)

    # EAD: lognormal around 250k with a few zeros.
    ead = np.exp(rng.normal(np.log(250_000.0), 1.2, n))
    slots = _Slots(rng, n)
    _set_special(slots, ead, _count(n, 0.01, 1), lambda k: 0.0)

    # Amortisation per period (fraction of EAD), uniform in [0, 0.2] with exact ends.
    amort = rng.uniform(0.0, 0.2, n)
    slots = _Slots(rng, n)
    _set_special(slots, amort, _count(n, 0.05, 1), lambda k: 0.0)
    _set_special(slots, amort, _count(n, 0.01, 1), lambda k: 0.2)

    return {"pd": pd, "lgd": lgd, "ead": ead, "amortisation": amort}


def main() -> None:
    out_dir = os.path.join(GOLDEN, "credit", "portfolios")
    os.makedirs(out_dir, exist_ok=True)
    for n in PORTFOLIO_SIZES:
        p = make_portfolio(n)
        path = os.path.join(GOLDEN, portfolio_relpath(n))
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "pd", "lgd", "ead", "amortisation"])
            for i in range(n):
                w.writerow([f"E{n}-{i + 1:05d}"] + [repr(float(p[c][i])) for c in
                                                    ("pd", "lgd", "ead", "amortisation")])
        print(f"wrote {os.path.relpath(path)} ({n} rows)")


if __name__ == "__main__":
    main()
