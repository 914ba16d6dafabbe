#!/usr/bin/env bash
# tls: nodus and node side by side in one run.
#
#   tests/bench/tls.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   MIB=N                MiB echoed through a loopback TLS server (default 64)
#   HANDSHAKES=N         sequential connect/handshake/close round trips (default 200)
#   RUNS=N               runs per runtime; the best is reported (default 3)
#
# A self-signed RSA 2048 certificate is made with the openssl command in a
# temporary directory. Each case reports wall time in ms; read the ratio
# nodus/node (the machine is shared and noisy). Builds nothing; asserts
# nothing on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
MIB=${MIB:-64}
HANDSHAKES=${HANDSHAKES:-200}
RUNS=${RUNS:-3}

die() {
  echo "bench: $*" >&2
  exit 2
}

NODUS_BIN=$(command -v -- "$NODUS" 2>/dev/null) || die "nodus binary not found: $NODUS"
NODE_BIN=$(command -v -- "$NODE" 2>/dev/null) || die "node not found: $NODE"
command -v openssl >/dev/null || die "openssl not found"
[[ "$MIB" =~ ^[1-9][0-9]*$ ]] || die "MIB must be a positive integer"
[[ "$HANDSHAKES" =~ ^[1-9][0-9]*$ ]] || die "HANDSHAKES must be a positive integer"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-tls.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  -keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1

cat >"$WORK/echo.js" <<'JS'
'use strict';
const fs = require('fs');
const tls = require('tls');
const dir = process.argv[3];
const key = fs.readFileSync(`${dir}/key.pem`);
const cert = fs.readFileSync(`${dir}/cert.pem`);
const total = Number(process.argv[2]) * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'n');
const server = tls.createServer({ key, cert }, (socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const start = process.hrtime.bigint();
  const client = tls.connect({ port: server.address().port, host: 'localhost', ca: cert });
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
  client.on('secureConnect', pump);
  client.on('data', (d) => { received += d.length; });
  client.on('end', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (received !== total) throw new Error(`echoed ${received} of ${total} bytes`);
    console.log(ms.toFixed(2));
    server.close();
  });
});
JS

cat >"$WORK/handshakes.js" <<'JS'
'use strict';
const fs = require('fs');
const tls = require('tls');
const dir = process.argv[3];
const key = fs.readFileSync(`${dir}/key.pem`);
const cert = fs.readFileSync(`${dir}/cert.pem`);
const count = Number(process.argv[2]);
const server = tls.createServer({ key, cert }, (socket) => socket.end('x'));
const context = tls.createSecureContext({ ca: cert });
server.listen(0, '127.0.0.1', () => {
  const start = process.hrtime.bigint();
  let done = 0;
  function one() {
    const c = tls.connect({ port: server.address().port, host: 'localhost',
                            secureContext: context });
    c.resume();
    c.on('close', () => {
      if (++done < count) return one();
      console.log((Number(process.hrtime.bigint() - start) / 1e6).toFixed(2));
      server.close();
    });
  }
  one();
});
JS

best() {
  local bin=$1 script=$2 arg=$3 best="" t i
  for ((i = 0; i < RUNS; i++)); do
    t=$("$bin" "$WORK/$script" "$arg" "$WORK")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

row() {
  local name=$1 script=$2 arg=$3 a b
  a=$(best "$NODUS_BIN" "$script" "$arg")
  b=$(best "$NODE_BIN" "$script" "$arg")
  awk -v name="$name" -v a="$a" -v b="$b" \
    'BEGIN { printf "%-40s %12.1f %12.1f %12.2f\n", name, a, b, a / b }'
}

printf '%-40s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-40s %12s %12s %12s\n' "----------------------------------------" "----------" \
  "---------" "----------"
row "TLS echo ${MIB} MiB (best of $RUNS)" echo.js "$MIB"
row "TLS handshakes x${HANDSHAKES} (best of $RUNS)" handshakes.js "$HANDSHAKES"
