#!/usr/bin/env bash
# net throughput: nodus and node side by side in one run.
#
#   tests/bench/net.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   MIB=N                MiB echoed through a loopback TCP server (default 256)
#   RUNS=N               runs per runtime; the best is reported (default 3)
#
# One process holds an echo server on 127.0.0.1 and a client that writes MIB
# MiB in 64 KiB chunks (respecting backpressure) and reads everything back;
# it reports the wall time in ms. Read the ratio nodus/node (the machine is
# shared and noisy). Builds nothing; asserts nothing on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
MIB=${MIB:-256}
RUNS=${RUNS:-3}

die() {
  echo "bench: $*" >&2
  exit 2
}

NODUS_BIN=$(command -v -- "$NODUS" 2>/dev/null) || die "nodus binary not found: $NODUS"
NODE_BIN=$(command -v -- "$NODE" 2>/dev/null) || die "node not found: $NODE"
[[ "$MIB" =~ ^[1-9][0-9]*$ ]] || die "MIB must be a positive integer"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-net.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/echo.js" <<'JS'
'use strict';
const net = require('net');
const total = Number(process.argv[2]) * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'n');
const server = net.createServer((socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const start = process.hrtime.bigint();
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let received = 0;
  function pump() {
    while (sent < total) {
      sent += chunk.length;
      if (!client.write(chunk)) {
        client.once('drain', pump);
        return;
      }
    }
    client.end();
  }
  client.on('connect', pump);
  client.on('data', (d) => { received += d.length; });
  client.on('end', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (received !== total) throw new Error(`echoed ${received} of ${total} bytes`);
    console.log(ms.toFixed(2));
    server.close();
  });
});
JS

best() {
  local bin=$1 best="" t i
  for ((i = 0; i < RUNS; i++)); do
    t=$("$bin" "$WORK/echo.js" "$MIB")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

printf '%-34s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-34s %12s %12s %12s\n' "----------------------------------" "----------" "---------" "----------"
a=$(best "$NODUS_BIN")
b=$(best "$NODE_BIN")
awk -v name="TCP echo ${MIB} MiB (best of $RUNS)" -v a="$a" -v b="$b" \
  'BEGIN { printf "%-34s %12.2f %12.2f %12.2f\n", name, a, b, (b > 0 ? a / b : 0) }'
