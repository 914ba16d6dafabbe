#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz, the `fuzz` CMake preset: clang,
# ASan + UBSan) and runs each for a bounded time from its seeds.
#
#   scripts/fuzz.sh [SECONDS] [NAME...]     default: 60 s each, every harness
#   FUZZ_RUNS=N scripts/fuzz.sh             N inputs each from a fixed seed
#                                           (repeatable; what CI runs)
#
# NAMEs: inspector_http websocket lsp_messages package_exports. New inputs
# accumulate in build-fuzz/tests/fuzz/corpus/NAME; a crash leaves its input in
# build-fuzz/crashes/ and makes this script exit 1. Turn a crash into a
# regression test by adding its input to tests/fuzz/seeds/NAME (the ctest
# smoke run, `ctest --test-dir build-fuzz -L fuzz`, replays every seed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  names=(inspector_http websocket lsp_messages package_exports)
fi
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)" >&2; exit 2; }

cd "$root"
cmake --preset fuzz >/dev/null
targets=()
for name in "${names[@]}"; do targets+=("fuzz_$name"); done
ninja -C build-fuzz "${targets[@]}"

mkdir -p build-fuzz/crashes
status=0
for name in "${names[@]}"; do
  corpus="build-fuzz/tests/fuzz/corpus/$name"
  mkdir -p "$corpus"
  before=$(find build-fuzz/crashes -name "$name-*" | wc -l)
  if [[ -n "${FUZZ_RUNS:-}" ]]; then
    budget=(-runs="$FUZZ_RUNS" -seed=1)
    echo "== fuzz_$name: the seeds, then $FUZZ_RUNS inputs"
  else
    budget=(-max_total_time="$seconds")
    echo "== fuzz_$name for ${seconds}s"
  fi
  if ! "build-fuzz/tests/fuzz/fuzz_$name" "${budget[@]}" -timeout=5 -rss_limit_mb=2048 \
      -artifact_prefix="build-fuzz/crashes/$name-" -print_final_stats=1 \
      "$corpus" "tests/fuzz/seeds/$name" 2>&1 | grep -E '^(stat::number_of_executed_runs|stat::peak_rss_mb|Done [0-9]+ runs|==[0-9]+==ERROR|SUMMARY)|Test unit written'; then
    :
  fi
  if [[ $(find build-fuzz/crashes -name "$name-*" | wc -l) -gt $before ]]; then
    echo "fuzz_$name: crash inputs in build-fuzz/crashes/" >&2
    status=1
  fi
done
exit $status
