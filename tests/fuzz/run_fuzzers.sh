#!/usr/bin/env bash
# Runs each libFuzzer target from seed corpora made with FFmpeg. Any crash, leak, sanitizer
# report, 20-second input or 2 GB of memory fails the run and leaves the input that caused it in
# BUILD_DIR/fuzz/findings. With no BUILD_DIR, builds only what fuzzing needs in build-fuzz/
# (clang, ASan + UBSan); for long runs see docs/robustness.md.
# Usage: run_fuzzers.sh SECONDS [BUILD_DIR]   fuzz each target for SECONDS (random seed)
#        run_fuzzers.sh ci BUILD_DIR          CI: a fixed seed and a fixed number of inputs per
#                                             target (about a minute each), so a run gives the
#                                             same result every time and never flakes
set -euo pipefail
budget=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(mkdir -p "${2:-$root/build-fuzz}" && cd "${2:-$root/build-fuzz}" && pwd)
if [[ $# -lt 2 ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHUESCOPE_BUILD_FUZZERS=ON -DHUESCOPE_BUILD_TESTS=OFF -DHUESCOPE_BUILD_REPORT=OFF \
    -DHUESCOPE_BUILD_GUI=OFF -DHUESCOPE_BUILD_CLI=OFF > /dev/null
fi
cmake --build "$build" --target fuzz_decode fuzz_exr --parallel
work="$build/fuzz"
if [[ ! -f "$work/seeds/.complete" ]]; then
  rm -rf "$work/seeds"
  bash "$root/tests/fuzz/make_seeds.sh" "$work/seeds"
fi
mkdir -p "$work/findings"
for target in decode exr; do
  corpus="$work/corpus/$target"
  log="$work/$target.log"
  mkdir -p "$corpus"
  if [[ $budget == ci ]]; then
    # Measured on CI's two cores under the sanitizers: about 50 decode and 400 EXR inputs/s here.
    runs=3000
    [[ $target == exr ]] && runs=20000
    limits=(-seed=1 -runs="$runs" -max_total_time=600)
    rm -rf "$corpus"  # the same starting corpus every time
    mkdir -p "$corpus"
  else
    limits=(-max_total_time="$budget")
  fi
  echo "fuzz_$target: ${limits[*]}" >&2
  # Resource caps: 2 GB of memory, 20 s per input; inputs up to 256 KiB.
  if ! "$build/tests/fuzz/fuzz_$target" "$corpus" "$work/seeds/$target" "${limits[@]}" \
      -rss_limit_mb=2048 -timeout=20 -max_len=262144 \
      -artifact_prefix="$work/findings/$target-" -print_final_stats=1 > "$log" 2>&1; then
    tail -60 "$log" >&2
    echo "fuzz_$target found a problem: the input is in $work/findings" >&2
    exit 1
  fi
  tail -12 "$log" >&2
done
