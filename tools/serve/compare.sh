#!/usr/bin/env bash
# Two builds of `baton serve` side by side under the same loopback load (tools/serve/bench.sh), alternating, so a
# noisy shared machine hits both alike. Prints one JSON line per round, tagged with the build.
#
#   tools/serve/compare.sh OLD_BINARY NEW_BINARY [--rounds 2] [bench.sh options…]
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2; shift 2
rounds=2
if [ "${1:-}" = "--rounds" ]; then rounds=$2; shift 2; fi
for round in $(seq 1 "$rounds"); do
  for build in old new; do
    binary=$old; [ "$build" = new ] && binary=$new
    line=$(BATON=$binary tools/serve/bench.sh --rounds 1 "$@" | tail -1)
    echo "${line%\}},\"build\":\"$build\",\"pair\":$round}"
  done
done
