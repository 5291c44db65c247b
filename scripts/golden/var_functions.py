"""Golden vectors for creditriskengine.portfolio.vasicek, portfolio.var and the
deterministic estimators of portfolio.copula.

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/var_functions.py

Writes Tests/Golden/var/var_functions.json.  The loss vectors are drawn once with
fixed numpy seeds by this script (our own draws, not the library's simulators) and
written into the JSON in full; the Monte Carlo simulators (simulate_single_factor,
simulate_multi_factor, economic_capital.ec_single_factor) are deliberately not
covered: their numpy random streams are not reproduced by StressPack.
"""

from __future__ import annotations

import numpy as np

from creditriskengine.portfolio import copula, var, vasicek

from _common import meta, outcome, write_json

Z999 = 3.090232306167813  # repr of scipy norm.ppf(0.999), as an input value only

PDS_EXTREME = [-0.1, 0.0, 1e-10, 1e-6, 0.0001, 0.0003, 0.003, 0.01, 0.1, 0.5, 0.9999, 1.0, 1.2]
RHOS = [1e-6, 0.04, 0.12, 0.24, 0.5, 0.99]
ZS = [-8.0, -Z999, -1.0, 0.0, 1.0, Z999, 8.0]
CONFS = [0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999]


def vasicek_section() -> dict:
    cdr = [{"pd": pd, "rho": rho, "z": z,
            **outcome(vasicek.vasicek_conditional_default_rate, pd, rho, z)}
           for pd in PDS_EXTREME for rho in RHOS for z in ZS]
    # rho validation happens only after the pd <= 0 / pd >= 1 short cuts
    cdr += [{"pd": pd, "rho": rho, "z": 1.0,
             **outcome(vasicek.vasicek_conditional_default_rate, pd, rho, 1.0)}
            for pd in (0.0, 0.01, 1.0) for rho in (0.0, 1.0, -0.2, 1.5)]

    lq = [{"pd": pd, "rho": rho, "lgd": lgd, "confidence": c,
           **outcome(vasicek.vasicek_loss_quantile, pd, rho, lgd, c)}
          for pd in PDS_EXTREME for rho in (0.04, 0.12, 0.24, 0.5) for lgd in (0.45, 1.0)
          for c in CONFS]
    lq_edge = [{"pd": pd, "rho": rho, "lgd": lgd, "confidence": c,
                **outcome(vasicek.vasicek_loss_quantile, pd, rho, lgd, c)}
               for pd, rho, lgd, c in (
                   (0.01, 0.12, 0.45, 1.0),     # ppf(1) = +inf -> Phi(+inf) = 1 -> LGD
                   (0.01, 0.12, 0.45, 0.0),     # ppf(0) = -inf -> 0
                   (0.01, 0.0, 0.45, 0.999),    # rho errors
                   (0.01, 1.0, 0.45, 0.999),
                   (0.01, 0.12, 0.0, 0.999),
                   (0.01, 0.12, 1.3, 0.999))]

    el = [{"pd": pd, "lgd": lgd, **outcome(vasicek.expected_loss, pd, lgd)}
          for pd in (0.0, 0.0001, 0.01, 0.3, 1.0, 1.2) for lgd in (0.0, 0.45, 1.0)]

    ul = [{"pd": pd, "rho": rho, "lgd": lgd, "confidence": c,
           **outcome(vasicek.unexpected_loss_asrf, pd, rho, lgd, c)}
          for pd in PDS_EXTREME for rho in (0.04, 0.12, 0.24) for lgd in (0.45, 1.0)
          for c in (0.99, 0.999, 0.9999)]

    ec = [{"pd": pd, "rho": rho, "lgd": lgd, "ead": ead, "confidence": c,
           **outcome(vasicek.economic_capital_asrf, pd, rho, lgd, ead, c)}
          for pd in (0.0, 0.00005, 0.001, 0.02, 0.2, 0.9999, 1.0)
          for rho in (0.04, 0.12, 0.24) for lgd in (0.45,) for ead in (1.0, 2.5e6)
          for c in (0.999, 0.9995)]
    ec += [{"pd": 0.02, "rho": 0.0, "lgd": 0.45, "ead": 1.0, "confidence": 0.999,
            **outcome(vasicek.economic_capital_asrf, 0.02, 0.0, 0.45, 1.0, 0.999)}]

    dist = [{"pd": pd, "rho": rho, "lgd": lgd, "n_points": n,
             **outcome(vasicek.vasicek_portfolio_loss_distribution, pd, rho, lgd, n,
                       pick=lambda r: {"loss_values": r[0].tolist(),
                                       "probability_density": r[1].tolist()})}
            for pd, rho, lgd, n in (
                (0.01, 0.12, 0.45, 11), (0.0, 0.24, 1.0, 11), (1.0, 0.04, 0.6, 11),
                (0.2, 0.5, 0.45, 2), (0.05, 0.15, 0.45, 1), (0.02, 0.12, 0.45, 1000))]
    dist_note = ("z = numpy.linspace(-4, 4, n_points); pd clamped to [0.0001, 0.9999]; "
                 "no rho check (rho outside (0,1) gives NaN or an error)")
    return {"vasicek_conditional_default_rate": cdr, "vasicek_loss_quantile": lq,
            "vasicek_loss_quantile_edge_cases": lq_edge, "expected_loss": el,
            "unexpected_loss_asrf": ul, "economic_capital_asrf": ec,
            "vasicek_portfolio_loss_distribution": dist,
            "vasicek_portfolio_loss_distribution_note": dist_note}


