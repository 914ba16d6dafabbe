#!/usr/bin/env bash
# One command for a newcomer: set up, build, and run the demo program.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
"${NODUS_BUILD_DIR:-$root/build}/runtime/nodus" "$root/examples/demo/main.js" "$@"
