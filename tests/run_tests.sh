#!/usr/bin/env bash
# Builds huescope and runs the whole test suite, twice, then fuzzes briefly:
#   1. the release build (GCC, warnings as errors) and every test;
#   2. every test again in a build with AddressSanitizer and UndefinedBehaviorSanitizer (clang),
#      which is also instrumented for fuzzing;
#   3. each libFuzzer target from that build, a fixed seed and number of inputs (about a
#      minute each; tests/fuzz/run_fuzzers.sh).
# Usage: bash tests/run_tests.sh   (build trees: build/ and build-sanitize/, or
#        $HUESCOPE_BUILD_DIR and $HUESCOPE_SANITIZE_BUILD_DIR; HUESCOPE_QUICK_TESTS=1 runs 1 only)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HUESCOPE_BUILD_DIR:-$root/build}
sanitize_build=${HUESCOPE_SANITIZE_BUILD_DIR:-$root/build-sanitize}
bash "$root/.ci/install-deps.sh"

echo "== 1/3: release build and tests" >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DHUESCOPE_WARNINGS_AS_ERRORS=ON -DHUESCOPE_BUILD_TESTS=ON
cmake --build "$build" --parallel
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 300
if [[ ${HUESCOPE_QUICK_TESTS:-0} == 1 ]]; then exit 0; fi

echo "== 2/3: the tests again under AddressSanitizer and UndefinedBehaviorSanitizer" >&2
CC=clang CXX=clang++ cmake -S "$root" -B "$sanitize_build" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHUESCOPE_BUILD_TESTS=ON \
      -DHUESCOPE_SANITIZE=ON -DHUESCOPE_BUILD_FUZZERS=ON
cmake --build "$sanitize_build" --parallel
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$sanitize_build" --output-on-failure --parallel "$(nproc)" --timeout 900

echo "== 3/3: fuzzing, a fixed seed and number of inputs per target" >&2
bash "$root/tests/fuzz/run_fuzzers.sh" ci "$sanitize_build"
