#!/usr/bin/env bash
# Builds Baton's libFuzzer targets and runs each for a while; exits non-zero on any finding.
#   tools/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]     (default: 60 s, both targets)
# Findings (the inputs that crashed, leaked or timed out) are written to tools/fuzz/findings/; replay one
# with `.build/debug/ParserFuzz tools/fuzz/findings/FILE`. The seed corpus in tools/fuzz/corpus/ is only
# read; what the fuzzer learns goes to tools/fuzz/.build/corpus/. An input counts as hung after 60 s: one
# input takes milliseconds, but on a busy shared machine a starved process can stall for ten seconds.
set -uo pipefail
cd "$(dirname "$0")"
export PATH="$PATH:/opt/swift/usr/bin"
# Swift's own crash backtracer and AddressSanitizer get in each other's way; libFuzzer reports crashes.
export SWIFT_BACKTRACE=enable=no
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ParserFuzz SanitizerFuzz)

if ! swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library > .build-fuzz.log 2>&1; then
  grep -v "Cannot export local symbol" .build-fuzz.log | tail -n 30
  exit 2
fi
bin="$(swift build --show-bin-path)"

mkdir -p findings
status=0
for target in "${targets[@]}"; do
  case "$target" in
    ParserFuzz) seeds=corpus/parser; options=(-dict=parser.dict -max_len=4096) ;;
    SanitizerFuzz) seeds=corpus/sanitizer; options=(-max_len=2048) ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  work=".build/corpus/$target"
  mkdir -p "$work"
  log=".build/$target.log"
  "$bin/$target" "$work" "$seeds" "${options[@]}" -max_total_time="$seconds" -timeout=60 -report_slow_units=60 -rss_limit_mb=2048 \
    -artifact_prefix="findings/$target-" -print_final_stats=1 > "$log" 2>&1
  code=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "$target: ${seconds}s, ${runs:-?} inputs, exit $code"
  if [ $code -ne 0 ]; then
    status=1
    grep -v '^#\|^INFO' "$log" | head -n 30
  fi
done
if ls findings/* > /dev/null 2>&1; then
  echo "findings in tools/fuzz/findings/:" >&2
  ls findings >&2
  status=1
fi
exit $status
