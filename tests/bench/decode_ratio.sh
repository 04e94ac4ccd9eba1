#!/usr/bin/env bash
# Times `huescope analyze` against FFmpeg's decode-only limit on the same clip, interleaved, several
# runs, and prints the median ratio and huescope's peak RSS. Not part of the test suite: timings on
# shared machines are noisy, so this is run by hand and its results go to docs/performance.md.
# Usage: tests/bench/decode_ratio.sh [SECONDS] [RUNS] [BUILD_DIR]
set -euo pipefail
seconds=${1:-10}
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${3:-$root/build}
huescope="$build/app/cli/huescope"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

clip="$work/bench_1080p24.mp4"
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=s=1920x1080:r=24:d=$seconds,format=yuv420p" \
  -c:v libx264 -preset veryfast -colorspace bt709 -color_primaries bt709 -color_trc bt709 \
  -color_range tv "$clip"

elapsed() { /usr/bin/time -f "%e %M" "$@" 2> "$work/time.txt" > /dev/null; tail -1 "$work/time.txt"; }

ratios=()
for ((i = 0; i < runs; i++)); do
  read -r t_ffmpeg _ < <(elapsed ffmpeg -nostdin -v error -threads 0 -i "$clip" -f null -)
  read -r t_huescope rss < <(elapsed "$huescope" analyze "$clip" -o "$work/out" -q)
  ratio=$(awk "BEGIN { printf \"%.2f\", $t_huescope / $t_ffmpeg }")
  echo "run $((i + 1)): ffmpeg ${t_ffmpeg}s, huescope ${t_huescope}s (peak RSS ${rss} KiB), ratio ${ratio}"
  ratios+=("$ratio")
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
frames=$((seconds * 24))
echo "clip: 1920x1080 24 fps H.264, $frames frames; median ratio huescope/decode: $median"
