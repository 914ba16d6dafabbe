#!/usr/bin/env bash
# HTTP keep-alive throughput and p99 latency under wrk on 127.0.0.1, nodus and
# node side by side in one run, for a hello-world http server and for
# express@4 (tests/e2e/npm's fixture, installed by its install.sh); peak RSS
# of each server at the end. Builds nothing; asserts nothing on timing.
#
#   tests/bench/http.sh [NODUS_BINARY]     default: build/runtime/nodus
#   DURATION=10s CONNECTIONS=64 NODE=node
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NODUS=${1:-$ROOT/build/runtime/nodus}
NODE=${NODE:-node}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-http.XXXXXX")
FIXTURE="$ROOT/build/npm-fixture"
SERVER_PID=
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

cat >"$WORK/hello.js" <<'JS'
const http = require('http');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('hello world\n');
});
server.listen(0, '127.0.0.1', () => console.log(`port ${server.address().port}`));
JS
cat >"$WORK/express.js" <<JS
const express = require('$FIXTURE/node_modules/express');
const app = express();
app.get('/', (req, res) => res.json({ hello: 'world' }));
const server = app.listen(0, '127.0.0.1', () => console.log(\`port \${server.address().port}\`));
JS

sh "$ROOT/tests/e2e/npm/install.sh" "$FIXTURE"

# run PROGRAM SCRIPT -> "requests/s p99 rss_kb"
run() {
  "$1" "$2" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 50); do grep -q '^port ' "$WORK/server.log" && break; sleep 0.1; done
  local port
  port=$(sed -n 's/^port //p' "$WORK/server.log")
  wrk -t1 -c"$CONNECTIONS" -d1s "http://127.0.0.1:$port/" >/dev/null  # warm-up
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$port/" >"$WORK/wrk.txt"
  local rps p99 rss
  rps=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")
  rss=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  echo "$rps $p99 $rss"
}

printf '%-12s %14s %14s %10s %10s %12s %12s\n' server 'nodus req/s' 'node req/s' ratio \
  'p99 nodus' 'p99 node' 'RSS KB n/n'
for name in hello express; do
  read -r a_rps a_p99 a_rss < <(run "$NODUS" "$WORK/$name.js")
  read -r b_rps b_p99 b_rss < <(run "$NODE" "$WORK/$name.js")
  printf '%-12s %14s %14s %10s %10s %12s %12s\n' "$name" "$a_rps" "$b_rps" \
    "$(awk -v a="$a_rps" -v b="$b_rps" 'BEGIN { printf "%.2f", a / b }')" "$a_p99" "$b_p99" \
    "$a_rss/$b_rss"
done
