#!/bin/sh
# Real npm packages, pinned in package.json, installed at test time into the
# build directory, then each app in apps/ runs under nodus and under node and
# the two outputs must be identical.
#   tests/e2e/npm/run.sh NODUS [NODE] [FIXTURE_DIR]
set -u
NODUS=$1
NODE=${2:-node}
DIR=$(cd "$(dirname "$0")" && pwd)
FIXTURE=${3:-$DIR/../../../build/npm-fixture}
sh "$DIR/install.sh" "$FIXTURE" || { echo "npm install failed"; exit 1; }
fail=0
for app in "$DIR"/apps/*.js; do
  name=$(basename "$app")
  cp "$app" "$FIXTURE/$name"
  a=$(cd "$FIXTURE" && timeout 20 "$NODUS" "$name" 2>&1; echo "exit $?")
  b=$(cd "$FIXTURE" && timeout 20 "$NODE" "$name" 2>&1; echo "exit $?")
  if [ "$a" = "$b" ]; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    echo "--- nodus"; echo "$a"; echo "--- node"; echo "$b"
    fail=1
  fi
done
exit $fail
