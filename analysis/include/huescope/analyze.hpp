#pragma once
// The analysis of one source: decode every frame in range, measure it, write the results.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "huescope/measurement.hpp"
#include "huescope/source.hpp"

namespace huescope {

struct AnalyzeOptions {
    std::string input;
    std::string output_dir;
    SourceOptions source;
    MeasureParams measure;
    double start_s = 0.0;              ///< first time analysed (seconds from the stream start)
    std::optional<double> duration_s;  ///< length of the range; none = to the end
    int every = 1;                     ///< measure every N-th frame in the range
    std::string command_line;          ///< recorded in the outputs' provenance
};

struct Progress {
    int64_t frames_decoded = 0;
    int64_t frames_analyzed = 0;
    int64_t frames_expected = 0;  ///< 0 when unknown
    double time_s = 0.0;          ///< position in the source
    double elapsed_s = 0.0;       ///< wall clock since the start
};

struct AnalysisResult {
    SourceInfo source;
    int64_t frames_decoded = 0;
    int64_t frames_analyzed = 0;
    int64_t decode_errors = 0;
    double first_time_s = 0.0;
    double last_time_s = 0.0;
    double elapsed_s = 0.0;
    HueAccumulator film;
    HueSummary film_summary;
};

struct AnalyzeHooks {
    std::function<void(const SourceInfo&)> on_start;   ///< the source is open, with its decode
    std::function<void(const Progress&)> on_progress;  ///< called after every analysed frame
    const std::atomic<bool>* cancel = nullptr;         ///< set to stop; outputs stay untouched
};

/// Analyses `options.input` and writes summary.json, frames.csv and hue_time.exr into
/// `options.output_dir`. Outputs appear only when the whole analysis succeeded (each is written
/// under a temporary name and renamed), so an earlier result is never replaced by a partial one.
Result<AnalysisResult> analyze(const AnalyzeOptions& options, const AnalyzeHooks& hooks = {});

/// The JSON `huescope probe` prints for a source.
std::string probe_json(const SourceInfo& info);

/// Version string of the library ("0.1.0").
const char* version();

}  // namespace huescope
