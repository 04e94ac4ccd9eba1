#include "run_state.hpp"

#include <algorithm>

namespace huescope {

void LetterboxTally::add(const Rect& area, int width, int height) {
    ++areas[{area.x, area.y, area.width, area.height}];
    if (area.width != width || area.height != height) ++with_bars;
}

Rect LetterboxTally::most_common() const {
    const auto best =
        std::max_element(areas.begin(), areas.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto& [x, y, w, h] = best->first;
    return {x, y, w, h};
}

RunState::RunState(const AnalyzeOptions& options, FramesCsvWriter& csv, VectorscopeWriter& scopes,
                   const std::vector<MetricAggregate::Rule>& metric_rules)
    : detector(options.shots),
      shots(options.measure, options.palette, csv, scopes, metric_rules),
      film_metrics(metric_rules) {
    film.reset(options.measure.families.size());
}

}  // namespace huescope
