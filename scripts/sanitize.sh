#!/usr/bin/env bash
# The sanitizer suites (issue 12): configure a CMake preset, build, run ctest
# with the sanitizer options and suppressions of tests/sanitizers.
#
#   scripts/sanitize.sh asan [CTEST_ARGS...]    the whole suite under ASan+UBSan
#                                               (build-asan: C++ units, js/*, e2e/*)
#   scripts/sanitize.sh asan-quick [CTEST_ARGS] only the V8-free C++ unit tests
#                                               under ASan+UBSan, unoptimised
#                                               (build-asan-quick; what CI runs)
#   scripts/sanitize.sh tsan [CTEST_ARGS...]    the parts with threads under TSan
#                                               (build-tsan)
#
# Oracle runs (js-node/*, e2e-node/*, soak-node/*) are left out: they run
# node, which no sanitizer instruments. CTEST_ARGS narrow further (e.g.
# -R js/worker_threads).
# NODUS_SANITIZE_JOBS sets ninja's and ctest's parallelism (default: nproc);
# NODUS_SANITIZE_BUILD_DIR another build directory (default: build-asan or
# build-tsan, the presets' own).
# The timeouts are the normal ones times the preset's
# NODUS_TEST_TIMEOUT_MULTIPLIER (4).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
shift || true
jobs=${NODUS_SANITIZE_JOBS:-$(nproc)}
supp="$root/tests/sanitizers"

# The V8-free Catch2 executables: inspector transport, LSP, resolver, watch
# logic, command-line parsing, base.
unit_targets=(nodus_base_tests nodus_resolve_tests nodus_runtime_tests nodus_lsp_tests
              nodus_watch_tests nodus_inspector_io_tests)
unit_regex='^nodus_(base|resolve|runtime|lsp|watch|inspector_io)_tests:'

case "$mode" in
  asan | asan-quick)
    preset=asan
    # Leaks are reported (lsan.supp lists what is suppressed and why).
    # verify_asan_link_order=0: tests/e2e/watch preloads an inotify shim
    # (LD_PRELOAD) ahead of the ASan runtime; it interposes no allocator.
    export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
    ;;
  tsan)
    preset=tsan
    # libnode (V8) is not instrumented: TSan does not see its atomics and
    # reports races inside it; tsan.supp scopes those to libnode only.
    # report_mutex_bugs=0: see tsan.supp (V8's tail-called unlocks).
    export TSAN_OPTIONS="suppressions=$supp/tsan.supp:report_mutex_bugs=0:halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
    ;;
  *)
    sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac

build="${NODUS_SANITIZE_BUILD_DIR:-$root/build-$preset}"
configure=()
if [ "$mode" = asan-quick ]; then
  # Its own build directory, unoptimised (-O0 -g): with ASan at -O2, Catch2's
  # main and nodus-lsp's server.cc take minutes each to compile.
  build="${NODUS_SANITIZE_BUILD_DIR:-$root/build-asan-quick}"
  configure=(-DCMAKE_BUILD_TYPE=Debug)
fi
bash "$root/scripts/setup.sh"
cd "$root"
cmake --preset "$preset" -B "$build" "${configure[@]}" >/dev/null

case "$mode" in
  asan)
    ninja -C "$build" -j "$jobs"
    filter=(-LE 'js-node|e2e-node|soak-node')
    ;;
  asan-quick)
    ninja -C "$build" -j "$jobs" "${unit_targets[@]}"
    filter=(-R "$unit_regex")
    ;;
  tsan)
    # The threaded parts: the inspector's I/O thread (unit tests, js/inspector
    # and the real clients of e2e/inspector), the LSP server's background
    # work, and nodus for the thread-pool users (fs, zlib, crypto, dns) and
    # worker_threads.
    ninja -C "$build" -j "$jobs" nodus nodus_inspector_io_tests nodus_lsp_tests
    filter=(-R '^nodus_(inspector_io|lsp)_tests:|^js/(worker_threads|fs|zlib|crypto|dns|inspector)/|^e2e/inspector/')
    ;;
esac

ctest --test-dir "$build" -j "$jobs" --output-on-failure --no-tests=error "${filter[@]}" "$@"
