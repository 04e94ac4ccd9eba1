#pragma once
// JSON views of huescope's types, shared by summary.json and `probe`. nlohmann::json stays private
// to the library: no public header mentions it.

#include <nlohmann/json.hpp>

#include "huescope/analyze.hpp"

namespace huescope {

/// A finite number, or null (JSON has no NaN).
nlohmann::json number_or_null(double value);
nlohmann::json source_json(const SourceInfo& info);
nlohmann::json parameters_json(const AnalyzeOptions& options);
nlohmann::json hue_summary_json(const HueSummary& summary);
nlohmann::json palette_json(const std::vector<PaletteColor>& palette);
nlohmann::json shot_json(const ShotResult& shot);
nlohmann::json letterbox_json(const LetterboxResult& letterbox);

}  // namespace huescope
