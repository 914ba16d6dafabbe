#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz, the `fuzz` CMake preset: clang,
# ASan + UBSan) and runs each for a bounded time from its seeds.
#
#   scripts/fuzz.sh [SECONDS] [NAME...]     default: 60 s each, every harness
#   FUZZ_RUNS=N scripts/fuzz.sh             N inputs each from a fixed seed
#                                           (repeatable; what CI runs)
#
# NAMEs (libFuzzer, C++): inspector_http websocket lsp_messages
# package_exports http_parser buffer_codecs watch_ipc. New inputs accumulate
# in build-fuzz/tests/fuzz/corpus/NAME; a crash leaves its input in
# build-fuzz/crashes/ and makes this script exit 1. Turn a crash into a
# regression test by adding its input to tests/fuzz/seeds/NAME (the ctest
# smoke run, `ctest --test-dir build-fuzz -L fuzz`, replays every seed).
#
# NAMEs (JavaScript, tests/fuzz/js): url keypress. Those parsers are
# JavaScript, where libFuzzer sees no coverage; tests/fuzz/js/run.js mutates
# their seeds under nodus itself ($NODUS; default the runtime/nodus that
# scripts/build.sh makes in $NODUS_BUILD_DIR or build/; build-fuzz/runtime/nodus
# adds ASan and UBSan under the bindings) and checks the same kind of
# invariants. Crashes go to build-fuzz/crashes/ as well. FUZZ_COMPARE=1 adds a
# differential run of the url inputs against node (a report: known departures
# are counted by class, the rest shown; nodus follows the URL Standard where
# node 20 does not).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
names=("$@")
if [[ ${#names[@]} -eq 0 ]]; then
  names=(inspector_http websocket lsp_messages package_exports http_parser buffer_codecs watch_ipc
         url keypress)
fi
command -v clang++ >/dev/null || { echo "fuzz: clang++ is needed (apt-get install clang)" >&2; exit 2; }

cd "$root"
is_js() { [[ -f "tests/fuzz/js/$1.js" ]]; }
cmake --preset fuzz >/dev/null
targets=()
for name in "${names[@]}"; do is_js "$name" || targets+=("fuzz_$name"); done
if [[ ${#targets[@]} -gt 0 ]]; then ninja -C build-fuzz "${targets[@]}"; fi

mkdir -p build-fuzz/crashes
status=0
nodus=${NODUS:-${NODUS_BUILD_DIR:-$root/build}/runtime/nodus}
for name in "${names[@]}"; do
  if is_js "$name"; then
    [[ -x "$nodus" ]] || { echo "fuzz: $name needs nodus ($nodus; scripts/build.sh, or NODUS=...)" >&2; exit 2; }
    if [[ -n "${FUZZ_RUNS:-}" ]]; then
      budget=(--runs="$FUZZ_RUNS" --seed=1)
      echo "== $name (JavaScript): the seeds, then $FUZZ_RUNS inputs"
    else
      budget=(--seconds="$seconds" --seed="$RANDOM")
      echo "== $name (JavaScript) for ${seconds}s"
    fi
    record=()
    if [[ -n "${FUZZ_COMPARE:-}" && "$name" == url ]]; then record=(--record="build-fuzz/$name-inputs.tsv"); fi
    if ! "$nodus" tests/fuzz/js/run.js "$name" "${budget[@]}" "${record[@]}" \
        --crashes="$root/build-fuzz/crashes"; then
      echo "$name: crash inputs in build-fuzz/crashes/" >&2
      status=1
    elif [[ ${#record[@]} -gt 0 ]]; then
      node tests/fuzz/js/run.js "$name" --compare="build-fuzz/$name-inputs.tsv" --show=10
    fi
    continue
  fi
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
