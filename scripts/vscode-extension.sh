#!/usr/bin/env bash
# Builds and checks the VS Code extension in vscode-extension/.
#
#   scripts/vscode-extension.sh            npm ci, compile, package -> vscode-extension/nodus-<version>.vsix
#   scripts/vscode-extension.sh install    npm ci, only when package-lock.json changed since the last one
#   scripts/vscode-extension.sh check OUT  lint, tsc --noEmit, unit tests, integration tests (NODUS and
#                                          NODUS_LSP name the binaries), package into OUT and check the .vsix
#
# npm ci needs the npm registry. node_modules is keyed by package-lock.json's
# checksum (a stamp file), so CI and ctest install once per lock change.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ext="$root/vscode-extension"
cd "$ext"

install() {
  local lock="$ext/node_modules.lock" waited=0
  # A lock directory serialises concurrent runs (ctest -j, a build by hand).
  until mkdir "$lock" 2>/dev/null; do
    if [ "$waited" -ge 3000 ]; then echo "vscode-extension: $lock held for 300 s (remove it if stale)" >&2; exit 1; fi
    sleep 0.1
    waited=$((waited + 1))
  done
  trap 'rmdir "$lock" 2>/dev/null || true' EXIT
  local stamp
  stamp=$(cksum <package-lock.json | cut -d' ' -f1)
  if [ "$(cat node_modules/.nodus-stamp 2>/dev/null)" != "$stamp" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$stamp" >node_modules/.nodus-stamp
  fi
  rmdir "$lock" 2>/dev/null || true
  trap - EXIT
}

case "${1:-package}" in
  install)
    install
    echo "vscode-extension: dependencies installed"
    ;;
  package)
    install
    npm run --silent compile
    npm run --silent package
    node scripts/check-vsix.js "nodus-$(node -p 'require("./package.json").version').vsix"
    ;;
  check)
    out="${2:?usage: vscode-extension.sh check OUT_DIR}"
    : "${NODUS:?set NODUS to the nodus under test}" "${NODUS_LSP:?set NODUS_LSP to the nodus-lsp under test}"
    if [ "$(cat node_modules/.nodus-stamp 2>/dev/null)" != "$(cksum <package-lock.json | cut -d' ' -f1)" ]; then
      echo "vscode-extension: node_modules is missing or stale; run scripts/vscode-extension.sh install" >&2
      exit 1
    fi
    mkdir -p "$out"
    echo "== lint"; npx --no-install eslint src test
    echo "== tsc --noEmit"; npx --no-install tsc -p . --noEmit
    echo "== compile"; npx --no-install tsc -p .
    echo "== unit tests"; npx --no-install mocha --timeout 10000 'out/test/unit/**/*.test.js'
    echo "== integration tests"; npx --no-install mocha --timeout 30000 'out/test/integration/**/*.test.js'
    echo "== package"
    vsix="$out/nodus-$(node -p 'require("./package.json").version').vsix"
    rm -f "$vsix"
    npx --no-install vsce package --allow-missing-repository --skip-license --out "$vsix" >"$out/vsce.log" 2>&1 ||
      { cat "$out/vsce.log"; exit 1; }
    node scripts/check-vsix.js "$vsix"
    ;;
  *)
    echo "usage: $0 [install | package | check OUT_DIR]" >&2
    exit 2
    ;;
esac
