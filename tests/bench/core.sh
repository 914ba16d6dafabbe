#!/usr/bin/env bash
# Core-library throughput, nodus and node side by side in one run:
# path.join/resolve ×1M, EventEmitter emit ×1M, util.inspect of a nested
# object ×100k. Each case runs inside one process after a warm-up and
# reports milliseconds; read the ratio nodus/node (the machine is shared and
# noisy). Builds nothing; asserts nothing on timing.
#
#   tests/bench/core.sh [NODUS_BINARY]     default: build/runtime/nodus
#   NODE=/path/to/node  ROUNDS=N (best of N, default 3)
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-core.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/bench.js" <<'JS'
'use strict';
const path = require('path');
const EventEmitter = require('events');
const util = require('util');

const cases = {
  'path.join/resolve x1M'() {
    let n = 0;
    for (let i = 0; i < 500000; i++) {
      n += path.join('/usr', 'local', '..', 'lib', `f${i & 7}.js`).length;
      n += path.resolve('a/b', '../c', `d${i & 7}`).length;
    }
    return n;
  },
  'EventEmitter emit x1M'() {
    const e = new EventEmitter();
    let n = 0;
    e.on('x', (a, b) => { n += a + b; });
    e.on('x', () => { n++; });
    for (let i = 0; i < 1000000; i++) e.emit('x', i, 1);
    return n;
  },
  'util.inspect nested x100k'() {
    const value = { a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: new Map([[1, { g: null }]]) } } };
    let n = 0;
    for (let i = 0; i < 100000; i++) n += util.inspect(value).length;
    return n;
  },
};

const name = process.argv[2];
cases[name]();  // warm-up
const start = process.hrtime.bigint();
cases[name]();
console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
JS

best() {
  local program=$1 name=$2 best='' t
  for ((r = 0; r < ROUNDS; r++)); do
    t=$("$program" "$WORK/bench.js" "$name")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

printf '%-28s %12s %12s %12s\n' benchmark 'nodus (ms)' 'node (ms)' nodus/node
for name in 'path.join/resolve x1M' 'EventEmitter emit x1M' 'util.inspect nested x100k'; do
  a=$(best "$NODUS" "$name")
  b=$(best "$NODE" "$name")
  printf '%-28s %12s %12s %12s\n' "$name" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
