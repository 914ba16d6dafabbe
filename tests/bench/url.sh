#!/usr/bin/env bash
# URL parsing throughput: `new URL()` over 100,000 varied URLs (absolute,
# relative against a base, IPv4/IPv6 hosts, IDNA, percent-encoding, file URLs),
# plus URLSearchParams and url.parse rounds, in nodus and node side by side.
#
#   tests/bench/url.sh [NODUS_BINARY]        default: build/runtime/nodus
#
# Environment: NODE=/path/to/node (default: node from PATH), RUNS=N (default 5).
# Prints the best wall time of RUNS for each runtime and the ratio nodus/node.
# Not a test: nothing asserts on timing.
set -euo pipefail

NODUS=${1:-build/runtime/nodus}
NODE=${NODE:-node}
RUNS=${RUNS:-5}
command -v "$NODUS" >/dev/null || { echo "bench: nodus not found: $NODUS" >&2; exit 2; }
command -v "$NODE" >/dev/null || { echo "bench: node not found: $NODE" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nodus-bench-url.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/url.js" <<'JS'
'use strict';
const mode = process.argv[2];
const hosts = ['example.com', 'EXAMPLE.org', 'a.b.c.d.e', '127.0.0.1', '0x7f.1', '[::1]',
  '[2001:db8::8:800:200c:417a]', 'xn--nxasmq6b.com', 'bücher.de', 'user:pw@host.io:8080'];
const paths = ['', '/', '/a/b/c', '/a/./b/../c', '/%7Euser/file.html', '/sp ace/ü', '/x?y=1&z=2',
  '/p#frag', '/a/b?q=%20x#h', '/deep/er/path/to/some/resource.json'];
const schemes = ['http://', 'https://', 'ws://', 'ftp://', 'file://', 'sc://'];
const inputs = [];
for (let i = 0; i < 100000; i++) {
  const h = hosts[i % hosts.length];
  const p = paths[(i * 7) % paths.length];
  const s = schemes[(i * 3) % schemes.length];
  inputs.push(i % 5 === 4 ? `${p || '/'}${i}` : `${s === 'file://' ? 'file://' : s + h}${p}${i % 3 ? '' : '?n=' + i}`);
}
const base = 'https://base.example/dir/file?q';
const start = process.hrtime.bigint();
let total = 0;
if (mode === 'whatwg') {
  for (const input of inputs) total += new URL(input, base).href.length;
} else if (mode === 'params') {
  for (let i = 0; i < 20000; i++) {
    const p = new URLSearchParams(`a=${i}&b=x+y&c=%E2%82%AC&d=${i % 7}`);
    p.append('e', 'f g');
    p.sort();
    total += p.toString().length;
  }
} else {
  const url = require('url');
  for (let i = 0; i < 30000; i++) total += url.parse(inputs[i % 1000 * 97 % 100000]).href.length;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
if (total === 0) throw new Error('nothing parsed');
console.log(ms.toFixed(2));
JS

best() {
  local bin=$1 mode=$2 best="" t i
  for ((i = 0; i < RUNS; i++)); do
    t=$("$bin" "$WORK/url.js" "$mode")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

printf '%-28s %12s %12s %12s\n' "benchmark" "nodus (ms)" "node (ms)" "nodus/node"
for mode in whatwg params legacy; do
  a=$(best "$NODUS" "$mode")
  b=$(best "$NODE" "$mode")
  name=$mode
  case $mode in
    whatwg) name="new URL x100k" ;;
    params) name="URLSearchParams x20k" ;;
    legacy) name="url.parse x30k" ;;
  esac
  awk -v n="$name" -v a="$a" -v b="$b" 'BEGIN { printf "%-28s %12.2f %12.2f %12.2f\n", n, a, b, a / b }'
done
