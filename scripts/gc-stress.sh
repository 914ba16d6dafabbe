#!/usr/bin/env bash
# GC stress (issue 12): every tests/js test under nodus with V8 collecting
# often, to catch native handles that JavaScript no longer keeps alive.
#
#   scripts/gc-stress.sh [NODUS_BINARY]       default: build/runtime/nodus
#   GC_FLAGS="--gc-interval=100" scripts/gc-stress.sh
#
# Prints pass/fail counts and the failing tests; each failure's output is kept
# in $TMPDIR/nodus-gc-stress/. Tests that check process.execArgv fail by
# design (the GC flag is in it); worker processes inherit the flag.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nodus=${1:-$root/build/runtime/nodus}
flags=${GC_FLAGS:---gc-interval=200}
out="${TMPDIR:-/tmp}/nodus-gc-stress"
rm -rf "$out" && mkdir -p "$out"
pass=0
failed=()
for test in "$root"/tests/js/*/test-*.js; do
  name="$(basename "$(dirname "$test")")/$(basename "$test")"
  # shellcheck disable=SC2086 # GC_FLAGS is a word list.
  if (cd "$(dirname "$test")" && timeout 120 "$nodus" $flags "$test") >"$out/run.log" 2>&1; then
    pass=$((pass + 1))
  else
    failed+=("$name")
    mv "$out/run.log" "$out/${name//\//_}.log"
  fi
done
echo "gc-stress ($flags): $pass passed, ${#failed[@]} failed"
for name in "${failed[@]}"; do echo "  FAIL $name (log: $out/${name//\//_}.log)"; done
[ ${#failed[@]} -eq 0 ]
