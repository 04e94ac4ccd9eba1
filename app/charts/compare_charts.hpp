#pragma once
// The comparison report's charts, on the same chart module as the palette report.

#include <vector>

#include "charts.hpp"
#include "compare_data.hpp"

namespace huescope::charts {

/// Overlaid hue distributions, family shares side by side, per-unit share distributions.
std::vector<Chart> compare_charts(const CompareData& data);

/// Duration-weighted quantile of unit shares (units without colour left out); NaN if none.
double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights,
                         double q);

}  // namespace huescope::charts
