#!/usr/bin/env bash
# zlib throughput, nodus and node side by side in one run: gzip and gunzip of
# 8 MiB of mixed text (sync), and brotli quality 4 of the same. Best of
# ROUNDS runs (default 3), milliseconds; read the ratio nodus/node.
#
#   tests/bench/zlib.sh [NODUS_BINARY]     default: build/runtime/nodus
set -euo pipefail
NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-zlib.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/bench.js" <<'JS'
'use strict';
const zlib = require('zlib');
const parts = [];
for (let i = 0; parts.length < 8 * 1024 * 1024 / 16; i++) parts.push(`line ${i * 7919 % 10007}\n`);
const input = Buffer.from(parts.join('').slice(0, 8 * 1024 * 1024));
const packed = zlib.gzipSync(input);
const cases = {
  gzip: () => zlib.gzipSync(input),
  gunzip: () => zlib.gunzipSync(packed),
  brotli: () => zlib.brotliCompressSync(input,
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
};
const start = process.hrtime.bigint();
cases[process.argv[2]]();
console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
JS
best() {
  local best='' t
  for ((r = 0; r < ROUNDS; r++)); do
    t=$("$1" "$WORK/bench.js" "$2")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
printf '%-24s %12s %12s %12s\n' benchmark 'nodus (ms)' 'node (ms)' nodus/node
for name in gzip gunzip brotli; do
  a=$(best "$NODUS" "$name")
  b=$(best "$NODE" "$name")
  printf '%-24s %12s %12s %12s\n' "$name 8 MiB" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
