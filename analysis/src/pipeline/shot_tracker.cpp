#include "shot_tracker.hpp"

namespace huescope {

ShotTracker::ShotTracker(const MeasureParams& measure, const PaletteParams& palette,
                         FramesCsvWriter& csv, VectorscopeWriter& scopes,
                         std::vector<MetricAggregate::Rule> metric_rules)
    : m_measure(measure),
      m_palette(palette),
      m_csv(csv),
      m_scopes(scopes),
      m_metrics(std::move(metric_rules)) {}

void ShotTracker::add(MeasuredFrame frame) {
    m_pending.push_back(std::move(frame));
}

void ShotTracker::settle(const std::vector<ShotBoundary>& boundaries, int64_t final_count) {
    while (!m_pending.empty() && m_pending.front().index < final_count) {
        MeasuredFrame& frame = m_pending.front();
        // Boundaries are settled below final_count, so the next one tells whether this frame
        // opens a new shot.
        if (m_next_boundary < boundaries.size() &&
            boundaries[m_next_boundary].index <= frame.index) {
            if (m_open) close_shot();
            ShotResult shot;
            shot.transition = boundaries[m_next_boundary].kind;
            shot.start_frame = frame.number;
            shot.start_s = frame.time_s;
            m_shots.push_back(shot);
            m_acc.reset(m_measure.families.size());
            m_cells.clear();
            m_scope.clear();
            m_metrics.clear();
            m_open = true;
            ++m_next_boundary;
        }
        ShotResult& shot = m_shots.back();
        shot.end_frame = frame.number;
        shot.end_s = frame.time_s;
        ++shot.frames;
        m_acc.merge(frame.acc);
        m_cells.add(frame.thumbnail_oklab.data(), frame.thumbnail_oklab.size() / 3);
        m_scope.add(frame.thumbnail_oklab.data(), frame.thumbnail_oklab.size() / 3);
        m_metrics.add(frame.metrics);
        m_csv.write_row(frame.number, frame.time_s, frame.summary,
                        static_cast<int64_t>(m_shots.size()) - 1, frame.metrics.scalars);
        m_pending.pop_front();
    }
}

void ShotTracker::finish(const std::vector<ShotBoundary>& boundaries) {
    settle(boundaries, INT64_MAX);
    if (m_open) close_shot();
    m_open = false;
}

void ShotTracker::close_shot() {
    ShotResult& shot = m_shots.back();
    shot.summary = summarize(m_acc, m_measure);
    shot.palette = m_cells.palette(m_palette);
    m_scopes.add_shot(m_scope);
    shot.metrics = m_metrics.result();
}

}  // namespace huescope
