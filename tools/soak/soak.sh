#!/usr/bin/env bash
# Soak: several baton processes work one store at once for a while, some of them killed with SIGKILL along
# the way; then every invariant is checked. Prints what was done and exits non-zero on any problem.
#   tools/soak/soak.sh [SECONDS] [PROCESSES]      (default: 180 s, 8 processes)
#   BATON=path/to/baton   the binary to soak (default: the newer of .build/release/baton and .build/debug/baton)
# The processes: ingest loops, agents claiming, replying, resolving and releasing, a sweeper with a notify
# command and a short pickup window, an outbox reader acknowledging what it takes, and a killer that sends
# SIGKILL to a random ingest or agent process every few seconds (they are restarted).
set -uo pipefail
seconds="${1:-180}"
processes="${2:-8}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
baton="${BATON:-}"
if [ -z "$baton" ]; then
  # The newer of the release and debug builds.
  baton="$(ls -t "$root/.build/release/baton" "$root/.build/debug/baton" 2>/dev/null | head -n 1)"
fi
[ -x "$baton" ] || { echo "no baton binary at $baton; run swift build first" >&2; exit 2; }
work="$(mktemp -d /tmp/baton-soak.XXXXXX)"
db="$work/soak.sqlite"
export BATON_DB="$db" BATON_CONFIG="$work/baton.toml"
cat > "$BATON_CONFIG" <<TOML
[[queues]]
name = "general"
skills = ["general"]
pickup_window = "2s"
expiry = "20s"
expiry_policy = "requeue"
[notify]
command = "echo \$BATON_THREAD >> $work/notified.txt"
TOML
"$baton" init > /dev/null || exit 2
agents=$(( processes > 4 ? processes - 4 : 1 ))
ingesters=2
for i in $(seq 1 "$agents"); do "$baton" agent add "agent$i" --skills general --capacity 5 > /dev/null; done
end=$(( $(date +%s) + seconds ))

ingest_loop() {  # $1: worker number
  local n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    python3 - "$1" "$n" <<'PY' > "$work/batch-$1.jsonl"
import json, random, sys
worker, batch = sys.argv[1], sys.argv[2]
texts = ["I want to talk to a person", "where is my order?", "I demand a refund", "thanks, that's all",
         "this is useless", "my card was stolen", "can I change my address?", "hola, quiero hablar con alguien"]
for i in range(100):
    print(json.dumps({"id": f"w{worker}-b{batch}-{i}", "customer": {"id": f"u{random.randrange(500)}"},
                      "messages": [{"role": "customer", "text": random.choice(texts)}]}))
PY
    "$baton" ingest "$work/batch-$1.jsonl" >> "$work/ingest-$1.log" 2>&1
  done
}

agent_loop() {  # $1: agent number
  local me="agent$1"
  while [ "$(date +%s)" -lt "$end" ]; do
    local out id
    out=$("$baton" claim --next --agent "$me" 2>/dev/null) || { sleep 0.2; continue; }
    id=$(echo "$out" | awk '{print $2}')
    "$baton" reply "$id" "Hi, I'm on it." --agent "$me" > /dev/null 2>&1
    case $((RANDOM % 3)) in
      0) "$baton" resolve "$id" --agent "$me" > /dev/null 2>&1 ;;
      1) "$baton" release "$id" --note "back to you" --agent "$me" > /dev/null 2>&1 ;;
      2) "$baton" requeue "$id" --agent "$me" > /dev/null 2>&1 ;;
    esac
  done
}

declare -A pids
start_worker() {  # $1: name
  case "$1" in
    ingest*) ingest_loop "${1#ingest}" & ;;
    agent*) agent_loop "${1#agent}" & ;;
  esac
  pids[$1]=$!
}
for i in $(seq 1 "$ingesters"); do start_worker "ingest$i"; done
for i in $(seq 1 "$agents"); do start_worker "agent$i"; done
"$baton" sweep --every 1s > "$work/sweep.log" 2>&1 &
sweeper=$!
( "$baton" outbox --ack --follow 2> "$work/outbox.err" | cat > "$work/received.jsonl" ) &
reader=$!

kills=0
while [ "$(date +%s)" -lt "$end" ]; do
  sleep $(( (RANDOM % 4) + 2 ))
  names=("${!pids[@]}")
  victim="${names[$((RANDOM % ${#names[@]}))]}"
  # Kill the worker's baton child (the command in flight), then restart the loop.
  for child in $(pgrep -P "${pids[$victim]}"); do kill -9 "$child" 2>/dev/null && kills=$((kills + 1)); done
done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
kill -9 "$sweeper" 2>/dev/null
pkill -9 -P "$reader" 2>/dev/null
wait 2>/dev/null

# Settle: one more sweep announces breaches a killed sweeper left; then check everything.
"$baton" sweep > /dev/null 2>&1
problems=0
if ! "$baton" check; then problems=$((problems + 1)); fi
if ! "$baton" notifications | grep -q "no notifications waiting"; then
  echo "breach notifications still due after the final sweep"; problems=$((problems + 1))
fi
acknowledged_not_received=$(python3 - "$baton" "$work/received.jsonl" <<'PY'
import json, subprocess, sys
baton, received = sys.argv[1], sys.argv[2]
def ids(lines): return {json.loads(l)["id"] for l in lines if l.strip()}
got = ids(open(received, encoding="utf-8", errors="replace"))
everything = ids(subprocess.run([baton, "outbox", "--all"], capture_output=True, text=True).stdout.splitlines())
pending = ids(subprocess.run([baton, "outbox"], capture_output=True, text=True).stdout.splitlines())
print(len((everything - pending) - got))
PY
)
if [ "$acknowledged_not_received" != "0" ]; then
  echo "$acknowledged_not_received outbox messages acknowledged but never received"; problems=$((problems + 1))
fi
figures=$(python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
q = lambda sql: db.execute(sql).fetchone()[0]
counts = {name: q(sql) for name, sql in [
    ("conversations", "SELECT COUNT(*) FROM conversations"), ("audit rows", "SELECT COUNT(*) FROM audit"),
    ("claims", "SELECT COUNT(*) FROM audit WHERE action = 'claim'"), ("breaches", "SELECT COUNT(*) FROM escalations"),
    ("outbox messages", "SELECT COUNT(*) FROM outbox")]}
print(", ".join(f"{name} {value}" for name, value in counts.items()))
PY
)
echo "soak: ${seconds}s, $processes processes ($ingesters ingest, $agents agents, sweeper, outbox reader), $kills kill -9"
echo "soak: $figures"
echo "soak: acknowledged but not received: $acknowledged_not_received; problems: $problems; store kept in $work"
[ "$problems" -eq 0 ]
