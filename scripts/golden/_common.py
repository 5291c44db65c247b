"""Shared helpers for the golden-vector generator scripts (ours, not the library's).

Every generator is run from the repository root as
    /tmp/ref/bin/python scripts/golden/<name>.py
with creditriskengine 0.31.0 installed in /tmp/ref.  Output is deterministic:
fixed numpy seeds, no timestamps, floats written with repr() (shortest string
that round-trips to the same float64).
"""

from __future__ import annotations

import csv
import json
import math
import os
import platform
import sys
from importlib import metadata

import numpy as np
import scipy

# Some library error messages contain a Python set, whose printed order depends on
# string hashing: fix the hash seed so that the output is byte-for-byte reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN = os.path.join(REPO_ROOT, "Tests", "Golden")
LIBRARY = "creditriskengine"
EXPECTED_VERSION = "0.31.0"


def check_library_version() -> str:
    version = metadata.version(LIBRARY)
    if version != EXPECTED_VERSION:
        sys.exit(f"{LIBRARY} {version} installed; these vectors need {EXPECTED_VERSION}")
    return version


def meta(script_name: str, description: str) -> dict:
    return {
        "library": LIBRARY,
        "library_version": check_library_version(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "command": f"/tmp/ref/bin/python scripts/golden/{script_name}",
        "description": description,
        "float_format": "JSON numbers written with Python repr(): exact float64 round trip",
    }


def to_json_value(x):
    """Converts numpy values and containers to plain JSON values; refuses NaN/inf."""
    if isinstance(x, dict):
        return {str(k): to_json_value(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [to_json_value(v) for v in x]
    if isinstance(x, np.ndarray):
        return to_json_value(x.tolist())
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        f = float(x)
        if not math.isfinite(f):
            raise ValueError(f"non-finite float {f!r} cannot be written as a JSON number")
        return f
    if x is None or isinstance(x, str):
        return x
    raise TypeError(f"cannot convert {type(x)} to JSON")


def write_json(relpath: str, obj) -> str:
    path = os.path.join(GOLDEN, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(to_json_value(obj), indent=1, allow_nan=False, ensure_ascii=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, REPO_ROOT)} ({os.path.getsize(path):,} bytes)")
    return path


def capture(fn, *args, **kwargs):
    """Runs fn; returns ("ok", result) or ("error", {"type", "message"})."""
    try:
        return "ok", fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - we record every failure mode
        return "error", {"type": type(e).__name__, "message": str(e)}


def outcome(fn, *args, pick=None, **kwargs) -> dict:
    """{"expected": pick(result)} or {"error": {...}}."""
    status, value = capture(fn, *args, **kwargs)
    if status == "error":
        return {"error": value}
    return {"expected": pick(value) if pick else value}


PORTFOLIO_SIZES = [1, 7, 100, 1000, 10000]


def portfolio_relpath(n: int) -> str:
    return f"credit/portfolios/portfolio_{n}.csv"


def read_portfolio(n: int) -> dict:
    """Reads a golden portfolio CSV exactly as the Swift side does (float() of each cell)."""
    path = os.path.join(GOLDEN, portfolio_relpath(n))
    ids, cols = [], {"pd": [], "lgd": [], "ead": [], "amortisation": []}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            ids.append(row["id"])
            for k in cols:
                cols[k].append(float(row[k]))
    out = {"ids": ids}
    out.update({k: np.array(v, dtype=np.float64) for k, v in cols.items()})
    return out
