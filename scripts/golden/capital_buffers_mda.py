"""Golden vectors for creditriskengine.rwa.capital_buffers: maximum_distributable_amount
and combined_buffer_requirement (documents the library's MDA payout table).

Run from the repository root:
    /tmp/ref/bin/python scripts/golden/capital_buffers_mda.py

Writes Tests/Golden/capital/mda.json.
"""

from __future__ import annotations

from creditriskengine.rwa import capital_buffers as cb

from _common import meta, outcome, write_json


def main() -> None:
    mda = []
    minimum, cbr = 0.045, 0.035  # buffer zone [4.5%, 8.0%), quartile width 0.875 pp
    ratios = [0.03, 0.045, 0.046, 0.05375, 0.055, 0.0625, 0.063, 0.07125, 0.072, 0.0799, 0.08,
              0.12]
    for r in ratios:
        for ni in (1.0e9, -2.0e8, 0.0):
            mda.append({"cet1_ratio": r, "minimum_cet1": minimum, "combined_buffer": cbr,
                        "net_income": ni,
                        **outcome(cb.maximum_distributable_amount, r, minimum, cbr, ni)})
    for c in (0.0, -0.01):
        mda.append({"cet1_ratio": 0.06, "minimum_cet1": minimum, "combined_buffer": c,
                    "net_income": 1.0e9,
                    **outcome(cb.maximum_distributable_amount, 0.06, minimum, c, 1.0e9)})
    combined = [{"cconb": a, "ccyb": b, "gsib": c, "dsib": d,
                 **outcome(cb.combined_buffer_requirement, a, b, c, d)}
                for a, b, c, d in ((0.025, 0.0, 0.0, 0.0), (0.025, 0.01, 0.015, 0.0),
                                   (0.025, 0.025, 0.035, 0.01), (0.025, -0.01, 0.0, 0.0))]
    doc = {
        "meta": meta("capital_buffers_mda.py",
                     "creditriskengine.rwa.capital_buffers.maximum_distributable_amount and "
                     "combined_buffer_requirement"),
        "library_payout_table": {
            "position_in_buffer_gt_0.75": 1.0, "position_in_buffer_gt_0.50": 0.6,
            "position_in_buffer_gt_0.25": 0.4, "position_in_buffer_le_0.25": 0.0,
            "at_or_above_buffer_ceiling": 1.0, "below_minimum": 0.0,
            "note": "position_in_buffer = (cet1_ratio - minimum_cet1) / combined_buffer; "
                    "Basel RBC30.4 payout is 60/40/20/0% by quartile (top to bottom), "
                    "the library uses 100/60/40/0%",
        },
        "maximum_distributable_amount": mda,
        "combined_buffer_requirement": combined,
    }
    write_json("capital/mda.json", doc)


if __name__ == "__main__":
    main()
