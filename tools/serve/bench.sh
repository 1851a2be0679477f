#!/usr/bin/env bash
# Loopback load on `baton serve`: message events with wrk, then a check that every 2xx answer is stored.
# Prints one JSON line per round with throughput, p50/p99/p99.9, the stored count, the server's CPU time per event
# and the load average at the end.
#
#   tools/serve/bench.sh [--rounds 3] [--duration 20s] [--connections 64] [--threads 2] [--conversations 2000]
#                        [--handoff-every 10]
#
# The load (tools/serve/messages.lua): --conversations open at once, each 10 messages (customer and AI in turn) and
# then replaced by a new one; every --handoff-every-th asks for a human at its 5th message, after which only its
# customer writes (a bot stays silent while humans hold the thread). Every request is one Baton accepts, so "other"
# (non-2xx, counted by status in "statuses") should be 0.
#
# Needs wrk (Debian package) and sqlite3; builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=3 duration=20s connections=64 threads=2 conversations=2000 handoff_every=10
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --conversations) conversations=$2; shift 2 ;;
    --handoff-every) handoff_every=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 2; }
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-.build/release/baton}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
for round in $(seq 1 "$rounds"); do
  db="$work/bench-$round.sqlite"
  token=$($baton token create bench --db "$db" 2>/dev/null)
  $baton serve --db "$db" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  result=$(TOKEN=$token ACTIVE=$conversations THREADS=$threads HANDOFF_EVERY=$handoff_every wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s \
    -s tools/serve/messages.lua "http://127.0.0.1:$port" | grep '^{')
  # The server's CPU time (user + system) under the load: per event it is what a noisy shared machine changes
  # least, unlike throughput and latency, which depend on the CPU the other processes leave.
  cpu_ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$server/stat)
  kill -TERM $server; wait $server || true
  stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM messages")
  requests=$(echo "$result" | sed 's/.*"requests":\([0-9]*\).*/\1/')
  cpu=$(awk -v t="$cpu_ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "\"server_cpu_s\":%.2f,\"cpu_us_per_event\":%.0f", t / hz, (n > 0 ? t / hz * 1e6 / n : 0) }')
  echo "${result%\}},\"round\":$round,\"stored_messages\":$stored,$cpu,\"connections\":$connections,\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
done
