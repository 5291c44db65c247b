#!/usr/bin/env bash
# Builds the libFuzzer binary for the input loaders (Fuzz/FuzzLoaders.swift).
# SwiftPM compiles the Inputs target and its dependencies (StressCore, Yams, CYaml)
# with coverage instrumentation and AddressSanitizer in a build folder of its own;
# swiftc then links the entry file against their objects with libFuzzer's main.
# Build output goes to stderr; stdout is the binary's path alone (for Fuzz/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
OUT=$SCRATCH/fuzz-loaders

"$SWIFT" build --scratch-path "$SCRATCH" -c debug --target Inputs \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address >&2
BIN=$("$SWIFT" build --scratch-path "$SCRATCH" -c debug --show-bin-path)
objects=()
for target in Inputs StressCore Yams CYaml; do
    while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$BIN/$target.build" -name '*.o' -print0)
done
rm -f "$OUT"
swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -enable-testing \
    -I "$BIN/Modules" -I "$BIN" -Xcc -fmodule-map-file="$(find "$SCRATCH"/checkouts/Yams/Sources/CYaml -name module.modulemap | head -1)" \
    Fuzz/FuzzLoaders.swift "${objects[@]}" -o "$OUT" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
[ -x "$OUT" ] || { echo "fuzz: link failed" >&2; exit 1; }
echo "$OUT"
