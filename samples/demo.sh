#!/usr/bin/env bash
# The README's first command: installs what is missing, builds huescope, makes the sample footage
# and measures it, leaving a palette report (report.html, report.pdf) and the data in
# samples/out/<clip>/, and compares the two films (samples/out/compare/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HUESCOPE_BUILD_DIR:-$root/build}
bash "$root/.ci/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel  # everything: CLI, desktop app, plugins, tests
bash "$root/samples/make_samples.sh" "$root/samples/media"
huescope="$build/app/cli/huescope"
for clip in her_like scifi_like; do
  "$huescope" analyze "$root/samples/media/$clip.mp4" -o "$root/samples/out/$clip" --report
done
# The question huescope was born from: has the Her-like film less blue than the sci-fi one?
"$huescope" compare "$root/samples/out/her_like" "$root/samples/out/scifi_like" \
  -o "$root/samples/out/compare" --report -q
echo
echo "Palette reports (open in a browser or a PDF viewer):"
for clip in her_like scifi_like; do
  echo "  $root/samples/out/$clip/report.html"
  echo "  $root/samples/out/$clip/report.pdf"
done
echo "Desktop app: $build/app/gui/huescope-gui $root/samples/media/her_like.mp4 $root/samples/media/scifi_like.mp4"
echo "Comparison report:"
echo "  $root/samples/out/compare/compare.html"
echo "  $root/samples/out/compare/compare.pdf"
echo "Data: summary.json, frames.csv, hue_time.exr, barcode.png/.exr, hue_barcode.png beside them"
