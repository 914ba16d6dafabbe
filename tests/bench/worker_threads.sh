#!/usr/bin/env bash
# worker_threads, nodus and node side by side in one run: 100k message round
# trips parent -> worker -> parent (one in flight at a time), 200k messages
# streamed to a worker with one reply at the end (throughput), a
# MessageChannel ping-pong x100k within one thread, and Worker start-up x20
# (new Worker, first message back, exit; one after another). Best of ROUNDS
# runs (default 3), milliseconds; read the ratio nodus/node.
#
#   tests/bench/worker_threads.sh [NODUS_BINARY]     default: build/runtime/nodus
set -euo pipefail
NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-worker.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/worker.js" <<'JS'
'use strict';
const { parentPort, workerData } = require('worker_threads');
if (workerData === 'count') {
  let n = 0;
  parentPort.on('message', (m) => {
    n++;
    if (m === 'end') parentPort.postMessage(n);
  });
} else if (workerData === 'hello') {
  parentPort.postMessage('hello');
} else {
  parentPort.on('message', (m) => parentPort.postMessage(m));
}
JS
cat >"$WORK/bench.js" <<'JS'
'use strict';
const { Worker, MessageChannel } = require('worker_threads');
const path = require('path');
const file = path.join(__dirname, 'worker.js');
let start;
function done() {
  console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(1));
}
const cases = {
  roundtrip() {
    const w = new Worker(file, { workerData: 'echo' });
    let left = 100000;
    const message = { seq: 0, text: 'ping' };
    w.on('message', () => {
      if (--left === 0) {
        done();
        w.terminate();
        return;
      }
      message.seq++;
      w.postMessage(message);
    });
    w.once('online', () => {
      start = process.hrtime.bigint();
      w.postMessage(message);
    });
  },
  stream() {
    const w = new Worker(file, { workerData: 'count' });
    w.on('message', (n) => {
      if (n !== 200001) throw new Error(`lost messages: ${n}`);
      done();
      w.terminate();
    });
    w.once('online', () => {
      start = process.hrtime.bigint();
      for (let i = 0; i < 200000; i++) w.postMessage({ i, payload: 'x'.repeat(64) });
      w.postMessage('end');
    });
  },
  channel() {
    const { port1, port2 } = new MessageChannel();
    let left = 100000;
    port2.on('message', (m) => port2.postMessage(m));
    port1.on('message', (m) => {
      if (--left === 0) {
        done();
        port1.close();
        return;
      }
      port1.postMessage(m);
    });
    start = process.hrtime.bigint();
    port1.postMessage({ seq: 0 });
  },
  startup() {
    start = process.hrtime.bigint();
    let left = 20;
    (function next() {
      if (left-- === 0) return done();
      const w = new Worker(file, { workerData: 'hello' });
      w.on('message', () => {});
      w.on('exit', next);
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
printf '%-34s %12s %12s %12s\n' benchmark 'nodus (ms)' 'node (ms)' nodus/node
for name in roundtrip stream channel startup; do
  a=$(best "$NODUS" "$name")
  b=$(best "$NODE" "$name")
  case $name in
    roundtrip) label='worker round trips x100k' ;;
    stream) label='200k messages to a worker' ;;
    channel) label='MessageChannel ping-pong x100k' ;;
    startup) label='Worker start + message + exit x20' ;;
  esac
  printf '%-34s %12s %12s %12s\n' "$label" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
