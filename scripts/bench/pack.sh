#!/usr/bin/env bash
# The full quarterly pack (#19's first target): every bundled scenario, 10,000-path credit
# VaR, the quarterly-submission pack, on the deterministic sample bank of N exposures (seed
# 42). Prints wall, user CPU and peak memory (/usr/bin/time) and where the time went
# (`runs show`). Given two binaries, it alternates them and compares every output with `cmp`:
# speed never changes a result. Figures: BENCHMARKS.md.
#
# Usage: scripts/bench/pack.sh [--exposures N] [--repeat R] [--skip-reprojections] [BINARY ...]
#   --exposures N           sample bank size (default 1000000; the demo's is 250000)
#   --repeat R              runs of each binary (default 1)
#   --skip-reprojections    run --skip attribution --skip reverse-stress
#   BINARY                  stresspack binaries to time (default: a release build of this tree)
# Environment: TMPDIR (where the bank and the outputs go, default /tmp).
set -euo pipefail
cd "$(dirname "$0")/../.."
exposures=1000000 repeat=1 skip=() bins=()
while (($#)); do
  case $1 in
    --exposures) exposures=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --skip-reprojections) skip=(--skip attribution --skip reverse-stress); shift ;;
    -*) echo "pack.sh: unknown option $1" >&2; exit 2 ;;
    *) bins+=("$(realpath "$1")"); shift ;;
  esac
done
if ((${#bins[@]} == 0)); then
  swift build -c release --product stresspack >/dev/null
  bins=("$PWD/.build/release/stresspack")
fi
export STRESSPACK_HOME=$PWD
work=${TMPDIR:-/tmp}/stresspack-pack-bench
mkdir -p "$work"
bank=$work/bank-$exposures.csv
[[ -f $bank ]] || "${bins[0]}" portfolio sample --exposures "$exposures" --seed 42 --out "$bank" --quiet
scenarios=()
for f in scenarios/*.yaml; do scenarios+=(--scenario "$f"); done

echo "== machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
echo "== $exposures exposures, $((${#scenarios[@]} / 2)) scenarios, 10,000 paths, quarterly-submission ${skip[*]}"
for r in $(seq "$repeat"); do
  for i in "${!bins[@]}"; do
    # The same folder name for every run: the run id hashes it.
    rm -rf "$work/run-$i-$r"
    mkdir -p "$work/run-$i-$r"
    out=$work/run-$i-$r/out
    /usr/bin/time -f "%e %U %M" -o "$work/time-$i-$r" "${bins[i]}" run --portfolio "$bank" \
      --balance-sheet "${bank%.csv}.balance-sheet.yaml" --paths 10000 "${scenarios[@]}" \
      --pack quarterly-submission "${skip[@]}" --out "$out" --store "$out.sqlite" --quiet >/dev/null
    read -r wall user kb < "$work/time-$i-$r"
    echo
    echo "-- ${bins[i]}, run $r: $wall s wall, $user s user, $((kb / 1024)) MB peak"
    run=$("${bins[i]}" runs list --store "$out.sqlite" | awk 'NR == 1 {print $1}')
    "${bins[i]}" runs show "$run" --store "$out.sqlite" |
      grep -E '^ +[0-9.]+ s .*(load portfolio|risk weights|credit VaR|render|templates)|all scenarios:' || true
  done
done
if ((${#bins[@]} == 2)); then
  echo
  same=0 differ=0
  while read -r f; do
    if cmp -s "$work/run-0-1/out/$f" "$work/run-1-1/out/$f"; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $f"; fi
  done < <(cd "$work/run-0-1/out" && find . -type f | sort)
  echo "== outputs: $same identical, $differ different"
fi
