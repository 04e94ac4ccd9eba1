#!/usr/bin/env bash
# Generates the clips the tests measure, deterministically, with FFmpeg's lavfi sources.
# Usage: make_test_media.sh OUTDIR
# Every clip's content is known exactly (solid colours, split frames), so the tests can compute
# the expected hue independently. Lossless FFV1 keeps the codec out of the known answers; the
# H.264 clips check the ordinary lossy path.
set -euo pipefail
out=${1:?usage: make_test_media.sh OUTDIR}
mkdir -p "$out"
ff() { ffmpeg -nostdin -v error -y "$@"; }

# encode NAME SOURCE_GRAPH MATRIX RANGE PIXFMT [extra ffmpeg args...]
# The graph makes RGB; the scale filter converts it with the named matrix and range, and the
# stream is tagged to match (BT.709 transfer and primaries unless overridden by the extra args).
encode() {
  local name=$1 graph=$2 matrix=$3 range=$4 pixfmt=$5; shift 5
  local tag_matrix=$matrix
  [[ $matrix == bt601 ]] && tag_matrix=smpte170m
  local tag_range=tv; [[ $range == pc ]] && tag_range=pc
  ff -f lavfi -i "$graph,format=rgb24,scale=out_color_matrix=$matrix:out_range=$range,format=$pixfmt" \
     -frames:v 3 -c:v ffv1 -colorspace "$tag_matrix" -color_range "$tag_range" \
     -color_primaries bt709 -color_trc bt709 "$@" "$out/$name.mkv"
}

solid() { echo "color=c=0x$1:s=64x48:r=24"; }

for colour in 0000FF FF8000 00FF00 808080; do
  encode "solid_${colour}_709_tv_8" "$(solid $colour)" bt709 tv yuv420p
done
# Half blue (left), half orange (right).
split="color=c=0x0000FF:s=32x48:r=24[l];color=c=0xFF8000:s=32x48:r=24[r];[l][r]hstack"
encode split_blue_orange "$split" bt709 tv yuv444p

# The same two colours through every matrix / range / bit depth combination.
for colour in FF8000 3366CC; do
  for matrix in bt601 bt709; do
    for range in tv pc; do
      encode "enc_${colour}_${matrix}_${range}_8" "$(solid $colour)" $matrix $range yuv420p
      encode "enc_${colour}_${matrix}_${range}_10" "$(solid $colour)" $matrix $range yuv420p10le
    done
  done
done

# OKLCh hues 350.0 (FF00A9) and 9.9 (FF0068) degrees as sRGB: a circular mean near 0, a linear one near 180.
ff -f lavfi -i "color=c=0xFF00A9:s=32x48:r=24[l];color=c=0xFF0068:s=32x48:r=24[r];[l][r]hstack,format=gbrp" \
   -frames:v 3 -c:v ffv1 -color_trc iec61966-2-1 -color_primaries bt709 "$out/split_red_wrap.mkv"

# sRGB-tagged RGB (no matrix at all).
ff -f lavfi -i "$(solid FF8000),format=gbrp" -frames:v 3 -c:v ffv1 -color_trc iec61966-2-1 \
   -color_primaries bt709 "$out/rgb_FF8000_srgb.mkv"

# Every chroma layout, planar, semi-planar and packed. Matroska stores only some pixel formats as
# raw video; the others go through lossless FFV1.
for pixfmt in yuv444p yuv422p10le yuv411p nv12 uyvy422 yuyv422 gray; do
  codec=rawvideo
  [[ $pixfmt == yuv444p || $pixfmt == yuv422p10le ]] && codec=ffv1
  ff -f lavfi -i "$(solid 3366CC),format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=$pixfmt" \
     -frames:v 3 -c:v $codec -colorspace bt709 -color_range tv -color_primaries bt709 \
     -color_trc bt709 "$out/layout_$pixfmt.mkv"
done

# Two video streams: blue first, orange second (for --stream).
ff -f lavfi -i "$(solid 0000FF),format=yuv444p" -f lavfi -i "$(solid FF8000),format=yuv444p" \
   -map 0:v -map 1:v -frames:v 3 -c:v ffv1 "$out/two_streams.mkv"

# Variable frame rate: frames at 0, 1/24, 2/24, then 0.5 s and 1.0 s.
ff -f lavfi -i "$(solid 3366CC)" -vf "setpts='if(lt(N,3),N/24,(N-2)*0.5)/TB'" -frames:v 5 \
   -fps_mode vfr -c:v ffv1 "$out/vfr.mkv"

