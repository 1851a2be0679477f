#!/usr/bin/env bash
# Checks that two builds of baton decide the same: `baton triggers` on the 55,900-line benchmark corpus
# (tools/bench/make_corpus.py), on 20,000 lines of mixed input (tools/bench/make_mixed_corpus.py: longer
# conversations, message events, CSAT lines, a refused line now and then) and on the dev set, standard
# output and standard error byte for byte; and `baton eval` on the dev set.
#   tools/bench/same-verdicts.sh OLD_BATON NEW_BATON
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/bench/make_corpus.py 55900 > "$work/bench.jsonl"
python3 tools/bench/make_mixed_corpus.py 20000 > "$work/mixed.jsonl"
cp ../shared/eval/dev.jsonl "$work/dev.jsonl"
status=0
for input in bench mixed dev; do
  for build in old new; do
    "${!build}" triggers "$work/$input.jsonl" > "$work/$input.$build.out" 2> "$work/$input.$build.err" || echo "exit $?" >> "$work/$input.$build.err"
  done
  if cmp -s "$work/$input.old.out" "$work/$input.new.out" && cmp -s "$work/$input.old.err" "$work/$input.new.err"; then
    printf 'same: triggers %s (%d lines out, %d lines on stderr)\n' "$input" "$(wc -l < "$work/$input.new.out")" "$(wc -l < "$work/$input.new.err")"
  else
    printf 'DIFFERENT: triggers %s\n' "$input"
    diff "$work/$input.old.out" "$work/$input.new.out" | head -5 || true
    diff "$work/$input.old.err" "$work/$input.new.err" | head -5 || true
    status=1
  fi
done
for build in old new; do "${!build}" eval "$work/dev.jsonl" > "$work/eval.$build.out" 2>&1 || true; done
if cmp -s "$work/eval.old.out" "$work/eval.new.out"; then
  printf 'same: eval dev (%d lines)\n' "$(wc -l < "$work/eval.new.out")"
else
  echo 'DIFFERENT: eval dev'; diff "$work/eval.old.out" "$work/eval.new.out" | head -10 || true
  status=1
fi
exit $status
