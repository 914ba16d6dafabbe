#!/usr/bin/env bash
# nodus-lsp on express@4's tree, beside typescript-language-server in one run:
# cold start to the first definition, workspace index time (the first
# references request crawls the workspace), completion and definition latency
# p50/p95, edit-to-diagnostics p50/p95 over a storm of edits, peak RSS (summed
# over each server's process tree). Then the background index of a synthetic
# workspace of SYNTHETIC_FILES (default 10000) files on one core (taskset -c 0
# when available): initialize to the $/progress end, the first workspace/symbol
# and references after it, peak RSS; and the same index over a real tree of
# installed packages.
#
#   tests/bench/lsp.sh [NODUS_LSP]      default: build-lsp/lsp/nodus-lsp, then build/lsp/nodus-lsp
#
# Environment: NODE (default node), REQUESTS=N (default 200 per latency
# figure), EDITS=N (default 200). express (pinned) and, when npm can,
# typescript-language-server + typescript (pinned) are installed into
# build/bench-fixture/lsp; without them the peer is skipped. Not a test:
# nothing asserts on timing.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
LSP=${1:-}
if [[ -z "$LSP" ]]; then
  for candidate in "$REPO/build-lsp/lsp/nodus-lsp" "$REPO/build/lsp/nodus-lsp"; do
    [[ -x "$candidate" ]] && LSP=$candidate && break
  done
fi
[[ -n "$LSP" && -x "$LSP" ]] || { echo "bench: no nodus-lsp (pass its path)" >&2; exit 2; }
LSP=$(realpath "$LSP")
NODE=${NODE:-node}
EXPRESS_VERSION=4.21.2
TSLS_VERSION=${TSLS_VERSION:-4.3.3}
TS_VERSION=${TS_VERSION:-5.6.3}
FIXTURE=${BENCH_FIXTURE:-$REPO/build/bench-fixture}/lsp
mkdir -p "$FIXTURE"
# Its own package.json, or npm would install into a parent folder's node_modules.
[[ -f "$FIXTURE/package.json" ]] || echo '{"private": true}' > "$FIXTURE/package.json"
if [[ ! -f "$FIXTURE/node_modules/express/package.json" ]]; then
  (cd "$FIXTURE" && timeout 180 npm install --no-audit --no-fund --no-save --silent \
    "express@$EXPRESS_VERSION" > /dev/null 2>&1) || { echo "bench: cannot install express" >&2; exit 2; }
fi
# The peer lives in its own folder so that it is not part of the tree indexed.
PEER=$FIXTURE/../lsp-peer
TSLS="$PEER/node_modules/typescript-language-server/lib/cli.mjs"
if [[ ! -f "$TSLS" ]] && command -v npm > /dev/null; then
  mkdir -p "$PEER"
  [[ -f "$PEER/package.json" ]] || echo '{"private": true}' > "$PEER/package.json"
  (cd "$PEER" && timeout 180 npm install --no-audit --no-fund --no-save --silent \
    "typescript-language-server@$TSLS_VERSION" "typescript@$TS_VERSION" \
    > /dev/null 2>&1) || echo "bench: typescript-language-server not installed; skipping it" >&2
fi
[[ -f "$TSLS" ]] || TSLS=
SYNTHETIC_FILES=${SYNTHETIC_FILES:-10000}
"$NODE" "$REPO/tests/e2e/lsp/express/bench.js" "$FIXTURE" "$LSP" "$TSLS"
echo
echo "synthetic workspace, one core:"
ONE_CORE=()
command -v taskset > /dev/null && ONE_CORE=(taskset -c 0)
"${ONE_CORE[@]}" "$NODE" "$REPO/tests/e2e/lsp/express/index_bench.js" \
  "$FIXTURE/../lsp-synthetic" "$LSP" "$SYNTHETIC_FILES"
# A real tree too: the npm fixture's packages (tests/e2e/npm/install.sh) when
# installed, the express tree's otherwise; the $/progress end says how many
# files FastSummarize could not answer (parsed in full).
REAL_TREE=$REPO/build/npm-fixture/node_modules
[[ -d "$REAL_TREE" ]] || REAL_TREE=$FIXTURE/node_modules
echo
"${ONE_CORE[@]}" "$NODE" "$REPO/tests/e2e/lsp/express/index_tree_bench.js" "$REAL_TREE" "$LSP"
