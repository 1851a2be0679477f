#!/usr/bin/env bash
# A webhook receiver that fails 30 % of deliveries at random and is down for a minute: every event is delivered,
# none out of order within a conversation, duplicates only with the same webhook-id.
#
#   tools/serve/webhook-faults.sh [CONVERSATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
conversations=${1:-200}
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-$PWD/.build/release/baton}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; rm -rf "$work"' EXIT
db=$work/baton.sqlite
port=$((20000 + RANDOM % 20000)) hook=$((port + 1))
secret="whsec_$(head -c 24 /dev/urandom | base64)"
printf '[[webhooks]]\nname = "flaky"\nurl = "http://127.0.0.1:%s/hook"\nsecret = "%s"\n' "$hook" "$secret" > "$work/baton.toml"
token=$($baton token create faults --db "$db" 2>/dev/null)
$baton agent add ana --skills general billing tech --capacity 100000 --db "$db" >/dev/null
python3 tools/serve/receiver.py --port "$hook" --secret "$secret" --fail 0.3 --log "$work/accepted.jsonl" \
  --down-after 5 --down-for 60 2>"$work/receiver.log" & pids+=($!)
$baton serve --db "$db" --config "$work/baton.toml" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" & pids+=($!)
for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
start=$(date +%s)
# Each conversation: handed off, claimed, answered, released: five events in a fixed order.
for i in $(seq 1 "$conversations"); do
  curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"id\":\"f$i\",\"customer\":{\"id\":\"c$i\"},\"messages\":[{\"role\":\"customer\",\"text\":\"I want to talk to a human agent\"}]}" \
    "http://127.0.0.1:$port/v1/conversations"
  $baton claim "f$i" --agent ana --db "$db" >/dev/null
  $baton reply "f$i" "On it, $i." --agent ana --db "$db" >/dev/null
  $baton release "f$i" --note "done $i" --agent ana --db "$db" >/dev/null
done
echo "events written in $(( $(date +%s) - start ))s; waiting for every delivery (the receiver is down for a minute)" >&2
total=$(sqlite3 "$db" "SELECT COUNT(*) FROM outbox")
for _ in $(seq 900); do
  delivered=$(python3 -c "import json;print(len({json.loads(l)['id'] for l in open('$work/accepted.jsonl') if l.strip()}))" 2>/dev/null || echo 0)
  [ "$delivered" -ge "$total" ] && break
  sleep 1
done
echo "all delivered after $(( $(date +%s) - start ))s" >&2
python3 tools/serve/check_deliveries.py "$db" "$work/accepted.jsonl"
