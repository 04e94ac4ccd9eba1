#!/usr/bin/env bash
# Shot detection on real footage with hand-checked truth: huescope against PySceneDetect's three
# detectors (detect-content, detect-adaptive, detect-hist, default settings), scored by
# benchmarks/score_shots.py (+-1 frame on cuts, anywhere in a gradual span, one match per item).
#
# Usage: benchmarks/shots_real.sh [--markdown] [--keep DIR] [--tools LIST] [HUESCOPE_BINARY]
#   HUESCOPE_BINARY  default build/app/cli/huescope
#   --markdown       print the table as Markdown (for docs)
#   --keep DIR       keep the merged truth, results.tsv and every tool's output in DIR
#   --tools LIST     comma-separated subset of huescope,content,adaptive,hist (default all)
# Clips: the excerpts in $HUESCOPE_REAL_MEDIA (default samples/real, truth from its
# SHOTS.json), the opencv-doc samples in $HUESCOPE_OPENCV_DATA (Megamind.avi and its damaged copy Megamind_bugy.avi; vtest.avi and
# tree.avi, each one static shot), and the edits tests/media/make_real_edits.sh cuts from them.
# PySceneDetect comes from $SCENEDETECT_PATH (default ../shared/peers beside the repository), run with /usr/bin/python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
markdown="" keep="" tools="huescope,content,adaptive,hist" huescope="$here/build/app/cli/huescope"
while (($#)); do
  case $1 in
    --markdown) markdown=--markdown ;;
    --keep) keep=${2:?--keep needs a folder}; shift ;;
    --tools) tools=${2:?--tools needs a list}; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "shots_real.sh: unknown option $1" >&2; exit 2 ;;
    *) huescope=$1 ;;
  esac
  shift
done
media=${HUESCOPE_REAL_MEDIA:-$here/samples/real}
ocv=${HUESCOPE_OPENCV_DATA:-/usr/share/doc/opencv-doc/examples/data}
peers=${SCENEDETECT_PATH:-$here/../shared/peers}
py=/usr/bin/python3
score="$here/benchmarks/score_shots.py"
if [[ ,$tools, == *,huescope,* && ! -x $huescope ]]; then
  echo "shots_real.sh: no huescope binary at $huescope" >&2; exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shots_real.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Truth: SHOTS.json, the opencv-doc clips, the edits.
bash "$here/tests/media/make_real_edits.sh" "$work/edits" > "$work/edits.log"
cat > "$work/extra_truth.json" <<EOF
{
  "$ocv/Megamind.avi": {"ignore": [[0, 1]]},
  "$ocv/Megamind_bugy.avi": {"ignore": [[0, 1]]},
  "$ocv/vtest.avi": {"cuts": [], "no_cut_ranges": [[0, 794]]},
  "$ocv/tree.avi": {"cuts": [], "no_cut_ranges": [[0, 67]]}
}
EOF
# Megamind's frame 0 is black and frame 1 starts the first shot: SHOTS.json does not call that a
# cut, nor is it a false one; a boundary at 0-1 is not scored (see the report's ignore note).
"$py" "$score" truth "$work/truth.json" "$media/SHOTS.json" "$work/extra_truth.json" \
  "$work/edits/edits_truth.json" > "$work/clips.tsv"

now() { date +%s.%N; }
results="$work/results.tsv"
: > "$results"
# record CLIP TOOL STATUS SECONDS BOUNDARIES
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }
since() { echo "$(now) - $1" | bc; }  # seconds since START (the tool's run only is timed)

run_huescope() {  # NAME PATH
  local out="$work/out/$1/huescope" t0 seconds status=ok found=""
  mkdir -p "$out"
  t0=$(now)
  local rc=0
  "$huescope" analyze "$2" -o "$out" -q > "$out.log" 2>&1 || rc=$?
  seconds=$(since "$t0")
  # Exit code 3 is a partial result (summary.json says what was lost, e.g. tree.avi's index
  # promises 444 frames and holds 68): its shots are still scored.
  if ((rc == 0 || rc == 3)); then
    ((rc == 0)) || status="ok, partial (exit 3)"
    if ! found=$("$py" "$score" boundaries huescope "$out/summary.json" 2>> "$out.log" | tr ' ' ':' | tr '\n' ' '); then
      status="no summary.json"
    fi
  else
    status="exit $rc: $(tail -1 "$out.log" | tr '\t' ' ' | cut -c1-60)"
  fi
  record "$1" huescope "$status" "$seconds" "$found"
}

run_scenedetect() {  # NAME PATH DETECTOR
  local out="$work/out/$1/$3" t0 seconds status=ok found="" rc=0
  mkdir -p "$out"
  t0=$(now)
  PYTHONPATH="$peers" "$py" -m scenedetect -q -i "$2" -o "$out" "detect-$3" \
    list-scenes -f scenes.csv -s > "$out.log" 2>&1 || rc=$?
  seconds=$(since "$t0")
  if ((rc == 0)); then
    if ! found=$("$py" "$score" boundaries scenedetect "$out/scenes.csv" 2>> "$out.log" | cut -d' ' -f1 | tr '\n' ' '); then
      status="no scenes.csv"
    fi
  else
    status="exit $rc: $(tail -1 "$out.log" | tr '\t' ' ' | cut -c1-60)"
  fi
  record "$1" "psd-$3" "$status" "$seconds" "$found"
}

while IFS=$'\t' read -r name path; do
  [[ -r $path ]] || { echo "shots_real.sh: missing clip $path" >&2; exit 1; }
  for tool in ${tools//,/ }; do
    case $tool in
      huescope) run_huescope "$name" "$path" ;;
      content|adaptive|hist) run_scenedetect "$name" "$path" "$tool" ;;
      *) echo "shots_real.sh: unknown tool $tool" >&2; exit 2 ;;
    esac
  done
done < "$work/clips.tsv"

"$py" "$score" score "$work/truth.json" "$results" $markdown
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  cp -r "$work/truth.json" "$results" "$work/out" "$keep/"
  cp "$work/edits/edits_truth.json" "$keep/"
fi
