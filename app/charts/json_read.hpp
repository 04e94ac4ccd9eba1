#pragma once
// Reading huescope's JSON outputs into report types: lenient (a missing number is NaN, a missing
// text is empty), since the reports must draw whatever an analysis managed to write.

#include <QString>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

#include "report_data.hpp"

namespace huescope::charts {

double json_number(const nlohmann::json& j,
                   double fallback = std::numeric_limits<double>::quiet_NaN());
QString json_text(const nlohmann::json& j);
std::vector<Swatch> json_swatches(const nlohmann::json& list);
/// Parses a JSON file; false with `error` naming the file when it is missing or not JSON.
bool read_json_file(const QString& path, nlohmann::json& out, QString& error);

}  // namespace huescope::charts
