#!/usr/bin/env bash
# fork and IPC, nodus and node side by side in one run: 100k message round
# trips parent -> child -> parent (one in flight at a time), fork x20 (fork,
# first message back, exit; one after another), and 20k messages streamed to
# a child with one reply at the end. Each runtime forks itself. Best of ROUNDS
# runs (default 3), milliseconds; read the ratio nodus/node.
#
#   tests/bench/ipc.sh [NODUS_BINARY]     default: build/runtime/nodus
set -euo pipefail
NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-ipc.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/child.js" <<'JS'
'use strict';
if (process.argv[2] === 'count') {
  let n = 0;
  process.on('message', (m) => {
    n++;
    if (m === 'end') process.send(n, () => process.disconnect());
  });
} else if (process.argv[2] === 'hello') {
  process.send('hello');
} else {
  process.on('message', (m) => process.send(m));
}
JS
cat >"$WORK/bench.js" <<'JS'
'use strict';
const { fork } = require('child_process');
const path = require('path');
const child = path.join(__dirname, 'child.js');
let start;
function done() {
  console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
}
const cases = {
  roundtrip() {
    const c = fork(child, ['echo']);
    let left = 100000;
    const message = { seq: 0, text: 'ping' };
    c.on('message', () => {
      if (--left === 0) {
        done();
        c.disconnect();
        return;
      }
      message.seq++;
      c.send(message);
    });
    start = process.hrtime.bigint();
    c.send(message);
  },
  fork() {
    start = process.hrtime.bigint();
    let left = 20;
    (function next() {
      if (left-- === 0) return done();
      const c = fork(child, ['hello']);
      c.on('message', () => {});
      c.on('exit', next);
    })();
  },
  stream() {
    const c = fork(child, ['count']);
    c.on('message', (n) => {
      if (n !== 20001) throw new Error(`lost messages: ${n}`);
      done();
    });
    start = process.hrtime.bigint();
    for (let i = 0; i < 20000; i++) c.send({ i, payload: 'x'.repeat(64) });
    c.send('end');
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
printf '%-30s %12s %12s %12s\n' benchmark 'nodus (ms)' 'node (ms)' nodus/node
for name in roundtrip fork stream; do
  a=$(best "$NODUS" "$name")
  b=$(best "$NODE" "$name")
  case $name in
    roundtrip) label='IPC round trips x100k' ;;
    fork) label='fork + first message x20' ;;
    stream) label='20k messages one way' ;;
  esac
  printf '%-30s %12s %12s %12s\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
