#!/usr/bin/env bash
# Builds an edit with known shot boundaries for the shot-detection test: hard cuts (some between
# shots of similar colour), fades through black, cross-dissolves, and events that are not
# boundaries (a one-frame white flash, a fast pan). Writes OUTDIR/shot_edit.mkv and
# OUTDIR/shot_edit_truth.txt with one line per event:
#   cut FRAME | fade FIRST LAST BOUNDARY | dissolve FIRST LAST | flash FRAME | pan FIRST LAST
# (frame numbers of the edit, 0-based; FIRST..LAST span a gradual transition).
# VARIANT b is a second, different edit (shorter shots and transitions, another order) written as
# shot_edit_b.*: the detector's thresholds were tuned on variant a, so b checks they generalise.
set -euo pipefail
out=${1:?usage: make_shot_edit.sh OUTDIR [a|b]}
variant=${2:-a}
ff() { ffmpeg -nostdin -v error -y "$@"; }
size=320x180
rate=24
len=48
fade_frames=12
dissolve_frames=24
flash_at=24
suffix=""
if [[ $variant == b ]]; then
  len=40
  fade_frames=8
  dissolve_frames=18
  flash_at=10
  suffix="_b"
fi
work="$out/shot_edit${suffix}_parts"
rm -rf "$work"
mkdir -p "$work"

# segment NAME GRAPH: exactly $len frames of an RGB source, lossless.
segment() {
  ff -f lavfi -i "$2,format=rgb24,scale=$size,format=yuv420p" -frames:v $len -r $rate \
     -c:v ffv1 "$work/$1.mkv"
}
segment a "testsrc2=s=$size:r=$rate"
segment b "smptebars=s=$size:r=$rate"
segment c "mandelbrot=s=$size:r=$rate"
segment d "gradients=s=$size:r=$rate:c0=0x8a3b2c:c1=0xd9a066:nb_colors=2:seed=1:speed=0.01"
segment e "gradients=s=$size:r=$rate:c0=0x7a3525:c1=0xc99a60:nb_colors=2:seed=9:speed=0.01:type=radial"
segment f "rgbtestsrc=s=$size:r=$rate"
segment g "color=c=0x336699:s=$size:r=$rate,noise=alls=12:allf=t"
segment h "life=s=$size:r=$rate:mold=10:ratio=0.2:death_color=#C83232:life_color=#30A0FF:seed=3"
segment i "testsrc=s=$size:r=$rate"
segment j "smptehdbars=s=$size:r=$rate"
segment k "yuvtestsrc=s=$size:r=$rate"
segment l "gradients=s=$size:r=$rate:c0=0x1d6b3a:c1=0xe0e060:nb_colors=2:seed=4:speed=0.02"
segment m "gradients=s=$size:r=$rate:c0=0x5b2a86:c1=0x2aa0c0:nb_colors=2:seed=5:speed=0.02"
# Not boundaries: a white flash in the middle of a shot, and a fast pan across a large picture.
segment flash "testsrc2=s=$size:r=$rate,drawbox=c=white:t=fill:enable='eq(n,$flash_at)'"
# The picture is wide enough for the whole pan (48 frames of 40 px): a crop that wrapped back to
# its left edge would jump to another part of the picture, a cut in all but name.
segment pan "mandelbrot=s=2240x180:r=$rate:start_scale=1.5,crop=320:180:'n*40':0"

truth="$out/shot_edit${suffix}_truth.txt"
: > "$truth"
# The edit is one filter graph over the segments, encoded once: each step joins the edit so far
# ([eN]) with the next segment, by concatenation, fades or a cross-dissolve.
inputs=(-i "$work/a.mkv")
graph="[0:v]settb=1/$rate[s0];"
step=0
total=$len

# Every stream gets the same time base (1/24): xfade refuses inputs whose time bases differ.
next_input() {  # NAME -> sets $label to the new input's stream label
  inputs+=(-i "$work/$1.mkv")
  local n=$(( ${#inputs[@]} / 2 - 1 ))
  graph+="[$n:v]settb=1/$rate[s$n];"
  label="s$n"
}
previous() { if ((step == 0)); then echo "s0"; else echo "e$step"; fi; }

append_cut() {  # NEXT
  next_input "$1"
  graph+="[$(previous)][$label]concat=n=2:v=1,settb=1/$rate[e$((step + 1))];"
  step=$((step + 1))
  echo "cut $total" >> "$truth"
  total=$((total + len))
}

append_fade() {  # NEXT: frames out to black, then in from black
  local n=$fade_frames
  next_input "$1"
  graph+="[$(previous)]fade=t=out:s=$((total - n)):n=$n[o$step];[$label]fade=t=in:s=0:n=$n[i$step];"
  graph+="[o$step][i$step]concat=n=2:v=1,settb=1/$rate[e$((step + 1))];"
  step=$((step + 1))
  echo "fade $((total - n)) $((total + n - 1)) $total" >> "$truth"
  total=$((total + len))
}

append_dissolve() {  # NEXT: a cross-dissolve
  local n=$dissolve_frames
  next_input "$1"
  local offset
  offset=$(awk "BEGIN { printf \"%.6f\", ($total - $n) / $rate }")
  graph+="[$(previous)][$label]xfade=transition=fade:duration=$(awk "BEGIN { printf \"%.6f\", $n / $rate }"):offset=$offset,settb=1/$rate[e$((step + 1))];"
  step=$((step + 1))
  echo "dissolve $((total - n)) $((total - 1))" >> "$truth"
  total=$((total + len - n))
}

if [[ $variant == b ]]; then
  append_dissolve l
  append_cut f
  append_fade c
  append_cut flash
  echo "flash $((total - len + flash_at))" >> "$truth"
  append_dissolve j
  append_cut m
  append_cut h
  append_fade b
  append_dissolve g
  append_cut pan
  echo "pan $((total - len)) $((total - 1))" >> "$truth"
  append_cut k
  append_dissolve e
  append_cut i
  append_fade d
  append_cut a
else
append_cut b
append_cut c
append_dissolve d
append_cut e          # similar colours to d: a hard cut that a colour histogram barely sees
append_fade f
append_cut flash
echo "flash $((total - len + flash_at))" >> "$truth"
append_cut g
append_dissolve h
append_cut pan
echo "pan $((total - len)) $((total - 1))" >> "$truth"
append_fade i
append_cut j
append_dissolve k
append_cut l
append_fade m
append_dissolve a
append_cut c
fi

ff "${inputs[@]}" -filter_complex "${graph%;}" -map "[e$step]" -c:v ffv1 -colorspace bt709 \
   -color_primaries bt709 -color_trc bt709 -color_range tv "$out/shot_edit${suffix}.mkv"
rm -rf "$work"
echo "$total frames, $(wc -l < "$truth") events -> $out/shot_edit${suffix}.mkv"
