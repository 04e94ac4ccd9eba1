#!/usr/bin/env python3
"""Scores shot-boundary detections against hand-checked truth (benchmarks/shots_real.sh).

    score_shots.py boundaries huescope DIR/summary.json    -> detected boundaries, one a line
    score_shots.py boundaries scenedetect scenes.csv
    score_shots.py score TRUTH.json RESULTS.tsv [--markdown]
    score_shots.py truth OUT.json TRUTH.json...   -> merged truth keyed by file name; prints
                                                     `NAME<TAB>PATH` for every clip

Boundaries are 0-based frame numbers of the first frame of a new shot (the film's first frame is
not a boundary). `boundaries` prints `FRAME KIND` lines (KIND: cut, fade, dissolve, or `-`).

TRUTH.json: {"clip": {"cuts": [N, ...], "gradual": [[first, last], ...],
                       "no_cut_ranges": [[a, b], ...], "ignore": [[a, b], ...]}}
(all keys optional; `ignore` spans are where the truth does not say: a detection there is neither
found nor false). RESULTS.tsv: clip, tool, status (ok, "ok, NOTE" or an error), wall seconds, boundaries
(`FRAME[:KIND]` separated by spaces), tab-separated, one line per clip and tool.

Matching: a detection matches a cut if within +-1 frame, a gradual transition if within its span
widened by 1 frame each side; each truth item and each detection is matched at most once (a
maximum matching, nearer pairs tried first). Every unmatched detection is false; those inside a
no_cut_range are also counted apart (`in no-cut`). Found = matched truth items; missed = unmatched.
"""
import csv
import json
import sys

TOL = 1


def boundaries_huescope(path):
    with open(path) as f:
        summary = json.load(f)
    out = []
    for i, shot in enumerate(summary.get("shots", [])):
        start = int(shot["start_frame"])
        kind = shot.get("transition") or "-"
        if i == 0 or kind == "start":
            continue
        out.append((start, kind))
    return out


def boundaries_scenedetect(path):
    # list-scenes writes a timecode line first unless -s. "Start Frame" is 1-based and comes from
    # the frame's timestamp (OpenCV's CAP_PROP_POS_MSEC), not from counting decoded frames: on the
    # Tears of Steel MP4 the scene starting on decoded frame 21 says 22, but on Megamind.avi every
    # number is one more again (its first frame already says 2, its cut at 98 says 100). The first
    # scene always starts on the first decoded frame, so its number is the offset to remove.
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "Scene Number")
    header = rows[header_at]
    col = header.index("Start Frame")
    starts = [int(r[col]) for r in rows[header_at + 1:] if len(r) > col and r[col].strip()]
    if not starts:
        return []
    return [(s - starts[0], "-") for s in starts[1:]]


def match(truth, detections):
    """Maximum bipartite matching (Kuhn), nearer candidates first. Returns {det index: item}."""
    items = [("cut", c, c) for c in truth.get("cuts", [])]
    items += [("gradual", a, b) for a, b in truth.get("gradual", [])]

    def distance(frame, item):
        _, a, b = item
        if a - TOL <= frame <= b + TOL:
            return 0 if a <= frame <= b else min(abs(frame - a), abs(frame - b))
        return None

    cand = []
    for d, (frame, _) in enumerate(detections):
        options = [(distance(frame, it), k) for k, it in enumerate(items)]
        cand.append([k for dist, k in sorted(o for o in options if o[0] is not None)])
    owner = {}  # item index -> detection index

    def augment(d, seen):
        for k in cand[d]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or augment(owner[k], seen):
                owner[k] = d
                return True
        return False

    for d in range(len(detections)):
        augment(d, set())
    return items, {d: items[k] for k, d in owner.items()}


def inside(frame, spans):
    return any(a <= frame <= b for a, b in spans)


def score(truth, detections):
    ignore = truth.get("ignore", [])
    kept = [d for d in detections if not inside(d[0], ignore)]
    items, matched = match(truth, kept)
    false = [kept[d][0] for d in range(len(kept)) if d not in matched]
    kinds_right = sum(1 for d, it in matched.items()
                      if kept[d][1] != "-" and (kept[d][1] == "cut") == (it[0] == "cut"))
    kinds_known = sum(1 for d in matched if kept[d][1] != "-")
    return {
        "truth": len(items),
        "found": len(matched),
        "false": len(false),
        "false_in_no_cut": sum(1 for f in false if inside(f, truth.get("no_cut_ranges", []))),
        "missed": len(items) - len(matched),
        "ignored": len(detections) - len(kept),
        "false_frames": false,
        "missed_items": [it for k, it in enumerate(items) if it not in matched.values()],
        "kinds_right": kinds_right,
        "kinds_known": kinds_known,
    }


def prf(found, false, missed):
    p = found / (found + false) if found + false else 1.0
    r = found / (found + missed) if found + missed else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def describe(item):
    kind, a, b = item
    return str(a) if kind == "cut" else f"{a}-{b}"


