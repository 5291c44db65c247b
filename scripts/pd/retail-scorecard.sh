#!/usr/bin/env bash
# Rebuilds data/pd/retail-scorecard.yaml, the consumer application scorecard the sample
# bank's card and consumer loan rows are rated with (README "PD models"):
#   100,000 synthetic applications (stresspack pd sample, seed 2026), a fitted scorecard,
#   calibrated to a 3.7% long-run default rate (the mean PD of the sample bank's stage 1
#   card and consumer loans) on the 20-grade master scale, scoped to the sample bank's
#   "Credit cards" and "Consumer loans" segments.
# The same commands give the same bytes (EndToEndTests/PDModelCLITests checks it).
# Usage: scripts/pd/retail-scorecard.sh [path/to/stresspack] [model file to write]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(realpath "${1:-$root/.build/release/stresspack}")"
out="$(realpath -m "${2:-$root/data/pd/retail-scorecard.yaml}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" pd sample --loans 100000 --seed 2026 --out retail-development.csv
"$bin" pd fit --data retail-development.csv --target default --name retail-scorecard --out retail-scorecard.yaml
"$bin" pd calibrate retail-scorecard.yaml --data retail-development.csv --central-tendency 0.037 \
  --segment "Credit cards" --segment "Consumer loans"
mv retail-scorecard.yaml "$out"
echo "$out"
