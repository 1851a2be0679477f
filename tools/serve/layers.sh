#!/usr/bin/env bash
# The server's CPU per request for requests that stop at successive layers, to see what each layer costs:
#   healthz   GET /healthz: NIO and Hummingbird alone
#   415       POST …/messages with Content-Type text/plain: + routing, the token, the request log, a problem document
#   400       malformed JSON: + reading the body and the JSON parser's refusal
#   404       a valid message event for an unknown conversation: + the parser, group commit and a write transaction
#             whose one event is refused (its savepoint rolled back)
# and, from tools/serve/bench.sh, a real message event. Each figure is the server's user + system CPU time over a
# wrk run divided by the requests answered. Prints one JSON line per round.
#
#   tools/serve/layers.sh [--rounds 1] [--duration 5]       (BATON=path names the binary; default: release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=1 duration=5
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-.build/release/baton}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = os.getenv("CT")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA
port=$((20000 + RANDOM % 20000))
cpu() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$server/stat; }
# CPU µs per request of one wrk run: measure NAME URL [VAR=VALUE…] (with variables, POSTs through post.lua)
measure() {
  local name=$1 url=$2; shift 2
  local before after requests script=()
  [ $# -gt 0 ] && script=(-s "$work/post.lua")
  before=$(cpu)
  requests=$(env "$@" wrk -t2 -c64 -d"${duration}s" "${script[@]}" "$url" | awk '/requests in/ { print $1 }')
  after=$(cpu)
  awk -v n="$requests" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v name="$name" \
    'BEGIN { printf "\"%s_us\":%.0f,", name, (n > 0 ? t / hz * 1e6 / n : 0) }'
}
for round in $(seq 1 "$rounds"); do
  db="$work/layers-$round.sqlite"
  token=$($baton token create layers --db "$db" 2>/dev/null)
  $baton serve --db "$db" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  messages="http://127.0.0.1:$port/v1/conversations/nobody/messages"
  line="{"
  line+=$(measure healthz "http://127.0.0.1:$port/healthz")
  line+=$(measure 415 "$messages" TOKEN="$token" CT=text/plain BODY='{}')
  line+=$(measure 400 "$messages" TOKEN="$token" CT=application/json BODY='{')
  line+=$(measure 404 "$messages" TOKEN="$token" CT=application/json BODY='{"message":{"role":"ai","text":"hello"}}')
  kill -TERM $server; wait $server || true
  event=$(BATON=$baton tools/serve/bench.sh --rounds 1 --duration "${duration}s" | sed 's/.*"cpu_us_per_event":\([0-9]*\).*/\1/')
  echo "$line\"message_event_us\":$event,\"round\":$round,\"load_average\":\"$(cut -d' ' -f1-3 /proc/loadavg)\"}"
done
