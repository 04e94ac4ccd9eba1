#!/usr/bin/env bash
# Cuts the real film excerpts into new edits whose shot boundaries are known exactly, for the
# shot-detection tests and benchmarks. FFmpeg only. Usage: make_real_edits.sh OUTDIR
#
# Writes OUTDIR/<edit>.mp4 (640x360, 24 fps, H.264 yuv420p tagged BT.709, no audio) and
# OUTDIR/edits_truth.json:
#   {"<file name>": {"cuts": [frame, ...], "gradual": [[first, last], ...],
#                    "no_cut_ranges": [[a, b], ...]}}
# Frames count decoded frames from 0; a cut at N means frame N is the first frame of the new shot.
# A gradual span [first, last] covers every frame that mixes the two shots (dissolve) or is faded
# (fade through black: the faded-out tail of one shot and the faded-in head of the next).
# no_cut_ranges are inclusive spans where something happens that is not a shot boundary (a flash,
# a car filling the frame, a hue drift, a fast pan); they run to the first frame after the event,
# because a detector that fires on the return to normal is wrong too.
#
# Sources (frame numbers of the source, 0-based, checked on frame strips):
#   Tears of Steel excerpt: shots 0-20 (robot close-up), 21-64 (man on a bridge), 65-184 (lab,
#     magenta/green), 185-239 (robot hologram turning into a woman's face, hard flicker 190-213).
#   Caminandes excerpt: one static shot 0-239; cars pass in front at 103-112 and 210-226.
#   Megamind.avi (opencv-doc; 720x528, 23.976 fps, untagged SD, taken as BT.601): frame 0 is black,
#     shots 1-97 (woman), 98-153 (man), 154-199 (woman, reverse angle), 200-269 (man, close-up).
#     Retimed to 24 fps frame for frame, pillarboxed to 640x360.
#   vtest.avi (opencv-doc; 768x576, 10 fps, one static surveillance shot): resampled to 24 fps by
#     repeating frames (2-3 copies of each), pillarboxed.
#   building.jpg (opencv-doc photograph) for a fast pan.
# Every segment is picked by decoded frame number (trim=start_frame:end_frame) and re-stamped
# N/24, so the truth is exact; the script checks every edit's frame count at the end.
set -euo pipefail
out=${1:?usage: make_real_edits.sh OUTDIR}
media=${HUESCOPE_REAL_MEDIA:-$(cd "$(dirname "$0")/../../samples/real" && pwd)}
ocv=${HUESCOPE_OPENCV_DATA:-/usr/share/doc/opencv-doc/examples/data}
tos="$media/tears_of_steel_excerpt.mp4"
cam="$media/caminandes_llama_drama_excerpt.mp4"
mega="$ocv/Megamind.avi"
vtest="$ocv/vtest.avi"
photo="$ocv/building.jpg"
for f in "$tos" "$cam" "$mega" "$vtest" "$photo"; do
  [[ -r $f ]] || { echo "make_real_edits.sh: missing source $f" >&2; exit 1; }
done
mkdir -p "$out"
rate=24
W=640
H=360
fit="scale=$W:$H:force_original_aspect_ratio=decrease,pad=$W:$H:-1:-1:black,setsar=1"

