#!/usr/bin/env bash
# Inspector benchmarks: nodus and node side by side in one run (issue 5).
#
#   tests/bench/inspector.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle, and the client that drives both (default: node from PATH)
#   RUNS=N               runs averaged for the two start-up figures (default 10)
#   FIXTURE=DIR          where the `ws` client is installed (default: build/inspector-fixture)
#
# Figures: time from process start to the "Debugger listening" line; time from
# process start to the first Debugger.paused under --inspect-brk (connect, then
# Runtime.enable, Debugger.enable, Runtime.runIfWaitingForDebugger); 1,000
# sequential Runtime.evaluate round trips; a heap snapshot of a ~100 MB heap
# (HeapProfiler.takeHeapSnapshot until its answer, every chunk received).
# Builds nothing; installs the pinned clients of tests/e2e/inspector/package.json
# with npm if needed. Not a test: nothing here asserts on timing. A figure a
# runtime cannot produce yet reads "failed".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NODUS=${1:-$root/build/runtime/nodus}
NODE=${NODE:-node}
RUNS=${RUNS:-10}
FIXTURE=${FIXTURE:-$root/build/inspector-fixture}

die() {
  echo "bench: $*" >&2
  exit 2
}

resolve_program() {
  local p
  p=$(command -v -- "$1" 2>/dev/null) || return 1
  [[ -x "$p" ]] || return 1
  if [[ "$p" != /* ]]; then p="$PWD/$p"; fi
  printf '%s\n' "$p"
}

NODUS_BIN=$(resolve_program "$NODUS") || die "nodus binary not found or not executable: $NODUS (build it first, or pass its path)"
NODE_BIN=$(resolve_program "$NODE") || die "node not found: $NODE (set NODE=/path/to/node)"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

sh "$root/tests/e2e/inspector/setup.sh" "$FIXTURE" >/dev/null || die "could not install the clients into $FIXTURE"
exec "$NODE_BIN" "$root/tests/e2e/inspector/bench.js" "$NODUS_BIN" "$NODE_BIN" "$FIXTURE" "$RUNS"
