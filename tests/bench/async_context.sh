#!/usr/bin/env bash
# AsyncLocalStorage and node:test throughput: nodus and node side by side in
# one run; prints each mean time and the ratio nodus/node. Not a test.
#
#   tests/bench/async_context.sh [NODUS_BINARY]   default: build/runtime/nodus
#   NODE=/path/to/node RUNS=N
set -euo pipefail
NODUS=$(realpath "${1:-build/runtime/nodus}")
NODE=${NODE:-node}
RUNS=${RUNS:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cat > "$dir/als.js" <<'JS'
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
let n = 0;
async function step(i) { await null; if (als.getStore() === i) n++; }
als.run(0, async () => {
  for (let i = 0; i < 200000; i++) await als.run(i, () => step(i));
  let ticks = 0;
  await new Promise((resolve) => {
    const tick = () => (++ticks < 200000 ? process.nextTick(tick) : resolve());
    als.run(1, tick);
  });
  if (n !== 200000) throw new Error('lost the store');
});
JS
cat > "$dir/test.js" <<'JS'
const test = require('node:test');
for (let i = 0; i < 2000; i++) test(`t${i}`, async (t) => { await t.test('sub', () => {}); });
JS

mean_ms() {
  local start end total=0
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    total=$((total + (end - start) / 1000))
  done
  echo $((total / RUNS / 1000))
}

for case in als test; do
  a=$(mean_ms "$NODUS" "$dir/$case.js")
  b=$(mean_ms "$NODE" "$dir/$case.js")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-6s nodus %6d ms   node %6d ms   nodus/node %s\n' "$case" "$a" "$b" "$ratio"
done
