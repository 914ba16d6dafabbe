#!/usr/bin/env bash
# Save-to-new-output latency of `nodus --watch` vs `node --watch`, one run.
#
#   tests/bench/watch.sh [NODUS_BINARY]      default: build/runtime/nodus
#
# Environment: NODE=/path/to/node (default: node from PATH), SAVES=N (default 15).
# A driver (run under node) starts each watcher on a program that requires a
# module, rewrites the module SAVES times and times each save until the
# restarted program prints the new value; prints the median and the ratio
# nodus/node, plus the supervisor's RSS. Not a test: nothing asserts on timing.
set -euo pipefail
NODUS=$(realpath "${1:-build/runtime/nodus}")
NODE=${NODE:-node}
SAVES=${SAVES:-15}
[[ -x "$NODUS" ]] || { echo "bench: no nodus at $NODUS" >&2; exit 2; }
[[ -x "$(dirname "$NODUS")/nodus-watch" ]] || { echo "bench: no nodus-watch next to $NODUS" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/nodus-watch-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/driver.js" <<'JS'
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const [program, dir, saves] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const lib = path.join(dir, 'lib.js');
fs.writeFileSync(path.join(dir, 'app.js'),
  "console.log('value=' + require('./lib')); setInterval(() => {}, 1000);\n");
fs.writeFileSync(lib, 'module.exports = 0;\n');
const child = spawn(program, ['--watch', 'app.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
let waiting = null;
child.stdout.on('data', (chunk) => {
  output += chunk;
  if (waiting && output.includes(waiting.text)) {
    const w = waiting;
    waiting = null;
    w.resolve();
  }
});
const waitFor = (text, ms) => new Promise((resolve, reject) => {
  if (output.includes(text)) return resolve();
  waiting = { text, resolve };
  setTimeout(() => reject(new Error(`timed out waiting for ${text}`)), ms).unref();
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}
(async () => {
  await waitFor('value=0', 10000);
  await sleep(300);
  const times = [];
  for (let i = 1; i <= saves; i++) {
    const start = process.hrtime.bigint();
    fs.writeFileSync(lib, `module.exports = ${i};\n`);
    await waitFor(`value=${i}\n`, 10000);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    await sleep(250);  // outside node's 200 ms debounce window
  }
  const rss = rssOf(child.pid);
  child.kill('SIGINT');
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ median: times[times.length >> 1], min: times[0],
                               max: times[times.length - 1], rssKiB: rss }));
})().catch((e) => { console.error(e.message); child.kill('SIGKILL'); process.exit(1); });
JS
run() {
  local dir="$TMP/$1"
  mkdir -p "$dir"
  "$NODE" "$TMP/driver.js" "$2" "$dir" "$SAVES"
}
nodus_json=$(run nodus "$NODUS")
node_json=$(run node "$(command -v "$NODE")")
"$NODE" -e '
const [a, b] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2])];
const f = (x) => x.toFixed(1).padStart(7);
console.log("save-to-new-output latency (ms), " + process.argv[3] + " saves");
console.log("             median    min    max   supervisor RSS");
console.log("nodus --watch" + f(a.median) + f(a.min) + f(a.max) + "   " + a.rssKiB + " KiB");
console.log("node --watch " + f(b.median) + f(b.min) + f(b.max) + "   " + b.rssKiB + " KiB");
console.log("ratio nodus/node (median): " + (a.median / b.median).toFixed(3));
' "$nodus_json" "$node_json" "$SAVES"
