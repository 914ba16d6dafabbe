#!/bin/sh
# Installs the pinned packages of tests/e2e/npm/package.json into FIXTURE_DIR
# (default build/npm-fixture), again only when package.json changed. Used by
# the npm e2e test and the benchmarks that run express.
#   tests/e2e/npm/install.sh [FIXTURE_DIR]
set -u
DIR=$(cd "$(dirname "$0")" && pwd)
FIXTURE=${1:-$DIR/../../../build/npm-fixture}
mkdir -p "$FIXTURE"
stamp=$(cksum <"$DIR/package.json" | cut -d' ' -f1)
if [ "$(cat "$FIXTURE/.stamp" 2>/dev/null)" != "$stamp" ]; then
  cp "$DIR/package.json" "$FIXTURE/package.json"
  (cd "$FIXTURE" && npm install --no-audit --no-fund --loglevel=error >/dev/null) ||
    { echo "npm install into $FIXTURE failed (npm registry unreachable?)" >&2; exit 1; }
  echo "$stamp" >"$FIXTURE/.stamp"
fi
