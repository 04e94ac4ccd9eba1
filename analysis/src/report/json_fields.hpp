#pragma once
// JSON views of huescope's types, shared by summary.json and `probe`. nlohmann::json stays private
// to the library: no public header mentions it.

#include <nlohmann/json.hpp>

#include "huescope/analyze.hpp"

namespace huescope {

/// A finite number, or null (JSON has no NaN).
nlohmann::json number_or_null(double value);
nlohmann::json source_json(const SourceInfo& info);
/// Writes `j` to `path` atomically (a temporary renamed into place). Paths and tags are bytes,
/// not always UTF-8: invalid sequences are replaced, never an exception.
Status write_json_file(const std::string& path, const nlohmann::json& j, int indent = 2);
/// {"path", "bytes", "modified"} of a file (pipeline/file_identity.hpp); numbers 0 when unreadable.
nlohmann::json file_identity_json(const std::string& path);
nlohmann::json parameters_json(const AnalyzeOptions& options);
nlohmann::json hue_summary_json(const HueSummary& summary);
nlohmann::json palette_json(const std::vector<PaletteColor>& palette);
/// `metric_columns`: the plugin outputs ("id:output") the shot's metric values are in.
nlohmann::json shot_json(const ShotResult& shot, const std::vector<std::string>& metric_columns);
/// {id: {output: value, ..., "histograms": {name: {low, high, bins}}}} for plugin outputs.
nlohmann::json metric_values_json(const std::vector<std::string>& columns,
                                  const MetricValues& values);
/// summary.json "metrics": every plugin metric's version, origin, status and film values.
nlohmann::json metrics_json(const AnalysisResult& result);
/// summary.json "cutting": shot count, average (ASL) and median shot length in seconds, shots per
/// minute; lengths as shots.csv's duration_s.
nlohmann::json cutting_json(const std::vector<ShotResult>& shots, double frame_rate);
nlohmann::json letterbox_json(const LetterboxResult& letterbox);
nlohmann::json completeness_json(const Completeness& completeness);

}  // namespace huescope
