#!/usr/bin/env bash
# Seed corpora for the fuzz targets, made with FFmpeg's lavfi sources: tiny files of the
# containers and codecs users bring, and small EXR files (FFmpeg's EXR encoder).
# Usage: make_seeds.sh DIR   (writes DIR/decode and DIR/exr)
set -euo pipefail
dir=$(mkdir -p "$1" && cd "$1" && pwd)
mkdir -p "$dir/decode" "$dir/exr"
ff() { ffmpeg -nostdin -v error -y "$@"; }
src="testsrc2=s=64x64:r=24:d=0.25"  # x265 aborts on pictures smaller than a 64x64 CTU
cd "$dir/decode"
ff -f lavfi -i "$src" -pix_fmt yuv420p -c:v libx264 -g 3 h264.mp4
ff -f lavfi -i "$src" -pix_fmt yuv420p -c:v libx264 -g 3 -f mpegts h264.ts
ff -f lavfi -i "$src" -pix_fmt yuv420p10le -c:v libx265 -x265-params log-level=error hevc10.mkv
ff -f lavfi -i "$src" -pix_fmt yuv422p -c:v mpeg2video mpeg2.mpg
ff -f lavfi -i "$src" -pix_fmt yuv444p -c:v ffv1 ffv1.mkv
ff -f lavfi -i "$src" -c:v prores_ks -profile:v 2 prores.mov
ff -f lavfi -i "$src" -pix_fmt rgb24 -c:v png png.mkv
ff -f lavfi -i "$src" -pix_fmt yuv420p -f yuv4mpegpipe raw.y4m
ff -f lavfi -i "$src" -pix_fmt yuv420p -c:v mjpeg mjpeg.avi
cd "$dir/exr"
ff -f lavfi -i "testsrc2=s=32x16:r=24:d=0.05" -pix_fmt gbrpf32le -c:v exr -compression none \
  -frames:v 1 float.exr
ff -f lavfi -i "testsrc2=s=32x16:r=24:d=0.05" -pix_fmt gbrpf32le -c:v exr -compression zip1 \
  -format half -frames:v 1 half_zip.exr
# Written last: run_fuzzers.sh remakes seeds that a failed run left incomplete.
touch "$dir/.complete"
