#!/usr/bin/env bash
# Credit projection benchmark: StressPack against creditriskengine 0.31.0 (the
# seed) on the same 1,000,000-exposure sample bank and bundled scenarios, in one
# run on one machine. Peak memory from /usr/bin/time -v. Figures: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
work=${TMPDIR:-/tmp}/stresspack-credit-bench
mkdir -p "$work"
venv=.venv-bench
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q creditriskengine==0.31.0 pyyaml
fi
swift build -c release --product stresspack --product stresspack-bench >/dev/null 2>&1 || swift build -c release
.build/release/stresspack portfolio sample --exposures "$N" --seed 42 --out "$work/bank.csv" --quiet >/dev/null
scenarios=$(ls scenarios/*.yaml)
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
echo "== StressPack"
/usr/bin/time -v .build/release/stresspack-bench credit "$work/bank.csv" $scenarios 2> "$work/time-swift.txt"
grep -E "Maximum resident" "$work/time-swift.txt"
echo "== creditriskengine 0.31.0"
/usr/bin/time -v "$venv/bin/python" scripts/bench/credit_reference.py "$work/bank.csv" $scenarios 2> "$work/time-python.txt"
grep -E "Maximum resident" "$work/time-python.txt"
