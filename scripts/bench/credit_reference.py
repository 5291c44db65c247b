"""Times creditriskengine 0.31.0 (the seed) on the same portfolio and scenarios
as `stresspack-bench credit`, for the ratio recorded in BENCHMARKS.md.

Usage: python credit_reference.py PORTFOLIO.csv SCENARIO.yaml ...
Runs each framework's seed stress test (EBAStressTest, BoEACSStressTest,
CCARScenario with the linear multipliers, RBIStressTest.credit_quality_stress)
and prints the median wall time over 5 runs of all scenarios together.
"""
import sys
import time

import numpy as np
import yaml
from creditriskengine.portfolio.stress_testing import (
    BoEACSStressTest, CCARScenario, EBAStressTest, MacroScenario, RBIStressTest)


def load_portfolio(path):
    """The performing book: StressPack leaves exposures already in default at jump-off (PD 1,
    stage 3 or a default flag) to the provisions engine's stage 3 and projects no further EL
    on them, where the seed would charge PD 1 x LGD x EAD again every period. Both sides
    therefore run the performing exposures, so the checksums compare like for like."""
    header = open(path, encoding="utf-8").readline().strip().split(",")
    columns = [c for c in ("pd", "lgd", "ead", "stage", "default_flag") if c in header]
    data = np.genfromtxt(path, delimiter=",", names=True, usecols=columns, dtype=float, encoding="utf-8")
    performing = data["pd"] < 1
    if "stage" in columns:
        performing &= ~(data["stage"] == 3)
    if "default_flag" in columns:
        performing &= ~(data["default_flag"] == 1)
    return data["pd"][performing].copy(), data["lgd"][performing].copy(), data["ead"][performing].copy()


def main():
    pds, lgds, eads = load_portfolio(sys.argv[1])
    scenarios = [yaml.safe_load(open(p)) for p in sys.argv[2:]]
    print(f"loaded {len(pds)} exposures; {len(scenarios)} scenarios")

    def run_all():
        total = 0.0
        for s in scenarios:
            variables = {k: np.asarray(v, dtype=float) for k, v in (s.get("variables") or {}).items()}
            n = len(s["periods"])
            fw = s["framework"]
            if fw == "eba":
                r = EBAStressTest(MacroScenario(s["id"], n, variables), horizon_years=n).run(pds, lgds, eads)
                total += r["cumulative_el"]
            elif fw == "boe":
                r = BoEACSStressTest(MacroScenario(s["id"], n, variables), horizon_years=n).run(pds, lgds, eads)
                total += r["cumulative_el"]
            elif fw == "ccar":
                q = min(9, n)
                g = variables.get("gdp_growth", np.zeros(n))[:q]
                u = variables.get("unemployment", np.zeros(n))[:q]
                m = np.maximum(1 - 2.5 * (g - 0.015) + 1.5 * np.maximum(u - 0.04, 0), 1)
                h = variables.get("house_price_index", np.zeros(n))[:q]
                a = np.maximum(-h * 0.6, 0)
                r = CCARScenario(MacroScenario(s["id"], n, variables), q).run(pds, lgds, eads, m, a)
                total += r["total_loss"]
            elif fw == "rbi":
                # One-shot credit-quality stress; the RBI's baseline is the unshocked book (the
                # seed has no baseline severity and would fall back to moderate).
                if s["severity"] == "baseline":
                    total += float(np.sum(pds * lgds * eads))
                else:
                    sev = {"mild": "mild", "moderate": "moderate", "severe": "severe"}.get(s["severity"], "moderate")
                    r = RBIStressTest(sev).credit_quality_stress(pds, lgds, eads)
                    total += r["stressed_el"]
        return total

    times = []
    for _ in range(5):
        start = time.perf_counter()
        checksum = run_all()
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"creditriskengine 0.31.0, all scenarios: median {times[2]:.4f} s (min {times[0]:.4f}, max {times[4]:.4f}) checksum {checksum}")


if __name__ == "__main__":
    main()
