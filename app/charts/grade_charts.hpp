#pragma once
// The grade report's charts, on the same chart module as the palette and comparison reports.

#include <vector>

#include "charts.hpp"
#include "grade_data.hpp"

namespace huescope::charts {

/// The hue transfer matrix, hue shift and chroma gain round the circle, and family shares
/// before and after (wide charts), in reading order.
std::vector<Chart> grade_charts(const GradeData& data);

/// BEFORE's and AFTER's hue wheels (square charts), left and right.
std::vector<Chart> grade_wheels(const GradeData& data);

}  // namespace huescope::charts
