#!/usr/bin/env bash
# Runs tools/serve/abuse.py against a fresh release `baton serve`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${BATON:-}" ]; then swift build -c release --product baton >&2; fi
baton=${BATON:-$PWD/.build/release/baton}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/baton.sqlite
port=$((20000 + RANDOM % 20000))
token=$($baton token create abuse --db "$db" 2>/dev/null)
$baton serve --db "$db" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" &
server=$!
for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
python3 tools/serve/abuse.py --port "$port" --token "$token" --pid "$server" --db "$db" "$@"
kill -0 $server && echo '{"server":"still running"}'
