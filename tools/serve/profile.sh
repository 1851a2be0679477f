#!/usr/bin/env bash
# Where `baton serve` spends its CPU under the bot-platform load of bench.sh: perf samples the server while wrk
# plays tools/serve/messages.lua, then tools/serve/perf_breakdown.py groups them by layer (HTTP, API, store).
# Prints the throughput line of wrk, the server's CPU per event and the breakdown.
#
#   tools/serve/profile.sh [--duration 20] [--connections 64]
#
# Needs wrk, perf (linux-perf) and python3; BATON=path names the binary (default: builds the release one).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=20 connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk perf python3; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 2; }; done
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-.build/release/baton}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
token=$($baton token create bench --db "$work/profile.sqlite" 2>/dev/null)
$baton serve --db "$work/profile.sqlite" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
TOKEN=$token ACTIVE=2000 THREADS=2 HANDOFF_EVERY=10 wrk -t2 -c"$connections" -d"$((duration + 4))s" --timeout 5s \
  -s tools/serve/messages.lua "http://127.0.0.1:$port" >"$work/wrk.out" &
load=$!
sleep 2
ticks_before=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$server/stat)
perf record -F 999 -g -p $server -o "$work/perf.data" -- sleep "$duration" 2>/dev/null >&2
ticks_after=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$server/stat)
wait $load
result=$(grep '^{' "$work/wrk.out")
echo "$result"
per_second=$(echo "$result" | sed 's/.*"per_second":\([0-9]*\).*/\1/')
awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v d="$duration" -v r="$per_second" \
  'BEGIN { printf "server CPU while sampled: %.2f cores, about %.0f us per event (load average %s)\n", t / hz / d, (r > 0 ? t / hz / d * 1e6 / r : 0), "'"$(cut -d' ' -f1-3 /proc/loadavg)"'" }'
perf script -i "$work/perf.data" -F comm,ip,sym 2>/dev/null | tools/serve/perf_breakdown.py
