#!/usr/bin/env bash
# huescope's speed against the decode limit, measured the way issue 7 asks: generated clips
# (1080p24 8-bit H.264 and 2160p24 10-bit HEVC), `ffmpeg -threads 0 -i clip -f null -` and
# `huescope analyze` timed alternately on the same clip, several runs, medians of the per-run
# ratios, peak RSS (/usr/bin/time), the --keyframes quick look against the full decode, and the
# RSS of a clip four times longer. Not part of the test suite: timings on a shared machine are
# too noisy for pass/fail. Results and this command go to docs/performance.md.
# Usage: benchmarks/decode_ratio.sh [SECONDS] [RUNS] [BUILD_DIR]
set -euo pipefail
seconds=${1:-5}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${3:-$root/build}
huescope="$build/app/cli/huescope"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ff() { ffmpeg -nostdin -v error -y "$@"; }

# make NAME SECONDS SIZE PIXFMT CODEC...: testsrc2 with motion, tagged BT.709.
make_clip() {
  local name=$1 length=$2 size=$3 pixfmt=$4; shift 4
  ff -f lavfi -i "testsrc2=s=$size:r=24:d=$length,format=$pixfmt" "$@" \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv "$work/$name"
}
make_clip hd.mp4 "$seconds" 1920x1080 yuv420p -c:v libx264 -preset veryfast -g 48
make_clip uhd.mp4 "$seconds" 3840x2160 yuv420p10le -c:v libx265 -preset ultrafast \
  -x265-params log-level=error:keyint=48
make_clip hd_long.mp4 "$((seconds * 4))" 1920x1080 yuv420p -c:v libx264 -preset veryfast -g 48

# timed COMMAND...: prints "seconds peak_KiB"; stops the benchmark if the command failed.
timed() {
  /usr/bin/time -f "%e %M %x" "$@" 2> "$work/time.txt" > /dev/null || true
  local line; line=$(tail -1 "$work/time.txt")
  if [[ ${line##* } != 0 ]]; then echo "failed: $*" >&2; cat "$work/time.txt" >&2; exit 1; fi
  echo "${line% *}"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# bench LABEL CLIP [huescope options...]: alternates decode and analysis RUNS times.
bench() {
  local label=$1 clip=$2; shift 2
  local ratios=() rss_all=()
  for ((i = 0; i < runs; i++)); do
    read -r t_dec _ < <(timed ffmpeg -nostdin -v error -threads 0 -i "$clip" -f null -)
    rm -rf "$work/out"
    read -r t_hue rss < <(timed "$huescope" analyze "$clip" -o "$work/out" -q "$@")
    ratios+=("$(awk "BEGIN { printf \"%.3f\", $t_hue / $t_dec }")")
    rss_all+=("$rss")
    echo "  $label run $((i + 1)): decode ${t_dec}s, huescope ${t_hue}s, RSS $((rss / 1024)) MiB"
  done
  echo "$label: median ratio $(printf '%s\n' "${ratios[@]}" | median), peak RSS $(( $(printf '%s\n' "${rss_all[@]}" | sort -n | tail -1) / 1024 )) MiB"
}

echo "huescope $("$huescope" --version), $(nproc) cores, ${seconds}s clips, $runs runs"
bench "1080p24 H.264 8-bit, every frame" "$work/hd.mp4"
bench "1080p24 H.264 8-bit, --keyframes" "$work/hd.mp4" --keyframes
bench "2160p24 HEVC 10-bit, every frame" "$work/uhd.mp4"
bench "1080p24 H.264, 4x longer (memory)" "$work/hd_long.mp4"
