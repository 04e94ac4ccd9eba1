#pragma once

#include <QString>
#include <vector>

#include "../charts/charts.hpp"

namespace huescope::report {

/// The self-contained HTML page: charts as inline SVG, images as data URIs, no external asset.
QString html_report(const charts::ReportData& data, std::vector<charts::Chart>& charts);

}  // namespace huescope::report
