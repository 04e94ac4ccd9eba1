#!/usr/bin/env bash
# Scale figures for docs/corpus.md: `huescope batch` on a generated corpus of short films.
# Usage: benchmarks/corpus_scale.sh [FILMS [SECONDS [SIZE [BUILD]]]]   (default 120 films of
# 3-4 s at 640x360, build/). Prints the decode limit (ffmpeg -f null over every film), the batch
# with -j 1 and -j 2 (wall time, films/hour, frames/s, peak RSS), and the second run (no work).
set -euo pipefail
films=${1:-120}
seconds=${2:-3}
size=${3:-640x360}
build=${4:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
huescope="$here/$build/app/cli/huescope"
work=${TMPDIR:-/tmp}/huescope-corpus-scale
mkdir -p "$work"
bash "$here/tests/corpus/make_corpus.sh" "$work/corpus" "$films" "$seconds" "$size"
# Only the real films: the damaged file and the copy are for the tests.
grep -v -e damaged -e copy_of "$work/corpus/list.txt" > "$work/corpus/films.txt"
frames=0
for f in "$work"/corpus/films/film*.mp4; do
  n=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$f")
  frames=$((frames + n))
done
echo "corpus: $films films, $frames frames at $size ($(du -sh "$work/corpus/films" | cut -f1))"

seconds_of() { /usr/bin/time -f '%e %M' "$@" 2> "$work/time.txt" > /dev/null || true; tail -1 "$work/time.txt"; }

start=$(date +%s.%N)
for f in "$work"/corpus/films/film*.mp4; do ffmpeg -nostdin -v error -i "$f" -f null -; done
decode=$(echo "$(date +%s.%N) - $start" | bc)
printf 'decode limit (ffmpeg -f null, film after film): %.1f s\n' "$decode"

for jobs in 1 2; do
  rm -rf "$work/out-$jobs"
  read -r wall rss < <(seconds_of "$huescope" batch "$work/corpus/films.txt" -o "$work/out-$jobs" -j "$jobs" -q)
  printf -- '-j %d: %.1f s (%.2fx the decode limit), %.0f films/hour, %.0f frames/s, peak RSS %d MiB\n' \
    "$jobs" "$wall" "$(echo "$wall / $decode" | bc -l)" "$(echo "$films * 3600 / $wall" | bc -l)" \
    "$(echo "$frames / $wall" | bc -l)" $((rss / 1024))
done
read -r wall rss < <(seconds_of "$huescope" batch "$work/corpus/films.txt" -o "$work/out-2" -j 2 -q)
printf 'second run (nothing to do): %.2f s, peak RSS %d MiB\n' "$wall" $((rss / 1024))
