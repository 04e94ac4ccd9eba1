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
shot=2   # seconds per shot

# clip NAME GRAPH1 GRAPH2 GRAPH3: three shots (each a lavfi graph producing RGB), cut together.
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

# "Her"-like: warm reds, corals, peach and cream; blue graded out of every shot.
clip her_like \
  "gradients=s=$size:r=$rate:c0=0xB5483A:c1=0xE8A87C:c2=0xF3D9B1:c3=0xC7633F:nb_colors=4:speed=0.03:seed=7" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.95:rg=0.15:gg=0.45:gr=0.4:bb=0.2:br=0.35:bg=0.1" \
  "mandelbrot=s=$size:r=$rate:maxiter=200,colorchannelmixer=rr=0.9:rb=0.3:rg=0.2:gg=0.35:gr=0.45:gb=0.1:bb=0.2:br=0.25"

# Science-fiction-like: teal, steel and electric blue.
clip scifi_like \
  "gradients=s=$size:r=$rate:c0=0x0B1D51:c1=0x1E6FD9:c2=0x00C2D1:c3=0x5A7BA8:nb_colors=4:speed=0.03:seed=7" \
  "testsrc2=s=$size:r=$rate,colorchannelmixer=rr=0.35:rb=0.2:gg=0.8:gb=0.3:bb=1.0:br=0.3:bg=0.2" \
  "mandelbrot=s=$size:r=$rate:maxiter=200,colorchannelmixer=rr=0.3:rg=0.1:gg=0.7:gb=0.4:bb=1.0:br=0.5"
