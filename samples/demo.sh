#!/usr/bin/env bash
# The README's first command: installs what is missing, builds huescope, makes the synthetic sample
# footage and measures it and the real film excerpts (samples/real: Tears of Steel, Caminandes;
# Megamind.avi from Debian's opencv-doc), leaving for each a palette report (report.html,
# report.pdf), its shots (shots.csv) and the data in samples/out/<clip>/, and compares the two
# synthetic films (samples/out/compare/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HUESCOPE_BUILD_DIR:-$root/build}
bash "$root/.ci/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel  # everything: CLI, desktop app, plugins, tests
bash "$root/samples/make_samples.sh" "$root/samples/media"
huescope="$build/app/cli/huescope"
megamind=/usr/share/doc/opencv-doc/examples/data/Megamind.avi
declare -A inputs=(
  [her_like]="$root/samples/media/her_like.mp4"
  [scifi_like]="$root/samples/media/scifi_like.mp4"
  [tears_of_steel]="$root/samples/real/tears_of_steel_excerpt.mp4"
  [caminandes]="$root/samples/real/caminandes_llama_drama_excerpt.mp4"
  [megamind]="$megamind"
)
clips=(her_like scifi_like tears_of_steel caminandes megamind)
for clip in "${clips[@]}"; do
  "$huescope" analyze "${inputs[$clip]}" -o "$root/samples/out/$clip" --report
done
# The question huescope was born from: has the Her-like film less blue than the sci-fi one?
"$huescope" compare "$root/samples/out/her_like" "$root/samples/out/scifi_like" \
  -o "$root/samples/out/compare" --report -q
echo
echo "Palette reports (open in a browser or a PDF viewer):"
for clip in "${clips[@]}"; do
  echo "  $root/samples/out/$clip/report.html  (and report.pdf; shots: shots.csv)"
done
echo "Desktop app: $build/app/gui/huescope-gui $root/samples/media/her_like.mp4 $root/samples/real/tears_of_steel_excerpt.mp4"
echo "Comparison report:"
echo "  $root/samples/out/compare/compare.html"
echo "  $root/samples/out/compare/compare.pdf"
echo "Data: summary.json, frames.csv, shots.csv, hue_time.exr, barcode.png/.exr, hue_barcode.png beside them"
