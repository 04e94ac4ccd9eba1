#!/usr/bin/env bash
# An edit of ten short shots, each with some blue, and the same edit with its blues regraded
# toward orange (FFmpeg's huesaturation on the blue range): the pair `compare` must tell apart,
# in the right direction. Usage: make_blue_edit.sh OUTDIR
set -euo pipefail
out=${1:?usage: make_blue_edit.sh OUTDIR}
mkdir -p "$out"
size=320x180
rate=24
g="gradients=s=$size:r=$rate:nb_colors=3:speed=0.05"
shots=(
  "$g:c0=0x1E4FD9:c1=0xE8A87C:c2=0x3A5A8C:seed=1"
  "$g:c0=0x2B3F9E:c1=0x6FA8DC:c2=0xC7633F:seed=2"
  "testsrc2=s=$size:r=$rate"
  "$g:c0=0x4060C0:c1=0xD0B090:c2=0x203070:seed=3"
  "$g:c0=0x5A7BD8:c1=0x8C3B2E:c2=0x9FB8E8:seed=4"
  "mandelbrot=s=$size:r=$rate:maxiter=100"
  "$g:c0=0x3050A0:c1=0xF2C29B:c2=0x6080E0:seed=5"
  "$g:c0=0x1B3A8C:c1=0x4C9BE8:c2=0xB8674A:seed=6"
  "$g:c0=0x6C7FD0:c1=0xE0A060:c2=0x2A3F80:seed=7"
  "$g:c0=0x3F5FBF:c1=0x88A0E0:c2=0xA44A3F:seed=8"
)
inputs=() concat=""
for i in "${!shots[@]}"; do
  inputs+=(-f lavfi -i "${shots[$i]},format=rgb24,trim=duration=0.5,setpts=PTS-STARTPTS")
  concat+="[$i:v]"
done
# grade GRAPH NAME: the edit through GRAPH (RGB), encoded as tagged BT.709 H.264.
grade() {
  ffmpeg -nostdin -v error -y "${inputs[@]}" \
    -filter_complex "${concat}concat=n=${#shots[@]}:v=1:a=0,$1,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
    -c:v libx264 -threads 1 -crf 16 -g 24 \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv "$out/$2.mp4"
}
grade "null" blue_edit
# Blue (HSV 240 degrees) turned by +150 degrees lands on orange (30 degrees).
grade "huesaturation=hue=150:colors=b:strength=3" blue_edit_orange
