#!/usr/bin/env bash
# child_process, nodus and node side by side in one run: spawn('true') x500
# one after another (async), spawnSync('true') x500, and 16 MiB through
# `cat` (stdin -> stdout). Best of ROUNDS runs (default 3), milliseconds;
# read the ratio nodus/node.
#
#   tests/bench/child_process.sh [NODUS_BINARY]     default: build/runtime/nodus
set -euo pipefail
NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-cp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/bench.js" <<'JS'
'use strict';
const { spawn, spawnSync } = require('child_process');
const start = process.hrtime.bigint();
function done() {
  console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
}
const cases = {
  spawn() {
    let left = 500;
    (function next() {
      if (left-- === 0) return done();
      spawn('true', { stdio: 'ignore' }).on('close', next);
    })();
  },
  spawnSync() {
    for (let i = 0; i < 500; i++) spawnSync('true');
    done();
  },
  cat() {
    const child = spawn('cat');
    let total = 0;
    child.stdout.on('data', (chunk) => { total += chunk.length; });
    child.on('close', () => {
      if (total !== 16 << 20) throw new Error(`lost bytes: ${total}`);
      done();
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let left = 256;
    (function write() {
      while (left > 0) {
        left--;
        if (!child.stdin.write(chunk)) return child.stdin.once('drain', write);
      }
      child.stdin.end();
    })();
  },
};
cases[process.argv[2]]();
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
for name in spawn spawnSync cat; do
  a=$(best "$NODUS" "$name")
  b=$(best "$NODE" "$name")
  case $name in
    spawn) label="spawn('true') x500" ;;
    spawnSync) label="spawnSync('true') x500" ;;
    cat) label='cat 16 MiB' ;;
  esac
  printf '%-24s %12s %12s %12s\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
