#!/usr/bin/env bash
# Checks a live `baton serve` against its OpenAPI document with schemathesis (PyPI, pinned), in a venv outside
# git (.venv-schemathesis). Runs a few minutes at most; CI runs it after `swift build && swift test`.
#
#   tools/serve/schemathesis.sh [path/to/baton]   (default .build/debug/baton)
set -euo pipefail
cd "$(dirname "$0")/../.."
baton=${1:-.build/debug/baton}
venv=.venv-schemathesis
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis==4.32.5
fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/baton.sqlite
port=$((20000 + RANDOM % 20000))
token=$($baton token create schemathesis --db "$db" 2>/dev/null)
$baton serve --db "$db" --listen "127.0.0.1:$port" --log-level warning 2>"$work/serve.log" &
server=$!
for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.05; done
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/v1/openapi.json" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases fuzzing,stateful --max-examples 25 --generation-deterministic --max-time 90 --request-timeout 10 --workers 2 \
  --exclude-path /v1/events --report-dir "$work/report"
# The long-poll feed on its own, briefly: a case may wait up to a minute. (The coverage phase is skipped: it
# crashes inside schemathesis 4.32.5 on this Python with "AST constructor recursion depth mismatch".)
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/v1/openapi.json" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $token" --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --include-path /v1/events --phases fuzzing --max-examples 15 --generation-deterministic --max-time 45 --request-timeout 70 --workers 2
kill -0 $server
