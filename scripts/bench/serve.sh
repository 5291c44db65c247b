#!/usr/bin/env bash
# Throughput and latency of `stresspack serve` under wrk on loopback (Debian's wrk), and the
# server's memory at rest and under load. A bounded run: each endpoint for DURATION seconds
# (default 15) with 2 wrk threads and 16 connections. Figures go to BENCHMARKS.md.
#   scripts/bench/serve.sh [.build/release/stresspack] [EXPOSURES]
set -euo pipefail
BIN=${1:-.build/release/stresspack}
EXPOSURES=${2:-20000}
DURATION=${DURATION:-15}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export STRESSPACK_HOME="$ROOT"
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "store: one run of a ${EXPOSURES}-exposure sample bank through every bundled scenario"
"$BIN" portfolio sample --exposures "$EXPOSURES" --seed 42 --out "$WORK/bank.csv" --quiet >/dev/null
"$BIN" run --portfolio "$WORK/bank.csv" --balance-sheet "$WORK/bank.balance-sheet.yaml" --out "$WORK/run" \
  --store "$WORK/store.sqlite" --quiet >/dev/null

"$BIN" serve --store "$WORK/store.sqlite" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
URL=""
for _ in $(seq 600); do
  URL=$(sed -n 's/^listening on //p' "$WORK/serve.out"); [[ -n "$URL" ]] && break; sleep 0.1
done
[[ -n "$URL" ]] || { echo "the server did not start" >&2; exit 1; }
rss() { awk -v k="$1" '$1 == k":" { printf "%.1f MB", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

echo "server at rest: $(rss VmRSS)"
# The first view of a run loads its results and renders its charts once; measure the steady state.
curl -sf -o /dev/null "$URL/runs/1"
for i in $(seq 1 30); do curl -s -o /dev/null "$URL/runs/1/charts/$i.svg"; done
echo "after the first view of the run: $(rss VmRSS)"

for path in /runs/1 "/api/v1/runs/1/figures" "/api/v1/runs/1/figures?metric=cet1_ratio&format=csv" /api/v1/runs; do
  echo
  echo "== wrk -t2 -c16 -d${DURATION}s --latency $path"
  wrk -t2 -c16 -d"${DURATION}s" --latency "$URL$path" | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%|requests in|Non-2xx"
done
echo
echo "server after load: $(rss VmRSS) (peak $(rss VmHWM))"
