#!/usr/bin/env bash
# One long shot whose colours drift slowly and never cut: FFmpeg's testsrc2 with its hue turning
# continuously (hue=H=t/3: a third of a radian per second, one full turn in about 19 s) and a
# film-like grain (noise with a fixed seed, so the output is the same on every run).
# The truth is one shot: no boundary at all.
# Usage: make_hue_drift.sh OUT.mp4 [SECONDS [WxH]]   (default 240 s, 1920x1080; 24 fps,
# H.264 yuv420p tagged BT.709)
set -euo pipefail
out=${1:?usage: make_hue_drift.sh OUT.mp4 [SECONDS [WxH]]}
seconds=${2:-240}
size=${3:-1920x1080}
rate=24
[[ $size =~ ^[0-9]+x[0-9]+$ ]] || { echo "make_hue_drift.sh: size must be WxH, not $size" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
ffmpeg -nostdin -v error -y \
  -f lavfi -i "testsrc2=s=$size:r=$rate:d=$seconds" \
  -vf "format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,hue=H=t/3,noise=alls=10:allf=t:all_seed=20240601" \
  -c:v libx264 -preset veryfast -crf 20 -threads 2 -pix_fmt yuv420p \
  -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv \
  -flags +bitexact -fflags +bitexact -map_metadata -1 "$out"
