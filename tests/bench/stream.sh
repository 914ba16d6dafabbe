#!/usr/bin/env bash
# stream throughput: nodus and node side by side in one run.
#
#   tests/bench/stream.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment:
#   NODE=/path/to/node   the oracle (default: node from PATH)
#   PIPE_MIB=N           MiB piped through a PassThrough in 64 KiB chunks (default 256)
#   OBJECTS=N            objects through an object-mode Transform (default 1000000)
#
# Each case runs inside one process and reports its time in ms; read the ratio
# nodus/node (the machine is shared and noisy). Builds nothing; asserts
# nothing on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
PIPE_MIB=${PIPE_MIB:-256}
OBJECTS=${OBJECTS:-1000000}

die() {
  echo "bench: $*" >&2
  exit 2
}

NODUS_BIN=$(command -v -- "$NODUS" 2>/dev/null) || die "nodus binary not found: $NODUS"
NODE_BIN=$(command -v -- "$NODE" 2>/dev/null) || die "node not found: $NODE"
[[ "$PIPE_MIB" =~ ^[1-9][0-9]*$ ]] || die "PIPE_MIB must be a positive integer"
[[ "$OBJECTS" =~ ^[1-9][0-9]*$ ]] || die "OBJECTS must be a positive integer"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-stream.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/bench.js" <<'JS'
'use strict';
const { Readable, Writable, PassThrough, Transform } = require('stream');
const [kind, n] = process.argv.slice(2);
const count = Number(n);
const start = process.hrtime.bigint();
function done(check) {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!check) throw new Error('bad result');
  console.log(ms.toFixed(2));
}
if (kind === 'pipe') {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const chunks = count * 16;
  let i = 0;
  let bytes = 0;
  const src = new Readable({
    read() {
      while (i < chunks) {
        i++;
        if (!this.push(chunk)) return;
      }
      this.push(null);
    },
  });
  const sink = new Writable({
    write(c, e, cb) {
      bytes += c.length;
      cb();
    },
  });
  sink.on('finish', () => done(bytes === chunks * chunk.length));
  src.pipe(new PassThrough()).pipe(sink);
} else {
  let i = 0;
  let sum = 0;
  const src = new Readable({
    objectMode: true,
    read() {
      while (i < count) {
        if (!this.push({ value: i++ })) return;
      }
      this.push(null);
    },
  });
  const double = new Transform({
    objectMode: true,
    transform(obj, e, cb) {
      cb(null, { value: obj.value * 2 });
    },
  });
  const sink = new Writable({
    objectMode: true,
    write(obj, e, cb) {
      sum += obj.value;
      cb();
    },
  });
  sink.on('finish', () => done(sum === count * (count - 1)));
  src.pipe(double).pipe(sink);
}
JS

printf '%-40s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
printf '%-40s %12s %12s %12s\n' "----------------------------------------" "----------" "---------" "----------"
run_case() {
  local name=$1 kind=$2 n=$3 a b
  a=$("$NODUS_BIN" "$WORK/bench.js" "$kind" "$n")
  b=$("$NODE_BIN" "$WORK/bench.js" "$kind" "$n")
  awk -v name="$name" -v a="$a" -v b="$b" \
    'BEGIN { printf "%-40s %12.2f %12.2f %12.2f\n", name, a, b, (b > 0 ? a / b : 0) }'
}
run_case "pipe ${PIPE_MIB} MiB via PassThrough (64 KiB)" pipe "$PIPE_MIB"
run_case "object Transform x$OBJECTS" objects "$OBJECTS"
