#!/usr/bin/env bash
# Counts the instructions `baton triggers` executes on the first LINES lines of the benchmark corpus
# (tools/bench/make_corpus.py), for each build given, under valgrind's callgrind, and on an empty file (the
# start: loading the model, the lexicon, the phrase tables), and prints the difference per line. Unlike time,
# the count does not move with the load of other processes, so two builds compare on a busy machine; it
# leaves out what an instruction waits for (cache misses), so confirm a gain with timed runs (triggers.sh,
# baton-bench).
#   tools/bench/instructions.sh OLD_BATON NEW_BATON [...]     # LINES=10000 by default
# Needs valgrind (apt-get install valgrind). Valgrind 3.19 cannot read the DWARF 5 debug information of
# Swift release builds, so each binary is copied without it first (strip --strip-debug).
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${LINES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/bench/make_corpus.py "$LINES" > "$work/corpus.jsonl"
: > "$work/empty.jsonl"
instructions() { # instructions of `baton triggers FILE`
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/baton" triggers "$1" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for build in "$@"; do
  strip --strip-debug -o "$work/baton" "$build"
  total=$(instructions "$work/corpus.jsonl")
  start=$(instructions "$work/empty.jsonl")
  printf '%-36s %12d instructions on %d lines, %11d on an empty file: %6d a line\n' \
    "$build" "$total" "$LINES" "$start" "$(( (total - start) / LINES ))"
done
