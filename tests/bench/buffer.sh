#!/usr/bin/env bash
# Buffer encode/decode throughput: nodus and node side by side in one run.
#
#   tests/bench/buffer.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   ITERATIONS=N         conversions of 1 MiB per case and run (default 200)
#
# Each case converts 1 MiB ITERATIONS times inside one process (after a
# warm-up) and reports the mean time per conversion; the ratio nodus/node is
# what to read on a shared machine. Builds nothing; asserts nothing on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ITERATIONS=${ITERATIONS:-200}

die() {
  echo "bench: $*" >&2
  exit 2
}

NODUS_BIN=$(command -v -- "$NODUS" 2>/dev/null) || die "nodus binary not found: $NODUS"
NODE_BIN=$(command -v -- "$NODE" 2>/dev/null) || die "node not found: $NODE"
[[ "$ITERATIONS" =~ ^[1-9][0-9]*$ ]] || die "ITERATIONS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-buffer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Prints "name ms_per_op" lines. The same script runs under both runtimes.
cat >"$WORK/bench.js" <<'JS'
'use strict';
const iterations = Number(process.argv[2]);
const size = 1 << 20;
const bytes = Buffer.alloc(size);
for (let i = 0; i < size; i++) bytes[i] = (i * 7919) & 0xff;
const text = 'héllo wörld, ünïcödé text €😀 '.repeat(Math.ceil(size / 40)).slice(0, size);
const utf8Bytes = Buffer.from(text);
const base64 = bytes.toString('base64');
const hex = bytes.toString('hex');
const cases = [
  ['base64 encode', () => bytes.toString('base64')],
  ['base64 decode', () => Buffer.from(base64, 'base64')],
  ['hex encode', () => bytes.toString('hex')],
  ['hex decode', () => Buffer.from(hex, 'hex')],
  ['utf8 toString', () => utf8Bytes.toString()],
  ['utf8 from', () => Buffer.from(text)],
];
let sink = 0;
for (const [name, fn] of cases) {
  for (let i = 0; i < 5; i++) sink += fn().length;
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += fn().length;
  const ns = Number(process.hrtime.bigint() - start);
  console.log(`${name}\t${(ns / iterations / 1e6).toFixed(4)}`);
}
if (sink === 0) throw new Error('nothing converted');
JS

"$NODUS_BIN" "$WORK/bench.js" "$ITERATIONS" >"$WORK/nodus.txt" || die "the benchmark fails under nodus"
"$NODE_BIN" "$WORK/bench.js" "$ITERATIONS" >"$WORK/node.txt" || die "the benchmark fails under node"

echo "nodus: $NODUS_BIN ($("$NODUS_BIN" --version 2>/dev/null || echo '?'))"
echo "node:  $NODE_BIN ($("$NODE_BIN" --version 2>/dev/null || echo '?'))"
echo "1 MiB per conversion, $ITERATIONS conversions per case"
echo
printf '%-16s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-16s %12s %12s %12s\n' "----------------" "----------" "---------" "----------"
paste "$WORK/nodus.txt" "$WORK/node.txt" | awk -F'\t' '{
  printf "%-16s %12.3f %12.3f %12.2f\n", $1, $2, $4, ($4 > 0 ? $2 / $4 : 0)
}'
