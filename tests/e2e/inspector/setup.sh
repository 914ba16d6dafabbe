#!/bin/sh
# Installs the pinned clients of package.json into FIXTURE_DIR once (a stamp
# holds package.json's checksum). Registered as a CTest FIXTURES_SETUP test;
# a lock directory also serialises concurrent runs started by hand.
#   tests/e2e/inspector/setup.sh FIXTURE_DIR
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
FIXTURE=${1:?usage: setup.sh FIXTURE_DIR}
mkdir -p "$FIXTURE"
lock="$FIXTURE/.lock"
waited=0
until mkdir "$lock" 2>/dev/null; do
  if [ "$waited" -ge 1200 ]; then echo "setup: $lock held for 120 s (remove it if stale)"; exit 1; fi
  sleep 0.1
  waited=$((waited + 1))
done
trap 'rmdir "$lock"' EXIT INT TERM
stamp=$(cksum <"$DIR/package.json" | cut -d' ' -f1)
if [ "$(cat "$FIXTURE/.stamp" 2>/dev/null)" != "$stamp" ]; then
  cp "$DIR/package.json" "$FIXTURE/package.json"
  (cd "$FIXTURE" && npm install --no-audit --no-fund --loglevel=error >/dev/null) ||
    { echo "setup: npm install failed"; exit 1; }
  echo "$stamp" >"$FIXTURE/.stamp"
fi
echo "setup: clients installed in $FIXTURE"
