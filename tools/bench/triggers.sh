#!/usr/bin/env bash
# Times `baton triggers` on a 55,900-line file of one-message conversations against the Python
# keyword-plus-VADER baseline (tools/bench/baseline.py), in one run, alternating, three rounds each.
#   tools/bench/triggers.sh [PREVIOUS_BATON]   # also times a previous build, side by side
#   BATON=.build/debug/baton tools/bench/triggers.sh OLD_DEBUG_BATON   # compare two given builds, no release build
# Prints wall time and CPU time (user + system): on this shared machine wall time follows the load of
# other processes, CPU time much less.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-55900}
ROUNDS=${ROUNDS:-3}
if [ -z "${BATON:-}" ]; then
  swift build -c release --product baton >/dev/null
  BATON=.build/release/baton
fi
if ! .venv-bench/bin/python -c 'import vaderSentiment' >/dev/null 2>&1; then
  python3 -m venv .venv-bench && .venv-bench/bin/pip install -q -r tools/bench/requirements.txt
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/bench/make_corpus.py "$LINES" > "$work/corpus.jsonl"
time_it() { # prints seconds of wall time of "$@" < corpus > /dev/null; CPU seconds go to $work/cpu
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" < "$work/corpus.jsonl" > "$work/out" 2>/dev/null || true
  end=$(date +%s.%N)
  awk '{ print $1 + $2 }' "$work/time" > "$work/cpu"
  echo "$end - $start" | bc -l
}
declare -A best
names=(baton python)
[ $# -ge 1 ] && names+=(previous)
for round in $(seq "$ROUNDS"); do
  for name in "${names[@]}"; do
    case $name in
      baton) t=$(time_it "$BATON" triggers -) ;;
      python) t=$(time_it .venv-bench/bin/python tools/bench/baseline.py) ;;
      previous) t=$(time_it "$1" triggers -) ;;
    esac
    printf '%-9s round %d: %6.2f s wall %6.2f s CPU  %8.0f conversations/s\n' "$name" "$round" "$t" "$(cat "$work/cpu")" "$(echo "$LINES / $t" | bc -l)"
    if [ -z "${best[$name]:-}" ] || (( $(echo "$t < ${best[$name]}" | bc -l) )); then best[$name]=$t; fi
  done
done
for name in "${names[@]}"; do
  printf '%-9s best: %8.0f conversations/s\n' "$name" "$(echo "$LINES / ${best[$name]}" | bc -l)"
done
printf 'baton / python: %.1fx (goal 10x)\n' "$(echo "${best[python]} / ${best[baton]}" | bc -l)"
