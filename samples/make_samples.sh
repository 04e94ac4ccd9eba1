#!/usr/bin/env bash
# Generates huescope's demo footage with FFmpeg's lavfi sources: deterministic (single-threaded
# x264 at a fixed quality), tagged BT.709 (matrix, transfer, primaries, limited range), and made
# here, so nothing is downloaded. Usage: make_samples.sh [OUTDIR]   (default: samples/media)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/media}
mkdir -p "$out"

size=640x360
rate=24
shot=1.25   # seconds per shot: ten shots, enough for compare to resample

# clip NAME GRAPH...: one shot per lavfi graph (each producing RGB), cut together.
clip() {
  local name=$1; shift
  local inputs=() n=0
  for graph in "$@"; do
    inputs+=(-f lavfi -i "$graph,format=rgb24,trim=duration=$shot,setpts=PTS-STARTPTS")
    n=$((n + 1))
  done
  local concat=""
  for ((i = 0; i < n; i++)); do concat+="[$i:v]"; done
  ffmpeg -nostdin -v error -y "${inputs[@]}" \
    -filter_complex "${concat}concat=n=$n:v=1:a=0,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
    -c:v libx264 -threads 1 -preset medium -crf 18 -g 48 \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv \
    -movflags +faststart "$out/$name.mp4"
  echo "wrote $out/$name.mp4"
}

# "Her"-like: warm reds, corals, peach and cream; blue graded out of nearly every shot (one
# shot keeps a cool window, as real films do).
g="gradients=s=$size:r=$rate:nb_colors=4:speed=0.03"
clip her_like \
  "$g:c0=0xB5483A:c1=0xE8A87C:c2=0xF3D9B1:c3=0xC7633F:seed=7" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.95:rg=0.15:gg=0.45:gr=0.4:bb=0.2:br=0.35:bg=0.1" \
  "$g:c0=0xD9734E:c1=0xF2C29B:c2=0x8C3B2E:c3=0xE0A060:seed=3" \
  "mandelbrot=s=$size:r=$rate:maxiter=200,colorchannelmixer=rr=0.9:rb=0.3:rg=0.2:gg=0.35:gr=0.45:gb=0.1:bb=0.2:br=0.25" \
  "$g:c0=0xC85A54:c1=0xF5E1C8:c2=0xA44A3F:c3=0xE9B98A:seed=11" \
  "$g:c0=0xE3B27A:c1=0x7A8F9A:c2=0xF0D8B8:c3=0xB8674A:seed=5" \
  "$g:c0=0x9E3D2F:c1=0xD88A5B:c2=0xF4CFA0:c3=0xB04A36:seed=13" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.9:rg=0.2:gg=0.55:gr=0.3:bb=0.25:br=0.3:bg=0.15" \
  "$g:c0=0xF08A5D:c1=0xF9D5A7:c2=0xC2452D:c3=0xE7A35C:seed=17" \
  "$g:c0=0xB8574B:c1=0xE6B89C:c2=0xD9935F:c3=0xF1E0C5:seed=19"

# Science-fiction-like: teal, steel and electric blue, with one warm interior.
clip scifi_like \
  "$g:c0=0x0B1D51:c1=0x1E6FD9:c2=0x00C2D1:c3=0x5A7BA8:seed=7" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.35:rb=0.2:gg=0.8:gb=0.3:bb=1.0:br=0.3:bg=0.2" \
  "$g:c0=0x12355B:c1=0x3F88C5:c2=0x9FD3E6:c3=0x1B998B:seed=3" \
  "mandelbrot=s=$size:r=$rate:maxiter=200,colorchannelmixer=rr=0.3:rg=0.1:gg=0.7:gb=0.4:bb=1.0:br=0.5" \
  "$g:c0=0x223A5E:c1=0x6C8EBF:c2=0x2EC4B6:c3=0x0E1A2B:seed=11" \
  "$g:c0=0xD98C3F:c1=0x4A6FA5:c2=0xF2C27B:c3=0x1F3B5C:seed=5" \
  "$g:c0=0x0D3B66:c1=0x3E92CC:c2=0x5FD0DF:c3=0x2A4E6E:seed=13" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.3:rb=0.25:gg=0.7:gb=0.35:bb=1.0:br=0.2:bg=0.25" \
  "$g:c0=0x16425B:c1=0x4C9BE8:c2=0x8FB8DE:c3=0x0B2545:seed=17" \
  "$g:c0=0x274C77:c1=0x6096BA:c2=0xA3CEF1:c3=0x1C7C7D:seed=19"
