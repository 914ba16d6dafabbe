#!/usr/bin/env bash
# The soak and fault tests at full size (issue 12; tests/soak/README.md), nodus
# beside node. ctest runs the same drivers at small sizes (soak/*, soak-node/*).
#   scripts/soak.sh [NODUS]     (default: $NODUS, else build/runtime/nodus)
# Sizes (environment): SOAK_REQUESTS (1000000 keep-alive requests, through wrk),
# SOAK_CONNECTIONS (32), SOAK_DROPS (10000 connections dropped mid-request),
# SOAK_RESTARTS (1000 restarts under nodus --watch), SOAK_NODE_RESTARTS (100
# under node --watch, which restarts more slowly), SOAK_FLOOD (100000 inspector
# messages). SOAK_ONLY="http emfile fs watch inspector" picks parts.
# Every run prints one JSON line of figures; all of them also go to
# ${SOAK_OUT:-${TMPDIR:-/tmp}/nodus-soak-results.jsonl}. Exit status: 1 if any run failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodus="${1:-${NODUS:-$root/build/runtime/nodus}}"
node="$(command -v node)"
out="${SOAK_OUT:-${TMPDIR:-/tmp}/nodus-soak-results.jsonl}"
only="${SOAK_ONLY:-http emfile fs watch inspector}"
requests="${SOAK_REQUESTS:-1000000}"
connections="${SOAK_CONNECTIONS:-32}"
drops="${SOAK_DROPS:-10000}"
restarts="${SOAK_RESTARTS:-1000}"
node_restarts="${SOAK_NODE_RESTARTS:-100}"
flood="${SOAK_FLOOD:-100000}"
soak="$root/tests/soak"
: > "$out"
status=0

[ -x "$nodus" ] || { echo "soak: no nodus at $nodus (build it, or pass its path)" >&2; exit 2; }
nodus="$(cd "$(dirname "$nodus")" && pwd)/$(basename "$nodus")"
[ -n "$node" ] || { echo "soak: node (the driver and the oracle) is not installed" >&2; exit 2; }

step() { # NAME COMMAND...
  local name=$1
  shift
  echo "== $name: $*" >&2
  local line
  if line=$("$@"); then
    echo "$line"
    echo "{\"step\":\"$name\",\"ok\":true,\"figures\":$line}" >> "$out"
  else
    echo "soak: FAILED: $name" >&2
    echo "{\"step\":\"$name\",\"ok\":false}" >> "$out"
    status=1
  fi
}

for part in $only; do
  case $part in
  http)
    command -v wrk >/dev/null || { echo "soak: wrk is missing (scripts/setup.sh installs it)" >&2; exit 2; }
    for rt in "$nodus" "$node"; do
      step "http $(basename "$rt")" "$node" "$soak/http.js" "$rt" --wrk --requests "$requests" \
        --connections "$connections" --drops "$drops" --max-rss-growth-kb 32768 --json
    done ;;
  emfile)
    for rt in "$nodus" "$node"; do
      step "emfile $(basename "$rt")" "$node" "$soak/emfile.js" "$rt" --json
    done ;;
  fs)
    for rt in "$nodus" "$node"; do
      echo "== fs-faults $(basename "$rt")" >&2
      sh "$soak/fs-faults.sh" "$rt" >&2 || status=1
    done ;;
  watch)
    step "watch nodus --watch" "$node" "$soak/watch.js" "$nodus" --restarts "$restarts" --json
    # node --watch stops only its child (a grandchild would outlive it).
    step "watch node --watch" "$node" "$soak/watch.js" "$node" --restarts "$node_restarts" --grandchild=false --json ;;
  inspector)
    for rt in "$nodus" "$node"; do
      step "inspector $(basename "$rt")" "$node" "$soak/inspector.js" "$rt" --flood "$flood" --json
    done ;;
  *) echo "soak: unknown part $part" >&2; exit 2 ;;
  esac
done
exit $status
