#!/usr/bin/env bash
# kill -9 of `baton serve` under load, ROUNDS times (default 20). Afterwards: every message answered 2xx is in the
# store, the integrity check is ok, and once the server runs again every outbox event reaches the webhook receiver.
#
#   tools/serve/kill9.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-20}
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-$PWD/.build/release/baton}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -9 $p 2>/dev/null || true; done; rm -rf "$work"' EXIT
db=$work/baton.sqlite
port=$((20000 + RANDOM % 20000)) hook=$((port + 1))
secret="whsec_$(head -c 24 /dev/urandom | base64)"
printf '[[webhooks]]\nname = "receiver"\nurl = "http://127.0.0.1:%s/hook"\nsecret = "%s"\n' "$hook" "$secret" > "$work/baton.toml"
token=$($baton token create load --db "$db" 2>/dev/null)
python3 tools/serve/receiver.py --port "$hook" --secret "$secret" --log "$work/accepted.jsonl" & pids+=($!)
start() {
  $baton serve --db "$db" --config "$work/baton.toml" --listen "127.0.0.1:$port" --log-level warning 2>>"$work/serve.log" &
  server=$!; pids+=($server)
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.05; done
  echo "server did not start" >&2; exit 1
}
for round in $(seq 1 "$rounds"); do
  start
  python3 tools/serve/load.py --url "http://127.0.0.1:$port" --token "$token" --log "$work/acked.txt" --seconds 4 --prefix "r$round" &
  load=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(1.0, 3.5), 2))')"
  kill -9 $server
  wait $load || true
done
start
acked=$(sort -u "$work/acked.txt" | wc -l)
stored=$(sqlite3 "$db" "SELECT platform_id FROM messages WHERE platform_id IS NOT NULL" | sort -u > "$work/stored.txt"; wc -l < "$work/stored.txt")
lost=$(comm -23 <(sort -u "$work/acked.txt") "$work/stored.txt" | wc -l)
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
# Let the deliverer drain, then compare what the receiver got with the outbox.
for _ in $(seq 120); do
  pending=$(sqlite3 "$db" "SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'")
  scheduled=$(sqlite3 "$db" "SELECT (SELECT COALESCE(MAX(id), 0) FROM outbox) - (SELECT cursor FROM webhook_endpoints)")
  [ "$pending" = 0 ] && [ "$scheduled" = 0 ] && break
  sleep 1
done
kill -TERM $server; wait $server || true
verdict=$(python3 tools/serve/check_deliveries.py "$db" "$work/accepted.jsonl" || true)
echo "{\"kills\":$rounds,\"acked_2xx\":$acked,\"stored\":$stored,\"acked_but_lost\":$lost,\"integrity\":\"$integrity\",\"webhooks\":$verdict}"
[ "$lost" = 0 ] && [ "$integrity" = ok ] && echo "$verdict" | grep -q '"missing": 0'
