#!/usr/bin/env bash
# Save-to-new-output latency of `nodus --watch` vs `node --watch` vs nodemon,
# one run, plus each supervisor's idle CPU and RSS.
#
#   tests/bench/watch.sh [NODUS_BINARY]      default: build/runtime/nodus
#
# Environment: NODE=/path/to/node (default: node from PATH), SAVES=N (default 15),
# IDLE_MS=N (default 3000: how long each supervisor's idle CPU is measured).
# nodemon (pinned, NODEMON_VERSION) is installed with npm into
# build/bench-fixture on first use; without npm or a network the bench runs
# without it. A driver (run under node) starts each watcher on a program that
# requires a module, measures the supervisor's CPU time while nothing changes,
# rewrites the module SAVES times and times each save until the restarted
# program prints the new value; prints the medians and the ratio nodus/node.
# Not a test: nothing asserts on timing.
set -euo pipefail
NODUS=$(realpath "${1:-build/runtime/nodus}")
NODE=${NODE:-node}
SAVES=${SAVES:-15}
IDLE_MS=${IDLE_MS:-3000}
NODEMON_VERSION=${NODEMON_VERSION:-3.1.10}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURE=${BENCH_FIXTURE:-$REPO/build/bench-fixture}
[[ -x "$NODUS" ]] || { echo "bench: no nodus at $NODUS" >&2; exit 2; }
[[ -x "$(dirname "$NODUS")/nodus-watch" ]] || { echo "bench: no nodus-watch next to $NODUS" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/nodus-watch-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
NODEMON="$FIXTURE/node_modules/nodemon/bin/nodemon.js"
installed=$(sed -n 's/^ *"version": "\(.*\)",$/\1/p' "$FIXTURE/node_modules/nodemon/package.json" 2>/dev/null || true)
if [[ "$installed" != "$NODEMON_VERSION" ]] && command -v npm > /dev/null; then
  mkdir -p "$FIXTURE"
  timeout 120 npm install --prefix "$FIXTURE" --no-audit --no-fund --no-save --silent \
    "nodemon@$NODEMON_VERSION" > /dev/null 2>&1 || echo "bench: nodemon not installed (npm failed); skipping it" >&2
fi
[[ -f "$NODEMON" ]] || NODEMON=
cat > "$TMP/driver.js" <<'JS'
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const [program, dir, saves, idleMs] = [process.argv[2], process.argv[3], Number(process.argv[4]),
                                       Number(process.argv[5])];
// "nodemon:PATH" runs nodemon's script under this node; otherwise PROGRAM --watch.
const [file, args] = program.startsWith('nodemon:')
  ? [process.execPath, [program.slice(8), 'app.js']]
  : [program, ['--watch', 'app.js']];
const lib = path.join(dir, 'lib.js');
fs.writeFileSync(path.join(dir, 'app.js'),
  "console.log('value=' + require('./lib')); setInterval(() => {}, 1000);\n");
fs.writeFileSync(lib, 'module.exports = 0;\n');
const child = spawn(file, args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
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
// The supervisor's CPU time in ms: /proc/PID/schedstat (nanoseconds on a
// CPU), else user + system from /proc/PID/stat (10 ms ticks).
function cpuMsOf(pid) {
  try {
    // Some kernels (and sandboxes) report zeros here: use it only when it counts.
    const ns = Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    if (ns > 0) return ns / 1e6;
  } catch {}
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;  // 100 ticks a second
  } catch { return 0; }
}
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}
(async () => {
  await waitFor('value=0', 10000);
  await sleep(300);
  const cpuBefore = cpuMsOf(child.pid);
  await sleep(idleMs);
  const idleCpuMs = cpuMsOf(child.pid) - cpuBefore;
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
                               max: times[times.length - 1], rssKiB: rss, idleCpuMs }));
})().catch((e) => { console.error(e.message); child.kill('SIGKILL'); process.exit(1); });
JS
run() {
  local dir="$TMP/$1"
  mkdir -p "$dir"
  "$NODE" "$TMP/driver.js" "$2" "$dir" "$SAVES" "$IDLE_MS"
}
nodus_json=$(run nodus "$NODUS")
node_json=$(run node "$(command -v "$NODE")")
nodemon_json=null
if [[ -n "$NODEMON" ]]; then
  nodemon_json=$(run nodemon "nodemon:$NODEMON") || nodemon_json=null
fi
"$NODE" -e '
const [a, b, c] = process.argv.slice(1, 4).map((x) => JSON.parse(x));
const [saves, idle, version] = process.argv.slice(4);
const f = (x) => x.toFixed(1).padStart(7);
console.log(`save-to-new-output latency (ms), ${saves} saves; supervisor idle CPU over ${idle} ms`);
console.log("                 median    min    max   idle CPU   supervisor RSS");
const row = (name, x) => console.log(name.padEnd(15) + f(x.median) + f(x.min) + f(x.max) +
  `   ${x.idleCpuMs.toFixed(2).padStart(6)} ms   ${x.rssKiB} KiB`);
row("nodus --watch", a);
row("node --watch", b);
if (c) row(`nodemon ${version}`, c); else console.log("nodemon         (not installed)");
console.log("ratio nodus/node (median): " + (a.median / b.median).toFixed(3) +
  (c ? ", nodus/nodemon: " + (a.median / c.median).toFixed(3) : ""));
' "$nodus_json" "$node_json" "$nodemon_json" "$SAVES" "$IDLE_MS" "$NODEMON_VERSION"
