#pragma once
// Everything an analysis carries from one frame to the next. It is kept in one place because a
// checkpoint saves exactly this (checkpoint.hpp): a resumed run restores it and goes on as if it
// had never stopped.

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "../report/barcode.hpp"
#include "frame_pipeline.hpp"
#include "huescope/analyze.hpp"
#include "huescope/cut_list.hpp"
#include "huescope/palette.hpp"
#include "huescope/shots.hpp"
#include "huescope/vectorscope.hpp"
#include "shot_tracker.hpp"

namespace huescope {

/// The picture area most frames had, and how many frames had bars at all.
struct LetterboxTally {
    std::map<std::tuple<int, int, int, int>, int64_t> areas;
    int64_t with_bars = 0;

    void add(const Rect& area, int width, int height);
    Rect most_common() const;
};

struct RunState {
    RunState(const AnalyzeOptions& options, FramesCsvWriter& csv, VectorscopeWriter& scopes,
             const std::vector<MetricAggregate::Rule>& metric_rules);

    ShotDetector detector;
    GivenShots given;  ///< with a cut list, instead of the detector
    ShotTracker shots;
    MetricAggregate film_metrics;
    ColorCells film_cells;
    Vectorscope film_scope;
    Barcode barcode;
    LetterboxTally letterbox;
    HueAccumulator film;
    int64_t frames_analyzed = 0;
    double first_time_s = 0.0, last_time_s = 0.0;
    int last_width = 0, last_height = 0;
    ReadPosition last;                      ///< of the last frame measured
    std::vector<std::string> source_notes;  ///< what the source had noted by then
    std::vector<int64_t> resumed_after;     ///< frame numbers where earlier runs stopped
};

}  // namespace huescope
