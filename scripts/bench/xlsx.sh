#!/usr/bin/env bash
# Exposure-sheet benchmark: StressPack's workbook renderer against a plain C
# program writing the same rows with libxlsxwriter (scripts/bench/xlsx_plain.c),
# on the same sample-bank portfolio, in one run on one machine. Both use
# constant-memory mode; both time only the writing (the portfolio is loaded
# first). Target: StressPack within 1.5× of the C program. Figures: BENCHMARKS.md.
#
#   scripts/bench/xlsx.sh [EXPOSURES=1000000] [REPETITIONS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
REPS=${2:-3}
work=${TMPDIR:-/tmp}/stresspack-xlsx-bench
mkdir -p "$work"
swift build -c release --product stresspack >/dev/null
swift build -c release --product stresspack-bench >/dev/null
bank="$work/bank-$N.csv"
[[ -f $bank ]] || .build/release/stresspack portfolio sample --exposures "$N" --seed 42 --out "$bank" >/dev/null 2>&1
cc -O2 -o "$work/xlsx_plain" scripts/bench/xlsx_plain.c -lxlsxwriter -lm
echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; libxlsxwriter $(pkg-config --modversion xlsxwriter)"
echo "== $N exposures, median of $REPS runs each"
swift_out=$(.build/release/stresspack-bench xlsx "$bank" "$work/stresspack.xlsx" "$REPS")
echo "$swift_out" | grep -v '_seconds='
c_out=$("$work/xlsx_plain" "$bank" "$work/plain.xlsx" "$REPS")
echo "$c_out" | grep -v '_seconds='
swift_s=$(echo "$swift_out" | sed -n 's/^swift_seconds=//p')
c_s=$(echo "$c_out" | sed -n 's/^c_seconds=//p')
echo "files: StressPack $(stat -c %s "$work/stresspack.xlsx") bytes, plain C $(stat -c %s "$work/plain.xlsx") bytes"
awk -v s="$swift_s" -v c="$c_s" 'BEGIN { r = s / c; printf "ratio StressPack / plain C = %.2f (target ≤ 1.50): %s\n", r, (r <= 1.5 ? "met" : "NOT met") }'
