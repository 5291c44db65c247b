#!/usr/bin/env bash
# Exposure-sheet benchmark: StressPack's workbook renderer against a plain C
# program writing the same rows with libxlsxwriter (scripts/bench/xlsx_plain.c),
# on the same sample-bank portfolio, in one run on one machine. Both use
# constant-memory mode; both time only the writing (the portfolio is loaded
# first). Target: StressPack within 1.5× of the C program. Figures: BENCHMARKS.md.
#
#   scripts/bench/xlsx.sh [EXPOSURES=1000000] [REPETITIONS=3]
# SCRATCH=DIR builds into another scratch folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
REPS=${2:-3}
SCRATCH=${SCRATCH:-.build}
work=${TMPDIR:-/tmp}/stresspack-xlsx-bench
mkdir -p "$work"
swift build -c release --scratch-path "$SCRATCH" --product stresspack >/dev/null
swift build -c release --scratch-path "$SCRATCH" --product stresspack-bench >/dev/null
bin="$SCRATCH/release"
bank="$work/bank-$N.csv"
[[ -f $bank ]] || "$bin/stresspack" portfolio sample --exposures "$N" --seed 42 --out "$bank" >/dev/null 2>&1
cc -O2 -o "$work/xlsx_plain" scripts/bench/xlsx_plain.c -lxlsxwriter -lm
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; libxlsxwriter $(sed -n 's/^#define LXW_VERSION *"\(.*\)"/\1/p' /usr/include/xlsxwriter.h)"
echo "== $N exposures; StressPack and plain C alternate, $REPS runs each, medians compared"
swift_times=(); c_times=()
for ((r = 1; r <= REPS; r++)); do
  s=$("$bin/stresspack-bench" xlsx "$bank" "$work/stresspack.xlsx" 1 | sed -n 's/^swift_seconds=//p')
  c=$("$work/xlsx_plain" "$bank" "$work/plain.xlsx" 1 | sed -n 's/^c_seconds=//p')
  echo "run $r: StressPack $s s, plain C $c s"
  swift_times+=("$s"); c_times+=("$c")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
swift_s=$(median "${swift_times[@]}")
c_s=$(median "${c_times[@]}")
echo "files: StressPack $(stat -c %s "$work/stresspack.xlsx") bytes, plain C $(stat -c %s "$work/plain.xlsx") bytes"
awk -v s="$swift_s" -v c="$c_s" 'BEGIN { r = s / c; printf "median: StressPack %.2f s, plain C %.2f s; ratio %.2f (target <= 1.50): %s\n", s, c, r, (r <= 1.5 ? "met" : "NOT met") }'
