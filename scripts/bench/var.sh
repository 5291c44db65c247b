#!/usr/bin/env bash
# Credit VaR Monte Carlo benchmark: StressPack's streaming copula simulator against
# creditriskengine 0.31.0's simulate_single_factor / simulate_multi_factor on the same
# synthetic book, in one run on one machine; wall time (median of the repeats) and peak
# memory (/usr/bin/time -v). Figures: BENCHMARKS.md.
#
# Usage: scripts/bench/var.sh [--large | --targets]
#   --large    also runs 100,000 obligors x 1,000,000 paths (about a minute on 2 cores).
#   --targets  only #19's two VaR targets, StressPack alone (the seed cannot hold them):
#              1,000,000 obligors x 10,000 paths and 100,000 x 1,000,000, multi-factor,
#              importance-sampled, with the four Euler breakdowns (`--full`).
# Environment: SWIFT_SCRATCH (build directory, default .build), REPEAT (default 3),
# BENCH (a stresspack-bench binary to use instead of building one).
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${SWIFT_SCRATCH:-.build}
repeat=${REPEAT:-3}
large=${1:-}
work=${TMPDIR:-/tmp}/stresspack-var-bench
mkdir -p "$work"
venv=.venv-bench
if [[ $large != --targets && ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q creditriskengine==0.31.0
fi
[[ -n ${BENCH:-} ]] || swift build -c release --scratch-path "$scratch" --product stresspack-bench >/dev/null
bench=${BENCH:-$scratch/release/stresspack-bench}
budget=$((20 * 1024 * 1024 * 1024))   # bytes the seed may use on a 24 GiB machine

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

if [[ $large == --targets ]]; then
  for size in "1000000 10000 10" "100000 1000000 30"; do
    read -r n p target <<< "$size"
    echo
    echo "== $n obligors x $p paths (target: $target s)"
    /usr/bin/time -f "  %e s wall, %U s user, %M KB peak" "$bench" var --obligors "$n" --paths "$p" --method multi \
      --rho 0.15 --importance --full --repeat 1
  done
  exit 0
fi

# peak RSS in MiB from a /usr/bin/time -v log
peak() { awk '/Maximum resident/ {printf "%.0f MiB", $6 / 1024}' "$1"; }

# case NAME OBLIGORS PATHS METHOD(single|multi) ARRAYS
# ARRAYS: how many paths x obligors float64 arrays the seed holds at its peak (measured:
# 5 for simulate_single_factor, 4 for simulate_multi_factor); decides whether it can run.
case_() {
  local name=$1 n=$2 p=$3 method=$4 arrays=$5
  echo
  echo "== $name"
  "$bench" var --obligors "$n" --paths 10 --method "$method" --rho 0.15 --export "$work/$name" >/dev/null
  /usr/bin/time -v "$bench" var --obligors "$n" --paths "$p" --method "$method" --rho 0.15 --repeat "$repeat" \
    2> "$work/$name.swift.time"
  echo "  StressPack peak memory $(peak "$work/$name.swift.time")"
  local need=$((n * p * 8 * arrays))
  if (( need > budget )); then
    echo "  creditriskengine: not run, needs about $((need / 1024 / 1024 / 1024)) GiB (${arrays} arrays of ${p} x ${n} doubles)"
    return
  fi
  /usr/bin/time -v "$venv/bin/python" scripts/bench/var_reference.py "$work/$name" "$method" "$p" --rho 0.15 \
    --repeat "$repeat" 2> "$work/$name.python.time"
  echo "  creditriskengine peak memory $(peak "$work/$name.python.time")"
}

case_ single-10k-10k 10000 10000 single 5
case_ multi10-10k-10k 10000 10000 multi 4
case_ multi10-10k-100k 10000 100000 multi 4
if [[ $large == --large ]]; then
  REPEAT=1 repeat=1 case_ single-100k-1m 100000 1000000 single 5
fi