def table(rows, markdown):
    head = ["clip", "tool", "truth", "found", "false", "(no-cut)", "missed", "P", "R", "F1",
            "kind ok", "wall s", "false at / missed"]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head) - 1)]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)) + "  " + str(r[-1])
    return "\n".join([fmt(head)] + [fmt(r) for r in rows])


def cmd_score(truth_path, results_path, markdown):
    with open(truth_path) as f:
        truth = json.load(f)
    results = []
    with open(results_path) as f:
        for line in f:
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            clip, tool, status, seconds = parts[:4]
            dets = []
            for tok in (parts[4] if len(parts) > 4 else "").split():
                frame, _, kind = tok.partition(":")
                dets.append((int(frame), kind or "-"))
            results.append((clip, tool, status, float(seconds), sorted(dets)))
    tools = list(dict.fromkeys(r[1] for r in results))
    totals = {t: {"truth": 0, "found": 0, "false": 0, "false_in_no_cut": 0, "missed": 0,
                  "kinds_right": 0, "kinds_known": 0, "seconds": 0.0, "failed": 0, "ignored": 0}
              for t in tools}
    rows = []
    for clip, tool, status, seconds, dets in results:
        if clip not in truth:
            sys.exit(f"score_shots.py: no truth for {clip}")
        tot = totals[tool]
        tot["seconds"] += seconds
        if not status.startswith("ok"):
            tot["failed"] += 1
            n = len(truth[clip].get("cuts", [])) + len(truth[clip].get("gradual", []))
            tot["truth"] += n
            tot["missed"] += n
            rows.append([clip, tool, n, "-", "-", "-", n, "-", "-", "-", "-", f"{seconds:.1f}",
                         f"FAILED: {status}"])
            continue
        s = score(truth[clip], dets)
        for k in ("truth", "found", "false", "false_in_no_cut", "missed", "kinds_right",
                  "kinds_known", "ignored"):
            tot[k] += s[k]
        p, r, f1 = prf(s["found"], s["false"], s["missed"])
        notes = []
        if s["false_frames"]:
            notes.append("false " + ",".join(map(str, s["false_frames"])))
        if s["missed_items"]:
            notes.append("missed " + ",".join(describe(i) for i in s["missed_items"]))
        if status != "ok":
            notes.append(status[2:].lstrip(", "))
        if s["ignored"]:
            notes.append(f"{s['ignored']} in ignore span")
        kind = f"{s['kinds_right']}/{s['kinds_known']}" if s["kinds_known"] else "-"
        rows.append([clip, tool, s["truth"], s["found"], s["false"], s["false_in_no_cut"],
                     s["missed"], f"{p:.2f}", f"{r:.2f}", f"{f1:.2f}", kind, f"{seconds:.1f}",
                     "; ".join(notes)])
    rows.sort(key=lambda r: (r[0], tools.index(r[1])))
    for t in tools:
        tot = totals[t]
        p, r, f1 = prf(tot["found"], tot["false"], tot["missed"])
        kind = f"{tot['kinds_right']}/{tot['kinds_known']}" if tot["kinds_known"] else "-"
        note = f"{tot['failed']} runs failed" if tot["failed"] else ""
        rows.append(["ALL", t, tot["truth"], tot["found"], tot["false"], tot["false_in_no_cut"],
                     tot["missed"], f"{p:.2f}", f"{r:.2f}", f"{f1:.2f}", kind,
                     f"{tot['seconds']:.1f}", note])
    print(table(rows, markdown))
    if not markdown:
        print("\nfound/missed count truth items (cuts and gradual transitions); false counts every "
              "unmatched detection, (no-cut) those of them inside a no-cut range; kind ok: matched "
              "detections labelled cut on a cut or fade/dissolve on a gradual one (huescope only).")


def cmd_truth(out_path, sources):
    """Merges truth files; a key that is not an absolute path names a file beside its truth file.
    Later files add to (and override keys of) earlier entries for the same clip."""
    import os
    merged, paths = {}, {}
    for src in sources:
        with open(src) as f:
            entries = json.load(f)
        base = os.path.dirname(os.path.abspath(src))
        for key, value in entries.items():
            value = dict(value)
            where = value.pop("path", key)  # an entry may name its clip's path
            path = where if os.path.isabs(where) else os.path.join(base, where)
            name = os.path.basename(path)
            if name in paths and paths[name] != path:
                sys.exit(f"score_shots.py: two clips named {name}: {paths[name]} and {path}")
            paths[name] = path
            merged.setdefault(name, {}).update(value)
    with open(out_path, "w") as f:
        json.dump(merged, f, indent=1, sort_keys=True)
    for name, path in paths.items():
        print(f"{name}\t{path}")


def main(argv):
    if len(argv) >= 3 and argv[0] == "truth":
        cmd_truth(argv[1], argv[2:])
        return
    if len(argv) >= 3 and argv[0] == "boundaries":
        fn = {"huescope": boundaries_huescope, "scenedetect": boundaries_scenedetect}[argv[1]]
        for frame, kind in fn(argv[2]):
            print(frame, kind)
        return
    if len(argv) >= 3 and argv[0] == "score":
        cmd_score(argv[1], argv[2], "--markdown" in argv[3:])
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
