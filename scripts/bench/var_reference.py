"""Times creditriskengine 0.31.0's copula simulators on the book written by
`stresspack-bench var --export DIR`, for the ratios in BENCHMARKS.md.

Usage: python var_reference.py DIR single|multi PATHS [--rho R] [--repeat N]

single: copula.simulate_single_factor(pd, lgd, ead, rho, PATHS, seed=42, antithetic=False)
multi:  copula.simulate_multi_factor(pd, lgd, ead, loadings, PATHS, seed=42), with the
        N x K loadings StressPack's multi-factor model uses (DIR/loadings.csv).
Both hold PATHS x N arrays in memory (several of them at once), which is what limits
the sizes they can run. Prints the median wall time over N runs and the 99.9% VaR / ES
(copula.credit_var / expected_shortfall) of the last run.
"""
import argparse
import time

import numpy as np
from creditriskengine.portfolio import copula


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("model", choices=["single", "multi"])
    parser.add_argument("paths", type=int)
    parser.add_argument("--rho", type=float, default=0.15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    book = np.loadtxt(f"{args.directory}/portfolio.csv", delimiter=",", skiprows=1)
    pds, lgds, eads = book[:, 0].copy(), book[:, 1].copy(), book[:, 2].copy()
    loadings = None
    if args.model == "multi":
        loadings = np.loadtxt(f"{args.directory}/loadings.csv", delimiter=",", skiprows=1, ndmin=2)
    print(f"creditriskengine 0.31.0: {len(pds)} obligors x {args.paths} paths, "
          f"{'simulate_single_factor' if args.model == 'single' else f'simulate_multi_factor ({loadings.shape[1]} factors)'}")

    times = []
    losses = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        if args.model == "single":
            losses = copula.simulate_single_factor(pds, lgds, eads, args.rho, n_simulations=args.paths, seed=42,
                                                   antithetic=False)
        else:
            losses = copula.simulate_multi_factor(pds, lgds, eads, loadings, n_simulations=args.paths, seed=42)
        times.append(time.perf_counter() - start)
    times.sort()
    median = times[len(times) // 2]
    print(f"  median {median:.3f} s (min {times[0]:.3f}, max {times[-1]:.3f}), "
          f"{args.paths / median / 1e6:.3f} M paths/s, {args.paths * len(pds) / median / 1e6:.0f} M obligor-paths/s")
    print(f"  VaR99.9 {copula.credit_var(losses, 0.999):.6g}  ES99.9 {copula.expected_shortfall(losses, 0.999):.6g}  "
          f"mean {losses.mean():.6g}")


if __name__ == "__main__":
    main()
