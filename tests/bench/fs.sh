#!/usr/bin/env bash
# fs throughput: nodus and node side by side in one run.
#
#   tests/bench/fs.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   SYNC_ITERATIONS=N    fs.readFileSync calls of a 1 KiB file (default 100000)
#   ASYNC_ITERATIONS=N   fs.promises.readFile calls of the same file (default 10000)
#
# Each case runs inside one process after a short warm-up and reports the
# total time in ms; read the ratio nodus/node (the machine is shared and
# noisy). Builds nothing; asserts nothing on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
SYNC_ITERATIONS=${SYNC_ITERATIONS:-100000}
ASYNC_ITERATIONS=${ASYNC_ITERATIONS:-10000}

die() {
  echo "bench: $*" >&2
  exit 2
}

NODUS_BIN=$(command -v -- "$NODUS" 2>/dev/null) || die "nodus binary not found: $NODUS"
NODE_BIN=$(command -v -- "$NODE" 2>/dev/null) || die "node not found: $NODE"
[[ "$SYNC_ITERATIONS" =~ ^[1-9][0-9]*$ ]] || die "SYNC_ITERATIONS must be a positive integer"
[[ "$ASYNC_ITERATIONS" =~ ^[1-9][0-9]*$ ]] || die "ASYNC_ITERATIONS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-fs.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

head -c 1024 /dev/zero | tr '\0' 'x' >"$WORK/1k.txt"

cat >"$WORK/bench.js" <<'JS'
'use strict';
const fs = require('fs');
const [file, kind, n] = process.argv.slice(2);
const count = Number(n);
async function main() {
  let total = 0;
  if (kind === 'sync') {
    for (let i = 0; i < 1000; i++) total += fs.readFileSync(file).length;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) total += fs.readFileSync(file).length;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (total !== (count + 1000) * 1024) throw new Error('bad total');
    console.log(ms.toFixed(2));
  } else {
    for (let i = 0; i < 100; i++) total += (await fs.promises.readFile(file)).length;
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) total += (await fs.promises.readFile(file)).length;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (total !== (count + 100) * 1024) throw new Error('bad total');
    console.log(ms.toFixed(2));
  }
}
main();
JS

printf '%-34s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-34s %12s %12s %12s\n' "----------------------------------" "----------" "---------" "----------"
run_case() {
  local name=$1 kind=$2 n=$3 a b
  a=$("$NODUS_BIN" "$WORK/bench.js" "$WORK/1k.txt" "$kind" "$n")
  b=$("$NODE_BIN" "$WORK/bench.js" "$WORK/1k.txt" "$kind" "$n")
  awk -v name="$name" -v a="$a" -v b="$b" \
    'BEGIN { printf "%-34s %12.2f %12.2f %12.2f\n", name, a, b, (b > 0 ? a / b : 0) }'
}
run_case "readFileSync 1 KiB x$SYNC_ITERATIONS" sync "$SYNC_ITERATIONS"
run_case "promises.readFile 1 KiB x$ASYNC_ITERATIONS" async "$ASYNC_ITERATIONS"
