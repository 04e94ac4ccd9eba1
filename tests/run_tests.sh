#!/usr/bin/env bash
# Builds huescope with warnings as errors and runs the whole test suite.
# Usage: bash tests/run_tests.sh     (build tree: build/, or $HUESCOPE_BUILD_DIR)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HUESCOPE_BUILD_DIR:-$root/build}
bash "$root/.ci/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DHUESCOPE_WARNINGS_AS_ERRORS=ON -DHUESCOPE_BUILD_TESTS=ON
cmake --build "$build" --parallel
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 300