# ---- timeline bookkeeping -------------------------------------------------------------------
# An edit is one filter graph: pieces are labelled streams ([p0], [p1], ...) of known length;
# joins chain them into [e1], [e2], ... while the truth is recorded in edit frame numbers.
start_edit() {
  name=$1 inputs=() graph="" pieces=0 pieces_in=0 joins=0 cur="" total=0
  cuts=() gradual=() nocut=()
}
# piece LEN INPUT_ARGS... -- CHAIN: adds one input and the chain that makes exactly LEN frames
# of it; sets $piece to its label.
piece() {
  local len=$1; shift
  local args=()
  while [[ $1 != -- ]]; do args+=("$1"); shift; done
  shift
  local k=$pieces_in
  inputs+=("${args[@]}")
  pieces_in=$((pieces_in + 1))
  piece="p$pieces"; pieces=$((pieces + 1))
  # The final trim makes the length exact whatever the chain does; the format and time base make
  # every piece joinable (concat, xfade need the same size, format, time base and rate).
  graph+="[$k:v]$1,trim=end_frame=$len,settb=1/$rate,setpts=N,setsar=1,format=yuv420p[$piece];"
  piece_len=$len
}
# clip LEN FILE FIRST [KIND [EXTRA]]: LEN frames of FILE from decoded frame FIRST. KIND hd (already
# 640x360, BT.709), sd (BT.601 to BT.709, fitted), vt (vtest: 10 fps resampled to 24). EXTRA is a
# filter chain applied to the piece (its n and t count from the piece's first frame).
clip() {
  local len=$1 file=$2 first=$3 kind=${4:-hd} extra=${5:-} chain
  case $kind in
    hd) chain="trim=start_frame=$first:end_frame=$((first + len)),setpts=N/$rate/TB,$fit" ;;
    sd) chain="trim=start_frame=$first:end_frame=$((first + len)),setpts=N/$rate/TB,colormatrix=bt601:bt709,$fit" ;;
    # FFmpeg's fps filter drops the last frame of a trimmed stream: take two source frames more.
    vt) chain="trim=start_frame=$first:end_frame=$((first + len * 10 / rate + 2)),setpts=PTS-STARTPTS,fps=$rate,colormatrix=bt601:bt709,$fit" ;;
  esac
  # -r before -i: the decoder's frames are numbered at 24 fps (Megamind is 23.976), and the link's
  # frame rate is 24, which xfade requires of both its inputs.
  local rin=()
  [[ $kind == vt ]] || rin=(-r $rate)
  piece "$len" "${rin[@]}" -i "$file" -- "$chain${extra:+,$extra}"
}
# Joins: each appends the last piece made to the edit so far.
join_cut() {
  if [[ -z $cur ]]; then cur=$piece total=$piece_len; return; fi
  joins=$((joins + 1))
  graph+="[$cur][$piece]concat=n=2:v=1:a=0,settb=1/$rate[e$joins];"
  cuts+=("$total")
  cur="e$joins" total=$((total + piece_len))
}
join_dissolve() {  # FRAMES: a cross-dissolve over the last FRAMES frames of the edit so far
  local n=$1
  joins=$((joins + 1))
  graph+="[$cur][$piece]xfade=transition=fade:duration=$(awk "BEGIN{printf \"%.6f\", $n/$rate}")"
  graph+=":offset=$(awk "BEGIN{printf \"%.6f\", ($total-$n)/$rate}")[e$joins];"
  gradual+=("[$((total - n)), $((total - 1))]")
  cur="e$joins" total=$((total + piece_len - n))
}
join_fade() {  # FRAMES: fade out over the last FRAMES frames, fade in over the first FRAMES
  local n=$1
  joins=$((joins + 1))
  graph+="[$cur]fade=t=out:start_frame=$((total - n)):nb_frames=$n[o$joins];"
  graph+="[$piece]fade=t=in:start_frame=0:nb_frames=$n[i$joins];"
  graph+="[o$joins][i$joins]concat=n=2:v=1:a=0,settb=1/$rate[e$joins];"
  gradual+=("[$((total - n)), $((total + n - 1))]")
  cur="e$joins" total=$((total + piece_len))
}
# no_cut A B: an event that is not a boundary, frames A..B of the piece that was just joined.
no_cut() { local base=$((total - piece_len)); nocut+=("[$((base + $1)), $((base + $2))]"); }

truth_entries=()
finish_edit() {
  local file="$name.mp4"
  ffmpeg -nostdin -v error -y "${inputs[@]}" -filter_complex "${graph}[$cur]null[v]" -map "[v]" \
    -fps_mode passthrough -r $rate -c:v libx264 -preset veryfast -crf 18 -threads 1 -pix_fmt yuv420p \
    -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv \
    -flags +bitexact -fflags +bitexact -map_metadata -1 -movflags +faststart "$out/$file"
  local got
  got=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets \
        -of csv=p=0 "$out/$file")
  if [[ $got != "$total" ]]; then
    echo "make_real_edits.sh: $file has $got frames, expected $total" >&2; exit 1
  fi
  local IFS=,
  truth_entries+=("  \"$file\": {\"frames\": $total, \"cuts\": [${cuts[*]}], \"gradual\": [${gradual[*]}], \"no_cut_ranges\": [${nocut[*]}]}")
  echo "$file: $total frames, cuts ${cuts[*]:-none}, gradual ${gradual[*]:-none}"
}

# ---- 1. Megamind shot/reverse-shot, re-ordered: hard cuts between near-identical palettes ----
start_edit megamind_reverse_shots
clip 46 "$mega" 154 sd; join_cut       # woman, reverse angle
clip 56 "$mega" 98 sd;  join_cut       # man
clip 97 "$mega" 1 sd;   join_cut       # woman
clip 70 "$mega" 200 sd; join_cut       # man, close-up
clip 43 "$mega" 98 sd;  join_cut       # man, wider again
finish_edit

