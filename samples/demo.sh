#!/usr/bin/env bash
# The README's first command: installs what is missing, builds huescope, makes the sample footage
# and measures it. Results land in samples/out/<clip>/ (summary.json, frames.csv, hue_time.exr).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HUESCOPE_BUILD_DIR:-$root/build}
bash "$root/.ci/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel --target huescope
bash "$root/samples/make_samples.sh" "$root/samples/media"
huescope="$build/app/cli/huescope"
for clip in her_like scifi_like; do
  "$huescope" analyze "$root/samples/media/$clip.mp4" -o "$root/samples/out/$clip"
done
echo
echo "Outputs: $root/samples/out/<clip>/summary.json, frames.csv, hue_time.exr"