# Untagged H.264: 480 lines (BT.601 assumed) and 720 lines (BT.709 assumed), each encoded with the
# matrix the convention predicts.
ff -f lavfi -i "color=c=0x3366CC:s=640x480:r=24,format=rgb24,scale=out_color_matrix=bt601:out_range=tv,format=yuv420p" \
   -frames:v 6 -c:v libx264 -qp 0 "$out/untagged_480.mp4"
ff -f lavfi -i "color=c=0x3366CC:s=1280x720:r=24,format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
   -frames:v 6 -c:v libx264 -qp 0 "$out/untagged_720.mp4"

# A tagged H.264 clip with a moving picture.
ff -f lavfi -i "testsrc2=s=320x240:r=24:d=2,format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
   -c:v libx264 -preset veryfast -colorspace bt709 -color_range tv -color_primaries bt709 \
   -color_trc bt709 "$out/testsrc_709.mp4"
# Long enough (10 s of 720p) to be interrupted midway.
ff -f lavfi -i "testsrc2=s=1280x720:r=24:d=10,format=yuv420p" -c:v libx264 -preset ultrafast \
   -colorspace bt709 -color_range tv -color_primaries bt709 -color_trc bt709 "$out/long_720.mp4"
# Interlaced 4:2:0: the top field blue, the bottom field orange (field-wise chroma subsampling).
ff -f lavfi -i "color=c=0x0000FF:s=64x24:r=25,format=rgb24[a];color=c=0xFF8000:s=64x24:r=25,format=rgb24[b];[a][b]vstack,scale=out_color_matrix=bt709:out_range=tv,format=yuv444p,il=l=i:c=i,scale=interl=1,format=yuv420p,setfield=tff" \
   -frames:v 3 -c:v libx264 -qp 0 -flags +ildct+ilme -x264opts tff=1 -colorspace bt709 \
   -color_primaries bt709 -color_trc bt709 -color_range tv "$out/interlaced_fields.mp4"

# HDR10 from x265 with SMPTE ST 2086 mastering display and CTA-861.3 light level metadata.
ff -f lavfi -i "$(solid 808080)" -frames:v 3 -pix_fmt yuv420p10le -c:v libx265 \
   -x265-params "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1):max-cll=1000,400" \
   "$out/hdr10_metadata.mkv"

# A matrix huescope refuses to guess at (YCgCo), to check the refusal path.
ff -f lavfi -i "$(solid FF8000),format=yuv444p" -frames:v 3 -c:v ffv1 -colorspace ycgco "$out/ycgco_tagged.mkv"

# Shots, palettes, barcodes, letterbox (issue 4).
bash "$(dirname "$0")/make_shot_edit.sh" "$out" a > /dev/null
bash "$(dirname "$0")/make_shot_edit.sh" "$out" b > /dev/null
bash "$(dirname "$0")/make_blue_edit.sh" "$out"
# Real footage cut into edits with known boundaries, and a slow hue drift with no cut (issue 17).
bash "$(dirname "$0")/make_real_edits.sh" "$out/real_edits" > /dev/null
bash "$(dirname "$0")/make_hue_drift.sh" "$out/hue_drift.mp4" 30 640x360
# Three colours in known proportions: 50% #C0392B, 30% #2E86C1, 20% #F1C40F.
ff -f lavfi -i "color=c=0xC0392B:s=320x360:r=24[a];color=c=0x2E86C1:s=192x360:r=24[b];color=c=0xF1C40F:s=128x360:r=24[c];[a][b][c]hstack=inputs=3,format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv444p" \
   -frames:v 3 -c:v ffv1 -colorspace bt709 -color_range tv -color_primaries bt709 -color_trc bt709 "$out/palette_three.mkv"
# A one-pixel black/white checkerboard in 4:2:0: each chroma sample covers two black and two white.
ff -f lavfi -i "nullsrc=s=64x64:r=24,format=yuv420p,geq=lum='if(mod(X+Y\,2)\,235\,16)':cb=128:cr=128" \
   -frames:v 2 -c:v ffv1 -colorspace bt709 -color_range tv -color_primaries bt709 -color_trc bt709 "$out/checkerboard.mkv"
# The same picture with and without letterbox bars (640x272 in 640x360).
ff -f lavfi -i "testsrc2=s=640x272:r=24,format=rgb24,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p" \
   -frames:v 6 -c:v ffv1 -colorspace bt709 -color_range tv -color_primaries bt709 -color_trc bt709 "$out/scope.mkv"
ff -i "$out/scope.mkv" -vf "pad=640:360:0:44:black" -c:v ffv1 -colorspace bt709 -color_range tv \
   -color_primaries bt709 -color_trc bt709 "$out/scope_letterboxed.mkv"

# Not video at all.
printf 'this is not a video\n' > "$out/not_video.mp4"
: > "$out/empty.mp4"
echo "test media written to $out"
