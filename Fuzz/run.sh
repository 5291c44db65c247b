#!/usr/bin/env bash
# Runs each loader's libFuzzer target for FUZZ_SECONDS (default 60), niced, starting
# from the committed seed corpus in Fuzz/Corpus/<target>/. New inputs go to
# .build-fuzz/corpus/<target>/, crashes and slow inputs to .build-fuzz/artifacts/<target>/.
# Usage: Fuzz/run.sh [target...]   (portfolio balance_sheet scenario template framework)
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(portfolio balance_sheet scenario template framework)
BIN=$(Fuzz/build.sh | tail -1) || exit 1
failed=()
for target in "${TARGETS[@]}"; do
    work=.build-fuzz/corpus/$target artifacts=.build-fuzz/artifacts/$target
    mkdir -p "$work" "$artifacts"
    dict=Fuzz/yaml.dict
    [ "$target" = portfolio ] && dict=Fuzz/csv.dict
    echo "== $target: ${SECONDS_PER_TARGET}s"
    # Slow inputs (over 10 s) count as findings, as do traps, sanitizer reports and 2 GB of memory.
    if ! STRESSPACK_HOME=$PWD STRESSPACK_FUZZ_TARGET=$target nice -n 10 "$BIN" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$work" "Fuzz/Corpus/$target" 2> ".build-fuzz/$target.log"; then
        failed+=("$target")
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" ".build-fuzz/$target.log" | head -5
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|DONE" ".build-fuzz/$target.log" | tr '\n' ' '
    echo
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]} (see .build-fuzz/artifacts/ and .build-fuzz/<target>.log)"
    exit 1
fi
echo "fuzz: no findings in ${TARGETS[*]}"
