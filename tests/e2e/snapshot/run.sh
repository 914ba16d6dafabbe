#!/bin/sh
# The startup snapshot (runtime/src/snapshot.h): nodus starts from it, every
# per-process value is this process's, and a blob that does not fit the
# running libnode (corrupt, another V8, another libnode build) is refused
# before V8 sees it: nodus starts from source, prints nothing about it, and
# `nodus -v --verbose` says why.
#
#   run.sh NODUS SNAPSHOT_BLOB
set -eu
nodus=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
blob=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/nodus-snapshot.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
# Physical, as process.cwd() reports it.
work=$(cd "$work" && pwd -P)
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# --- The start path in use ---------------------------------------------------
"$nodus" -v --verbose >"$work/v" || fail "nodus -v --verbose exited $?"
grep -q '^start-up: from the V8 startup snapshot' "$work/v" ||
  fail "the built nodus does not start from its snapshot: $(cat "$work/v")"
NODUS_SNAPSHOT=0 "$nodus" -v --verbose >"$work/v"
grep -q '^start-up: from source with code caches (NODUS_SNAPSHOT=0)' "$work/v" ||
  fail "NODUS_SNAPSHOT=0 is not reported: $(cat "$work/v")"
"$nodus" --jitless -v --verbose >"$work/v"
grep -q '^start-up: from source with code caches (the V8 flag --jitless was given)' "$work/v" ||
  fail "a V8 flag does not turn the snapshot off: $(cat "$work/v")"

# --- Per-process state is this process's, in both start paths ------------------
cat >"$work/probe.js" <<'JS'
'use strict';
const vm = require('vm');
const { Module } = require('module');
const out = {
  argv: process.argv.slice(2),
  execPath: process.execPath === process.argv[0],
  env: process.env.NODUS_PROBE,
  cwd: process.cwd(),
  uptimeSmall: process.uptime() >= 0 && process.uptime() < 20,
  globalPaths: Module.globalPaths,
  globals: Object.keys(globalThis).sort(),
  processKeys: Object.keys(process).sort(),
  loaderListed: process.moduleLoadList.includes('NativeModule internal/modules/cjs/loader'),
  vmPlain: vm.runInNewContext('typeof process + typeof require + typeof console'),
  builtinFrame: (() => {
    try { require('fs').readFileSync(); } catch (e) { return /node:fs/.test(e.stack); }
    return false;
  })(),
  random: Math.random(),
};
let ticks = 0;
process.nextTick(() => { ticks++; });
setImmediate(() => {
  setTimeout(() => {
    out.ticks = ticks;
    console.log(JSON.stringify(out));
  }, 1);
});
JS
mkdir -p "$work/home" "$work/cwd"
run_probe() {
  (cd "$work/cwd" && HOME="$work/home" NODUS_PROBE=yes "$nodus" "$work/probe.js" a b) 2>"$work/err"
}
run_probe >"$work/snap1" || fail "the probe failed from the snapshot: $(cat "$work/err")"
[ ! -s "$work/err" ] || fail "the probe wrote to stderr: $(cat "$work/err")"
run_probe >"$work/snap2" || fail "the probe failed from the snapshot (2nd run)"
NODUS_SNAPSHOT=0 run_probe >"$work/source" || fail "the probe failed from source: $(cat "$work/err")"
strip_random() { sed 's/"random":[0-9.e-]*//' "$1"; }
[ "$(strip_random "$work/snap1")" = "$(strip_random "$work/source")" ] ||
  fail "snapshot and source starts differ:
  snapshot: $(cat "$work/snap1")
  source:   $(cat "$work/source")"
[ "$(cat "$work/snap1")" != "$(cat "$work/snap2")" ] ||
  fail "Math.random() repeats between processes started from the snapshot"
grep -q '"argv":\["a","b"\]' "$work/snap1" || fail "argv: $(cat "$work/snap1")"
grep -q '"env":"yes"' "$work/snap1" || fail "env: $(cat "$work/snap1")"
grep -q "\"cwd\":\"$work/cwd\"" "$work/snap1" || fail "cwd: $(cat "$work/snap1")"
grep -q "$work/home/.node_modules" "$work/snap1" || fail "globalPaths: $(cat "$work/snap1")"
grep -q '"vmPlain":"undefinedundefinedobject"' "$work/snap1" || fail "vm: $(cat "$work/snap1")"
grep -q '"loaderListed":true' "$work/snap1" || fail "moduleLoadList: $(cat "$work/snap1")"
grep -q '"builtinFrame":true' "$work/snap1" || fail "builtin frames: $(cat "$work/snap1")"
grep -q '"ticks":1' "$work/snap1" || fail "nextTick: $(cat "$work/snap1")"

# --- Blobs that do not fit: from source, silently ------------------------------
# The header (snapshot.cc): magic[8], format u32, pointer size u32,
# V8 version char[32] at 16, build id size u32 at 48, build id at 52.
patch_byte() { # file offset
  printf 'Z' | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
cp "$blob" "$work/other-v8.blob" && patch_byte "$work/other-v8.blob" 16
cp "$blob" "$work/other-libnode.blob" && patch_byte "$work/other-libnode.blob" 48
cp "$blob" "$work/corrupt.blob" && patch_byte "$work/corrupt.blob" 300000
head -c 1000 "$blob" >"$work/truncated.blob"
head -c 4096 /dev/urandom >"$work/garbage.blob"
check_refused() { # blob expected-reason
  NODUS_SNAPSHOT_BLOB=$1 "$nodus" -e 'console.log(6 * 7, typeof require("fs").readFileSync)' \
    >"$work/out" 2>"$work/err" || fail "nodus failed with $1: $(cat "$work/err")"
  [ "$(cat "$work/out")" = "42 function" ] || fail "wrong output with $1: $(cat "$work/out")"
  [ ! -s "$work/err" ] || fail "nodus printed something with $1: $(cat "$work/err")"
  NODUS_SNAPSHOT_BLOB=$1 "$nodus" -v --verbose >"$work/v"
  grep -q "^start-up: from source with code caches (.*$2" "$work/v" ||
    fail "-v --verbose with $1 does not say '$2': $(cat "$work/v")"
}
check_refused "$work/other-v8.blob" "it was made with V8 Z"
check_refused "$work/other-libnode.blob" "another libnode build"
check_refused "$work/corrupt.blob" "corrupt (checksum)"
check_refused "$work/truncated.blob" "truncated"
check_refused "$work/garbage.blob" "no nodus header"
check_refused "$work/missing.blob" "cannot read NODUS_SNAPSHOT_BLOB"
# The blob the build made, read from the file, is accepted.
NODUS_SNAPSHOT_BLOB=$blob "$nodus" -v --verbose >"$work/v"
grep -q '^start-up: from the V8 startup snapshot from ' "$work/v" ||
  fail "the build's own blob is refused: $(cat "$work/v")"
echo "ok"