def loss_vectors() -> dict:
    rng = np.random.default_rng(20_310_400)
    heavy = np.exp(rng.normal(10.0, 1.1, 1000))  # lognormal losses
    # Credit-like: most paths have few defaults; a mixture gives a long right tail.
    z = rng.standard_normal(5000)
    n_def = rng.binomial(200, np.clip(0.01 * np.exp(0.9 * z), 0.0, 1.0))
    credit = n_def * rng.uniform(2_000.0, 12_000.0, 5000)
    credit[n_def == 0] = 0.0
    pnl = rng.normal(0.0, 1.0, 250)
    extra = heavy + 0.3 * np.exp(rng.normal(9.0, 1.5, 1000))  # heavy + a new exposure
    return {
        "single": [42.0],
        "ties_10": [0.0, 0.0, 0.0, 5.0, 5.0, 10.0, 10.0, 10.0, 250.0, 1000.0],
        "unsorted_7": [3.5, -1.0, 12.25, 0.0, 7.0, 12.25, 100.0],
        "lognormal_1000": heavy.tolist(),
        "credit_5000": credit.tolist(),
        "pnl_250": pnl.tolist(),
        "lognormal_1000_with_exposure": extra.tolist(),
    }


VAR_CONFS = [0.5, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999]


def var_section(lv: dict) -> dict:
    out = {}
    out["parametric_credit_var"] = [
        {"el": el, "ul_std": s, "confidence": c, **outcome(var.parametric_credit_var, el, s, c)}
        for el in (0.0, 125_000.0, -10.0) for s in (0.0, 1.0, 48_250.5) for c in VAR_CONFS
    ] + [{"el": 1.0, "ul_std": s, "confidence": c, **outcome(var.parametric_credit_var, 1.0, s, c)}
         for s, c in ((-1.0, 0.99), (1.0, 0.0), (1.0, 1.0), (1.0, 1.5))]

    out["cornish_fisher_var"] = [
        {"el": el, "ul_std": s, "skewness": sk, "kurtosis": ku, "confidence": c,
         **outcome(var.cornish_fisher_var, el, s, sk, ku, c)}
        for el in (0.0, 125_000.0) for s in (1.0, 48_250.5)
        for sk, ku in ((0.0, 0.0), (1.2, 3.0), (2.5, 9.0), (-0.5, 0.5), (4.0, 30.0))
        for c in (0.9, 0.99, 0.999)
    ] + [{"el": 1.0, "ul_std": s, "skewness": 1.0, "kurtosis": 1.0, "confidence": c,
          **outcome(var.cornish_fisher_var, 1.0, s, 1.0, 1.0, c)}
         for s, c in ((-1.0, 0.99), (1.0, 0.0), (1.0, 1.0))]

    hs, es, cv, ces = [], [], [], []
    for name in ("single", "ties_10", "unsorted_7", "lognormal_1000", "credit_5000", "pnl_250"):
        x = np.array(lv[name])
        for c in VAR_CONFS:
            hs.append({"losses": name, "confidence": c,
                       **outcome(var.historical_simulation_var, x, c)})
            es.append({"losses": name, "confidence": c, **outcome(var.expected_shortfall, x, c)})
            cv.append({"losses": name, "confidence": c, **outcome(copula.credit_var, x, c)})
            ces.append({"losses": name, "confidence": c,
                        **outcome(copula.expected_shortfall, x, c)})
    for c in (0.0, 1.0, 1.2):
        x = np.array(lv["ties_10"])
        hs.append({"losses": "ties_10", "confidence": c,
                   **outcome(var.historical_simulation_var, x, c)})
        es.append({"losses": "ties_10", "confidence": c, **outcome(var.expected_shortfall, x, c)})
    hs.append({"losses": "empty", "confidence": 0.99,
               **outcome(var.historical_simulation_var, np.array([]), 0.99)})
    es.append({"losses": "empty", "confidence": 0.99,
               **outcome(var.expected_shortfall, np.array([]), 0.99)})
    out["historical_simulation_var"] = hs
    out["expected_shortfall"] = es

    iv = []
    for base, new in (("lognormal_1000", "lognormal_1000_with_exposure"),
                      ("lognormal_1000_with_exposure", "lognormal_1000"),
                      ("ties_10", "unsorted_7"), ("credit_5000", "lognormal_1000")):
        for c in (0.9, 0.99, 0.999):
            iv.append({"portfolio_losses": base, "portfolio_with_exposure_losses": new,
                       "confidence": c,
                       **outcome(var.incremental_var, np.array(lv[base]), np.array(lv[new]), c)})
    iv.append({"portfolio_losses": "empty", "portfolio_with_exposure_losses": "ties_10",
               "confidence": 0.99,
               **outcome(var.incremental_var, np.array([]), np.array(lv["ties_10"]), 0.99)})
    iv.append({"portfolio_losses": "ties_10", "portfolio_with_exposure_losses": "empty",
               "confidence": 0.99,
               **outcome(var.incremental_var, np.array(lv["ties_10"]), np.array([]), 0.99)})
    out["incremental_var"] = iv

    # Component VaR inputs from a fixed loss covariance matrix (currency^2), computed
    # here with numpy: s_i = sqrt(C_ii), sigma_p = sqrt(1'C1), rho_i = (C1)_i/(s_i sigma_p).
    cov = np.array([[4.0e8, 1.2e8, 0.5e8, -0.2e8],
                    [1.2e8, 2.25e8, 0.9e8, 0.1e8],
                    [0.5e8, 0.9e8, 1.0e8, 0.05e8],
                    [-0.2e8, 0.1e8, 0.05e8, 0.64e8]])
    s = np.sqrt(np.diag(cov))
    sigma_p = float(np.sqrt(cov.sum()))
    rho = cov.sum(axis=1) / (s * sigma_p)
    pvar = var.parametric_credit_var(35_000.0, sigma_p, 0.999)
    comp = [{"label": "euler_4", "portfolio_var": pvar, "portfolio_std": sigma_p,
             "exposure_stds": s.tolist(), "correlations_with_portfolio": rho.tolist(),
             **outcome(var.component_var, pvar, sigma_p, s, rho, pick=lambda r: r.tolist())},
            {"label": "zero_std", "portfolio_var": 100.0, "portfolio_std": 1e-16,
             "exposure_stds": [1.0, 2.0], "correlations_with_portfolio": [0.5, 0.5],
             **outcome(var.component_var, 100.0, 1e-16, np.array([1.0, 2.0]),
                       np.array([0.5, 0.5]), pick=lambda r: r.tolist())},
            {"label": "shape_mismatch", "portfolio_var": 100.0, "portfolio_std": 10.0,
             "exposure_stds": [1.0, 2.0, 3.0], "correlations_with_portfolio": [0.5, 0.5],
             **outcome(var.component_var, 100.0, 10.0, np.array([1.0, 2.0, 3.0]),
                       np.array([0.5, 0.5]), pick=lambda r: r.tolist())}]
    out["component_var"] = comp
    out["component_var_inputs_note"] = {
        "covariance": cov.tolist(),
        "portfolio_var_from": "parametric_credit_var(35000.0, portfolio_std, 0.999)",
        "derivation": "exposure_stds = sqrt(diag C); portfolio_std = sqrt(sum C); "
                      "correlations = rowsum(C) / (exposure_stds * portfolio_std); these derived "
                      "inputs are written in each case, the Swift test needs only them"}

    mv = []
    for pv, ps, contrib in ((pvar, sigma_p, float(cov.sum(axis=1)[0] / sigma_p)),
                            (1.0e6, 2.5e5, 4.0e4), (1.0e6, 2.5e5, -1.0e4),
                            (1.0e6, 1e-15, 4.0e4), (1.0e6, 9.99e-16, 4.0e4), (1.0e6, 0.0, 1.0)):
        mv.append({"portfolio_var": pv, "portfolio_std": ps, "exposure_contribution_to_std": contrib,
                   **outcome(var.marginal_var, pv, ps, contrib)})
    out["marginal_var"] = mv

    out["copula_credit_var"] = cv
    out["copula_expected_shortfall"] = ces
    out["copula_loss_distribution_stats"] = [
        {"losses": name, "total_ead": te,
         **outcome(copula.loss_distribution_stats, np.array(lv[name]), te)}
        for name in ("ties_10", "unsorted_7", "lognormal_1000", "credit_5000")
        for te in (0.0, 5.0e7)]
    return out


def main() -> None:
    lv = loss_vectors()
    doc = {
        "meta": meta("var_functions.py",
                     "creditriskengine.portfolio.vasicek (all public functions), portfolio.var "
                     "(all public functions) and portfolio.copula credit_var / "
                     "expected_shortfall / loss_distribution_stats on fixed loss vectors"),
        "loss_vectors": lv,
        "vasicek": vasicek_section(),
        "var": var_section(lv),
        "not_covered": {
            "copula.simulate_single_factor": "Monte Carlo (numpy PCG64 stream)",
            "copula.simulate_multi_factor": "Monte Carlo (numpy PCG64 stream)",
            "economic_capital.ec_single_factor": "Monte Carlo: calls simulate_single_factor",
        },
    }
    write_json("var/var_functions.json", doc)


if __name__ == "__main__":
    main()