# ---- 2. Tears of Steel re-ordered, with cuts to and from the other films ----
start_edit tears_mixed_films
clip 60 "$tos" 65;        join_cut     # lab
clip 21 "$tos" 0;         join_cut     # robot close-up
clip 51 "$mega" 200 sd;   join_cut     # Megamind man, pillarboxed
clip 44 "$tos" 21;        join_cut     # man on the bridge
clip 61 "$cam" 0;         join_cut     # llama
clip 55 "$tos" 185;       join_cut     # hologram: flickers hard, morphs into a face; one shot
no_cut 1 54
clip 60 "$mega" 1 sd;     join_cut     # Megamind woman
finish_edit

# ---- 3. gradual transitions between real shots ----
start_edit gradual_transitions
clip 96 "$cam" 0;         join_cut
clip 120 "$tos" 65;       join_dissolve 18   # llama -> lab
clip 70 "$mega" 200 sd;   join_fade 12       # lab -> black -> Megamind man
clip 97 "$mega" 1 sd;     join_dissolve 24   # man -> woman: same restaurant, same palette
clip 44 "$tos" 21;        join_cut
finish_edit

# ---- 4. flashes, which are not cuts ----
# A one-frame white frame, and a camera-flash-like brightening over three frames (strong, then
# decaying); plus the cars in the Caminandes shot.
flash="drawbox=c=white:t=fill:enable='eq(n,60)'"
camflash="eq=eval=frame:brightness='if(eq(n,150),0.5,if(eq(n,151),0.3,if(eq(n,152),0.12,0)))':contrast='if(between(n,150,152),0.7,1)'"
start_edit flashes
clip 240 "$cam" 0 hd "$flash,$camflash"; join_cut
no_cut 60 61; no_cut 103 113; no_cut 150 153; no_cut 210 227
vflash="eq=eval=frame:brightness='if(eq(n,100),0.45,if(eq(n,101),0.25,if(eq(n,102),0.1,0)))',drawbox=c=white:t=fill:enable='eq(n,150)'"
clip 192 "$vtest" 0 vt "$vflash"; join_cut   # surveillance camera, people walking
no_cut 100 103; no_cut 150 151
finish_edit

# ---- 5. slow continuous changes inside real shots ----
start_edit slow_changes
clip 240 "$cam" 0 hd "hue=h=10*t"; join_cut             # hue turns 100 degrees over 10 s
no_cut 1 239
clip 120 "$tos" 65 hd "eq=eval=frame:brightness='-0.3*n/119'"; join_cut   # darkens over 5 s
no_cut 1 119
clip 97 "$mega" 1 sd "eq=eval=frame:gamma='1+0.8*n/96':saturation='1-0.5*n/96'"; join_cut  # brightens, washes out
no_cut 1 96
finish_edit

# ---- 6. fast pan and zoom ----
# A pan over a photograph (bouncing at the edges), a zoom into one real frame, and a pan over the
# real Caminandes shot blown up to twice its size.
start_edit pan_zoom
piece 120 -framerate $rate -i "$photo" -- "format=rgb24,scale=1600:-2,loop=loop=119:size=1:start=0,crop=$W:$H:'abs(mod(n*40,2*(iw-ow))-(iw-ow))':'abs(mod(n*14,2*(ih-oh))-(ih-oh))',scale=out_color_matrix=bt709:out_range=tv"
join_cut
no_cut 1 119
piece 96 -i "$tos" -- "trim=start_frame=40:end_frame=41,scale=2560:1440,zoompan=z='1+2*on/95':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=96:s=${W}x$H:fps=$rate,setsar=1"
join_cut
no_cut 1 95
clip 96 "$cam" 120 hd "scale=1280:720,crop=$W:$H:'abs(mod(n*24,1280)-640)':'abs(mod(n*9,720)-360)'"
join_cut
no_cut 1 95
finish_edit

{
  echo "{"
  for i in "${!truth_entries[@]}"; do
    if (( i + 1 < ${#truth_entries[@]} )); then echo "${truth_entries[$i]},"; else echo "${truth_entries[$i]}"; fi
  done
  echo "}"
} > "$out/edits_truth.json"
echo "truth -> $out/edits_truth.json"
