#!/usr/bin/env bash
# HTTP hello world requests/s under wrk on 127.0.0.1: one process, then a
# 2-worker cluster (round-robin, the default; and SCHED_NONE), nodus and node
# side by side in one run, with the nodus/node ratio and each runtime's
# cluster/single ratio. Builds nothing; asserts nothing on timing.
#
#   tests/bench/cluster.sh [NODUS_BINARY]     default: build/runtime/nodus
#   DURATION=5s CONNECTIONS=64 WORKERS=2 NODE=node
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NODUS=${1:-$ROOT/build/runtime/nodus}
NODE=${NODE:-node}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
WORKERS=${WORKERS:-2}
command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-cluster.XXXXXX")
SERVER_PID=
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# MODE: single | rr | none. The primary prints the port once every worker
# listens; SIGTERM ends the primary and its workers.
cat >"$WORK/hello.js" <<'JS'
const cluster = require('cluster');
const http = require('http');
const mode = process.argv[2];
const workers = Number(process.argv[3]);
function serve(cb) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('hello world\n');
  });
  server.listen(0, '127.0.0.1', () => cb && cb(server.address().port));
}
if (mode === 'single') {
  serve((port) => console.log(`port ${port}`));
} else if (cluster.isPrimary) {
  cluster.schedulingPolicy = mode === 'none' ? cluster.SCHED_NONE : cluster.SCHED_RR;
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening === workers) console.log(`port ${address.port}`);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
    process.exit(0);
  });
} else {
  serve();
}
JS

# run PROGRAM MODE -> requests/s
run() {
  "$1" "$WORK/hello.js" "$2" "$WORKERS" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 300); do grep -q '^port ' "$WORK/server.log" && break; sleep 0.1; done
  local port
  port=$(sed -n 's/^port //p' "$WORK/server.log")
  [[ -n "$port" ]] || { echo "bench: no server port; its output:" >&2; cat "$WORK/server.log" >&2; }
  wrk -t2 -c"$CONNECTIONS" -d1s "http://127.0.0.1:$port/" >/dev/null  # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$port/" >"$WORK/wrk.txt"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
  awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt"
}

echo "HTTP hello world, wrk -t2 -c$CONNECTIONS -d$DURATION, $WORKERS workers, $(nproc) cores"
printf '%-22s %14s %14s %8s\n' setup 'nodus req/s' 'node req/s' ratio
declare -A single
for mode in single rr none; do
  a=$(run "$NODUS" "$mode")
  b=$(run "$NODE" "$mode")
  [[ "$mode" == single ]] && single[nodus]=$a && single[node]=$b
  label=$mode
  [[ "$mode" == rr ]] && label="cluster SCHED_RR"
  [[ "$mode" == none ]] && label="cluster SCHED_NONE"
  printf '%-22s %14s %14s %8s\n' "$label" "$a" "$b" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
  if [[ "$mode" != single ]]; then
    printf '%-22s %14s %14s\n' "  vs single" \
      "$(awk -v a="$a" -v b="${single[nodus]}" 'BEGIN { printf "x%.2f", a / b }')" \
      "$(awk -v a="$b" -v b="${single[node]}" 'BEGIN { printf "x%.2f", a / b }')"
  fi
done
