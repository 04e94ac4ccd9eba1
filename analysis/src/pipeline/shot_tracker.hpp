#pragma once
// Turns measured frames into shots. The shot detector settles boundaries with a delay, so frames
// wait here until their shot is known; then they are added to their shot and written to
// frames.csv with their shot number.

#include <deque>
#include <vector>

#include "../exr/vectorscope_writer.hpp"
#include "../report/frames_csv.hpp"
#include "huescope/analyze.hpp"

namespace huescope {

struct StateAccess;

struct MeasuredFrame {
    int64_t index = 0;   ///< position among analysed frames
    int64_t number = 0;  ///< the source's frame number
    double time_s = 0.0;
    HueAccumulator acc;
    HueSummary summary;  ///< of `acc`: one summary a frame, for frames.csv and any viewer
    std::vector<float> thumbnail_oklab;
    MetricValues metrics;
};

class ShotTracker {
  public:
    ShotTracker(const MeasureParams& measure, const PaletteParams& palette, FramesCsvWriter& csv,
                VectorscopeWriter& scopes, std::vector<MetricAggregate::Rule> metric_rules);
    void add(MeasuredFrame frame);
    /// Moves every frame below `final_count` into its shot.
    void settle(const std::vector<ShotBoundary>& boundaries, int64_t final_count);
    /// After the last frame: closes the last shot.
    void finish(const std::vector<ShotBoundary>& boundaries);
    std::vector<ShotResult>& shots() { return m_shots; }

    friend struct StateAccess;  // a checkpoint saves and restores the state below

  private:
    void close_shot();

    const MeasureParams& m_measure;
    const PaletteParams& m_palette;
    FramesCsvWriter& m_csv;
    VectorscopeWriter& m_scopes;
    Vectorscope m_scope;
    MetricAggregate m_metrics;
    std::deque<MeasuredFrame> m_pending;
    std::vector<ShotResult> m_shots;
    HueAccumulator m_acc;
    ColorCells m_cells;
    std::size_t m_next_boundary = 0;  // index into the boundaries of the next shot to open
    bool m_open = false;
};

}  // namespace huescope
