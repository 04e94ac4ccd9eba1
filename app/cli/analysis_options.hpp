#pragma once
// The options that say how films are measured, shared by `analyze` and `batch` (which must
// accept exactly the same ones, and record them the same way).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "huescope/analyze.hpp"

namespace huescope::cli {

/// The hue circle and families as given, before finish_hue_options() reads them.
struct HueArgs {
    std::string space = "oklch";
    std::vector<std::string> bands;
};

/// What the command line gives, before finish_options() turns it into AnalyzeOptions.
struct AnalyzeArgs {
    AnalyzeOptions options;
    HueArgs hue;
    std::string start;
    std::string duration;
    bool quiet = false;
    bool report = false;
    std::string charts_dir;
    std::vector<std::string> metric_options;
    std::string segment;
    std::string shots_file;
};

inline constexpr const char* kMeasurementGroup = "Measurement";

/// Registers the measurement options (decode overrides, hue families, thresholds, range, palette,
/// plugins) on `command`.
void add_measurement_options(CLI::App& command, AnalyzeArgs& args);

/// The measurement options given on the command line, as arguments that give them again.
std::vector<std::string> measurement_arguments(const CLI::App& command);

/// --hue-space, --band, --min-chroma, --near-black, --near-white (`analyze` and `grade`).
void add_hue_options(CLI::App& command, HueArgs& hue, MeasureParams& measure);
/// The hue circle and its families from `hue`, into `measure`.
Status finish_hue_options(const HueArgs& hue, MeasureParams& measure);

/// Completes `args.options` from the text options (families, times, segment, plugin options).
Status finish_options(AnalyzeArgs& args);

}  // namespace huescope::cli
