#!/usr/bin/env bash
# One command for a newcomer: set up, build, and run every test with ctest
# (C++ unit tests, JavaScript tests under nodus and node, CLI end-to-end cases).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
build="${NODUS_BUILD_DIR:-$root/build}"
if command -v clang-format >/dev/null 2>&1; then
  # Formatting is part of the suite: our C++ must match .clang-format.
  (cd "$root" && git ls-files -- '*.cc' '*.h' | xargs clang-format --dry-run --Werror)
fi
ctest --test-dir "$build" -j "$(nproc)" --output-on-failure "$@"
# The fuzzers (tests/fuzz, clang + ASan/UBSan): every seed, including past
# crashes, then a fixed number of new inputs each. NODUS_SKIP_FUZZ=1 skips.
if [ -z "${NODUS_SKIP_FUZZ:-}" ] && [ $# -eq 0 ]; then
  FUZZ_RUNS="${FUZZ_RUNS:-20000}" bash "$root/scripts/fuzz.sh"
fi
# The V8-free C++ unit tests (inspector transport, LSP, resolver, watch logic,
# options) again under ASan+UBSan, in build-asan; the whole suite under the
# sanitizers is scripts/sanitize.sh asan|tsan. NODUS_SKIP_SANITIZE=1 skips.
if [ -z "${NODUS_SKIP_SANITIZE:-}" ] && [ $# -eq 0 ]; then
  bash "$root/scripts/sanitize.sh" asan-quick
fi
