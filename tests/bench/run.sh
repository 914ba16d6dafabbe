#!/usr/bin/env bash
# Start-up benchmarks: nodus and node side by side in one run (DESIGN.md §10).
#
#   tests/bench/run.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   RUNS=N               timed runs per command (default 30)
#   WARMUP=N             untimed runs per command first (default 3)
#   NO_HYPERFINE=1       use the built-in timing loop even if hyperfine is installed
#   INSTRUCTIONS=1       also count instructions (valgrind --tool=callgrind, one
#                        run each; wall time on a shared machine is noisy)
#   NODUS_SNAPSHOT=0     measure nodus started from source (no startup snapshot)
#
# Builds nothing. Prints mean wall times and the ratio nodus/node; the machine
# is shared and noisy, so read the ratio, not the absolute numbers. This is not
# a test: nothing here asserts on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}

die() {
  echo "bench: $*" >&2
  exit 2
}

resolve_program() {
  local p
  p=$(command -v -- "$1" 2>/dev/null) || return 1
  [[ -x "$p" ]] || return 1
  # Absolute, so that the benchmark's own cd does not change what runs.
  if [[ "$p" != /* ]]; then p="$PWD/$p"; fi
  printf '%s\n' "$p"
}

NODUS_BIN=$(resolve_program "$NODUS") || die "nodus binary not found or not executable: $NODUS (build it first, or pass its path)"
NODE_BIN=$(resolve_program "$NODE") || die "node not found: $NODE (set NODE=/path/to/node)"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- Fixtures ---------------------------------------------------------------

printf "console.log('hello world');\n" >"$WORK/hello.js"

# express@4 (tests/e2e/npm's fixture, installed by its install.sh):
# start, listen, answer one request from the same process, exit.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIXTURE="$ROOT/build/npm-fixture"
sh "$ROOT/tests/e2e/npm/install.sh" "$FIXTURE" || die "cannot install express into $FIXTURE"
cat >"$WORK/express.js" <<JS
const http = require('http');
const express = require('$FIXTURE/node_modules/express');
const app = express();
app.get('/', (req, res) => res.json({ hello: 'world' }));
const server = app.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      if (body !== '{"hello":"world"}') throw new Error('unexpected body ' + body);
      process.exit(0);
    });
  });
});
JS

# 1,000 small modules: main.js requires 10 directories; each directory's
# index.js requires its 100 files; every 10th file also requires a file in the
# next directory (a cross-require; the cache makes the second load free).
generate_tree() {
  local root=$1 d i next
  mkdir -p "$root"
  {
    echo "'use strict';"
    echo "let total = 0;"
    for ((d = 0; d < 10; d++)); do
      echo "total += require('./d$d').sum;"
    done
    echo "if (total !== $((10 * (99 * 100 / 2) * 2))) throw new Error('bad total ' + total);"
  } >"$root/main.js"
  for ((d = 0; d < 10; d++)); do
    mkdir -p "$root/d$d"
    {
      echo "'use strict';"
      echo "let sum = 0;"
      for ((i = 0; i < 100; i++)); do
        echo "sum += require('./m$i').value;"
      done
      echo "module.exports = { sum };"
    } >"$root/d$d/index.js"
    next=$(((d + 1) % 10))
    for ((i = 0; i < 100; i++)); do
      if ((i % 10 == 0)); then
        printf "'use strict';\nconst other = require('../d%d/m%d');\nexports.id = 'd%d/m%d';\nexports.value = %d;\nexports.other = other.id;\n" \
          "$next" "$((i + 1))" "$d" "$i" "$((i * 2))" >"$root/d$d/m$i.js"
      else
        printf "'use strict';\nexports.id = 'd%d/m%d';\nexports.value = %d;\n" \
          "$d" "$i" "$((i * 2))" >"$root/d$d/m$i.js"
      fi
    done
  done
}
generate_tree "$WORK/tree"

# --- Benchmarks ---------------------------------------------------------------
# name | arguments (after the program)
BENCH_NAMES=("startup -e 0" "hello world file" "require 1,000 modules" "express first response")
BENCH_ARGS=("-e 0" "$WORK/hello.js" "$WORK/tree/main.js" "$WORK/express.js")

# Each command must work before it is timed.
for idx in "${!BENCH_NAMES[@]}"; do
  for prog in "$NODUS_BIN" "$NODE_BIN"; do
    # shellcheck disable=SC2086 # BENCH_ARGS entries are word lists without spaces.
    if ! out=$("$prog" ${BENCH_ARGS[$idx]} 2>&1 >/dev/null); then
      die "'${BENCH_NAMES[$idx]}' fails with $prog:
$out"
    fi
  done
done

# Mean wall time in milliseconds of RUNS runs of each of two commands, printed
# as "nodus_ms node_ms".
measure_hyperfine() {
  local args=$1 json="$WORK/hyperfine.json"
  hyperfine --shell=none --style=none --warmup "$WARMUP" --runs "$RUNS" \
    --export-json "$json" \
    "$NODUS_BIN $args" "$NODE_BIN $args" >/dev/null
  # The two results appear in command order; "mean" is in seconds.
  awk -F: '/"mean"[[:space:]]*:/ { gsub(/[ ,]/, "", $2); printf "%s ", $2 * 1000 }
           END { print "" }' "$json"
}

# Nanoseconds; bash 5's EPOCHREALTIME avoids forking `date` inside the timed span.
if [[ -n "${EPOCHREALTIME:-}" ]]; then
  now_ns() {
    local t=${EPOCHREALTIME/[.,]/}
    echo "${t}000"
  }
else
  now_ns() { date +%s%N; }
fi

# Runs the two commands alternately so that drift in machine load affects both.
measure_loop() {
  local args=$1 i t0 t1 nodus_total=0 node_total=0
  for ((i = 0; i < WARMUP; i++)); do
    # shellcheck disable=SC2086
    "$NODUS_BIN" $args >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    "$NODE_BIN" $args >/dev/null 2>&1 || true
  done
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now_ns)
    # shellcheck disable=SC2086
    "$NODUS_BIN" $args >/dev/null 2>&1 || true
    t1=$(now_ns)
    nodus_total=$((nodus_total + t1 - t0))
    t0=$(now_ns)
    # shellcheck disable=SC2086
    "$NODE_BIN" $args >/dev/null 2>&1 || true
    t1=$(now_ns)
    node_total=$((node_total + t1 - t0))
  done
  awk -v a="$nodus_total" -v b="$node_total" -v n="$RUNS" \
    'BEGIN { printf "%f %f\n", a / n / 1e6, b / n / 1e6 }'
}

if [[ -z "${NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null 2>&1; then
  method="hyperfine, $RUNS runs + $WARMUP warm-up each"
  measure=measure_hyperfine
else
  method="timing loop, $RUNS alternating runs + $WARMUP warm-up each (install hyperfine for better numbers)"
  measure=measure_loop
fi

echo "nodus: $NODUS_BIN ($("$NODUS_BIN" --version 2>/dev/null || echo '?'))"
echo "       $("$NODUS_BIN" --version --verbose 2>/dev/null | grep '^start-up:' || echo 'start-up: ?')"
echo "node:  $NODE_BIN ($("$NODE_BIN" --version 2>/dev/null || echo '?'))"
echo "method: $method"
echo
printf '%-24s %12s %12s %14s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-24s %12s %12s %14s\n' "------------------------" "----------" "---------" "----------"
for idx in "${!BENCH_NAMES[@]}"; do
  read -r nodus_ms node_ms < <($measure "${BENCH_ARGS[$idx]}")
  awk -v name="${BENCH_NAMES[$idx]}" -v a="$nodus_ms" -v b="$node_ms" \
    'BEGIN { printf "%-24s %12.2f %12.2f %14.2f\n", name, a, b, (b > 0 ? a / b : 0) }'
done

# The same tree with nodus's compile cache filled by a first run
# (NODUS_COMPILE_CACHE; node 20 has no compile cache and ignores it).
export NODUS_COMPILE_CACHE="$WORK/compile-cache"
"$NODUS_BIN" "$WORK/tree/main.js" >/dev/null
read -r nodus_ms node_ms < <($measure "$WORK/tree/main.js")
awk -v name="1,000 modules, cache" -v a="$nodus_ms" -v b="$node_ms" \
  'BEGIN { printf "%-24s %12.2f %12.2f %14.2f\n", name, a, b, (b > 0 ? a / b : 0) }'
unset NODUS_COMPILE_CACHE

# Resident memory of an idle program (median of 5): the start-up's footprint.
idle_rss_kb() {
  local i
  for ((i = 0; i < 5; i++)); do
    "$1" -e 'setTimeout(() => console.log(process.memoryUsage().rss >> 10), 100)'
  done | sort -n | sed -n 3p
}
nodus_rss=$(idle_rss_kb "$NODUS_BIN")
node_rss=$(idle_rss_kb "$NODE_BIN")
awk -v a="$nodus_rss" -v b="$node_rss" \
  'BEGIN { printf "%-24s %9.1f MB %9.1f MB %14.2f\n", "idle RSS", a / 1024, b / 1024, a / b }'

# Instructions (callgrind, every thread, the dynamic linker included): the
# figure that does not move with the machine's load.
if [[ -n "${INSTRUCTIONS:-}" ]]; then
  command -v valgrind >/dev/null || die "INSTRUCTIONS=1 needs valgrind (apt-get install valgrind)"
  instructions() {
    # shellcheck disable=SC2086 # word lists without spaces
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      awk '/Collected :/ { print $NF }'
  }
  echo
  printf '%-24s %12s %12s %14s\n' "instructions" "nodus (M)" "node (M)" "nodus/node"
  for idx in "${!BENCH_NAMES[@]}"; do
    # shellcheck disable=SC2086
    a=$(instructions "$NODUS_BIN" ${BENCH_ARGS[$idx]})
    # shellcheck disable=SC2086
    b=$(instructions "$NODE_BIN" ${BENCH_ARGS[$idx]})
    awk -v name="${BENCH_NAMES[$idx]}" -v a="$a" -v b="$b" \
      'BEGIN { printf "%-24s %12.1f %12.1f %14.2f\n", name, a / 1e6, b / 1e6, (b > 0 ? a / b : 0) }'
  done
  a=$(NODUS_COMPILE_CACHE="$WORK/compile-cache" instructions "$NODUS_BIN" "$WORK/tree/main.js")
  b=$(instructions "$NODE_BIN" "$WORK/tree/main.js")
  awk -v name="1,000 modules, cache" -v a="$a" -v b="$b" \
    'BEGIN { printf "%-24s %12.1f %12.1f %14.2f\n", name, a / 1e6, b / 1e6, (b > 0 ? a / b : 0) }'
fi
