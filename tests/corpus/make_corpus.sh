#!/usr/bin/env bash
# A generated corpus for the batch, index and Slurm tests, and for the scale figures in
# docs/corpus.md: N short films of different hues, cuts and lengths, a list file with years,
# a damaged file and a second copy of the first film.
# Usage: make_corpus.sh OUTDIR [N [SECONDS [SIZE]]]   (defaults: 8 films of 1-2 s at 160x90)
set -euo pipefail
out=${1:?usage: make_corpus.sh OUTDIR [N [SECONDS [SIZE]]]}
n=${2:-8}
seconds=${3:-1}
size=${4:-160x90}
mkdir -p "$out/films"
ff() { ffmpeg -nostdin -v error -y "$@"; }
list="$out/list.txt"
: > "$list.tmp"
for ((i = 1; i <= n; i++)); do
  name=$(printf 'film%03d.mp4' "$i")
  # Two shots: a test pattern turned by a hue that depends on i, then a solid colour (a cut).
  hue=$(( (i * 47) % 360 ))
  len=$(( seconds + i % 2 ))
  colour=$(printf '0x%02x%02x%02x' $(( (i * 53) % 256 )) $(( (i * 97) % 256 )) $(( (i * 29) % 256 )))
  if [[ ! -s "$out/films/$name" ]]; then
    ff -f lavfi -i "testsrc2=s=$size:r=24:d=$len,hue=h=$hue" \
       -f lavfi -i "color=c=$colour:s=$size:r=24:d=$len" \
       -filter_complex "[0][1]concat=n=2:v=1:a=0,format=yuv420p" \
       -c:v libx264 -preset veryfast -g 48 -colorspace bt709 -color_range tv \
       -color_primaries bt709 -color_trc bt709 "$out/films/$name.part.mp4"
    mv "$out/films/$name.part.mp4" "$out/films/$name"
  fi
  printf 'films/%s\tyear=%d\n' "$name" $(( 1975 + (i * 7) % 40 )) >> "$list.tmp"
done
printf 'not a video at all\n' > "$out/films/damaged.mp4"
cp "$out/films/film001.mp4" "$out/films/copy_of_film001.mp4"
printf 'films/damaged.mp4\tyear=1999\nfilms/copy_of_film001.mp4\n' >> "$list.tmp"
mv "$list.tmp" "$list"
