#!/bin/sh
# Installs express@4 (pinned) with npm into FIXTURE once, then runs the
# scripted session of express_test.js against nodus-lsp.
#   tests/e2e/lsp/express/express.sh NODUS_LSP NODE FIXTURE
set -eu
LSP=$1
NODE=$2
FIXTURE=$3
DIR=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$FIXTURE"
# Its own package.json, or npm would install into a parent folder's node_modules.
[ -f "$FIXTURE/package.json" ] || echo '{"private": true}' >"$FIXTURE/package.json"
if [ ! -f "$FIXTURE/node_modules/express/package.json" ]; then
  (cd "$FIXTURE" && npm install --no-audit --no-fund --no-save --loglevel=error express@4.21.2 >/dev/null) ||
    { echo "npm install failed"; exit 1; }
fi
exec "$NODE" "$DIR/express_test.js" "$LSP" "$FIXTURE"
