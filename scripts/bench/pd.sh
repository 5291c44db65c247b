#!/usr/bin/env bash
# PD scorecard benchmark: `stresspack pd fit` and `pd validate` on synthetic loans
# (`pd sample`, 20 characteristics) against scorecardpy's binning and scikit-learn's
# LogisticRegression on the same CSV, in one run; wall time and peak memory from
# /usr/bin/time -v. Figures: BENCHMARKS.md.
#
# Usage: scripts/bench/pd.sh [LOANS]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/../.."
loans=${1:-1000000}
work=${TMPDIR:-/tmp}/stresspack-pd-bench
mkdir -p "$work"
venv=.venv-bench-pd
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  # scorecardpy 0.1.9.7 calls pd.to_numeric(errors="ignore"), which pandas 3 removed.
  "$venv/bin/pip" install -q scorecardpy scikit-learn "pandas<2.2" "numpy<2"
fi
swift build -c release --product stresspack >/dev/null
bin=.build/release/stresspack
export STRESSPACK_HOME=$PWD

peak() { awk '/Maximum resident/ {printf "%.0f MiB", $6 / 1024}' "$1"; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }
run() {
  local name=$1; shift
  /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time"
  echo "$name: $(wall "$work/$name.time") wall, peak $(peak "$work/$name.time")"
}

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
run sample "$bin" pd sample --loans "$loans" --seed 1 --out "$work/dev.csv"
"$bin" pd sample --loans "$loans" --seed 2 --drift 1 --out "$work/monitor.csv" >/dev/null
head -2 "$work/sample.out"
run fit "$bin" pd fit --data "$work/dev.csv" --target default --out "$work/model.yaml"
sed -n 2p "$work/fit.out"
run calibrate "$bin" pd calibrate "$work/model.yaml" --data "$work/dev.csv" --central-tendency 0.05
run validate "$bin" pd validate "$work/model.yaml" --data "$work/monitor.csv" --reference "$work/dev.csv" --out "$work/validation.json"
sed -n 1,3p "$work/validate.out"
echo
echo "== scorecardpy woebin + scikit-learn LogisticRegression on the same CSV"
/usr/bin/time -v "$venv/bin/python" scripts/bench/pd_reference.py "$work/dev.csv" 2>"$work/python.time"
echo "python: $(wall "$work/python.time") wall, peak $(peak "$work/python.time")"
