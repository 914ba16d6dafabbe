#!/usr/bin/env bash
# crypto benchmark: createHash('sha256') over 64 MiB in 64 KiB updates,
# nodus and node side by side in one run (see run.sh for the conventions).
#
#   tests/bench/crypto.sh [NODUS_BINARY]      default: build/runtime/nodus
#
# Environment: NODE=/path/to/node, RUNS=N (default 5).
# Prints the best in-process time of RUNS runs for each runtime and the ratio
# nodus/node. Not a test: nothing here asserts on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
RUNS=${RUNS:-5}

die() {
  echo "bench: $*" >&2
  exit 2
}
command -v -- "$NODUS" >/dev/null 2>&1 || die "nodus binary not found: $NODUS (build it first, or pass its path)"
command -v -- "$NODE" >/dev/null 2>&1 || die "node not found: $NODE (set NODE=/path/to/node)"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Prints the milliseconds the hashing took; the digest is checked so that a
# broken runtime cannot look fast.
cat >"$WORK/sha256.js" <<'JS'
'use strict';
const crypto = require('crypto');
const chunk = new Uint8Array(64 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
const start = process.hrtime.bigint();
const hash = crypto.createHash('sha256');
for (let i = 0; i < 1024; i++) hash.update(chunk);
const digest = hash.digest('hex');
const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
if (digest !== process.argv[2]) throw new Error(`wrong digest ${digest}`);
console.log(elapsed.toFixed(3));
JS

expected=$("$NODE" -e "
const c = require('crypto'); const chunk = new Uint8Array(64 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = i & 0xff;
const h = c.createHash('sha256'); for (let i = 0; i < 1024; i++) h.update(chunk);
console.log(h.digest('hex'));")

best() {
  local prog=$1 i t min=""
  for ((i = 0; i < RUNS; i++)); do
    t=$("$prog" "$WORK/sha256.js" "$expected") || die "$prog failed"
    if [[ -z "$min" ]] || awk -v a="$t" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$t; fi
  done
  echo "$min"
}

nodus_ms=$(best "$NODUS")
node_ms=$(best "$NODE")
printf '%-32s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
awk -v a="$nodus_ms" -v b="$node_ms" \
  'BEGIN { printf "%-32s %12.2f %12.2f %12.2f\n", "sha256 64 MiB, 64 KiB updates", a, b, a / b }'
