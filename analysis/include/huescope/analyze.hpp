#pragma once
// The analysis of one source: decode every frame in range, measure it, write the results.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "huescope/cut_list.hpp"
#include "huescope/measurement.hpp"
#include "huescope/metric_host.hpp"
#include "huescope/palette.hpp"
#include "huescope/shots.hpp"
#include "huescope/source.hpp"

namespace huescope {

/// The K-th (1-based) of N equal time ranges of a film, measured on its own (docs/corpus.md).
struct SegmentSpec {
    int index = 1;
    int count = 1;
};

struct AnalyzeOptions {
    std::string input;
    std::string output_dir;
    SourceOptions source;
    MeasureParams measure;
    double start_s = 0.0;              ///< first time analysed (seconds from the stream start)
    std::optional<double> duration_s;  ///< length of the range; none = to the end
    int every = 1;                     ///< measure every N-th frame in the range
    bool keep_letterbox = false;       ///< measure black bars as picture (default: excluded)
    PaletteParams palette;
    ShotDetectorParams shots;
    /// Shots from this cut list instead of the detector (--shots FILE).
    std::optional<CutList> cut_list;
    PluginOptions plugins;     ///< metric plugins to load (none by default)
    std::string command_line;  ///< recorded in the outputs' provenance
    /// Keep a checkpoint in the output folder (docs/robustness.md, "Resume"): saved when the
    /// analysis is interrupted and every `checkpoint_interval_s` of wall time (a crash or a
    /// killed job loses at most that much work). Never with metric plugins: their state is
    /// their own.
    bool checkpoints = true;
    double checkpoint_interval_s = 30.0;
    /// Continue from the checkpoint in the output folder, if there is one for this input and
    /// these parameters; the results are those of an uninterrupted run.
    bool resume = false;
    /// Measure only this segment of the film, into OUTDIR/segments/K-of-N (a journal of its
    /// frames); `merge_segments` assembles them. No other output is written.
    std::optional<SegmentSpec> segment;
    /// Assemble the N segments measured into the output folder instead of decoding: the outputs
    /// are those a single pass writes, byte for byte.
    int merge_segments = 0;
    /// The command's own arguments (after "analyze"), kept with a segment so that `huescope
    /// merge` can repeat the command.
    std::vector<std::string> arguments;
};

struct Progress {
    int64_t frames_decoded = 0;
    int64_t frames_analyzed = 0;
    int64_t frames_expected = 0;  ///< 0 when unknown
    double time_s = 0.0;          ///< position in the source
    double elapsed_s = 0.0;       ///< wall clock since the start
};

/// One shot: a run of frames between two boundaries, with the film's statistics for its pixels.
struct ShotResult {
    int64_t start_frame = 0;  ///< source frame numbers, inclusive
    int64_t end_frame = 0;
    double start_s = 0.0;
    double end_s = 0.0;                         ///< time of the last analysed frame of the shot
    int64_t frames = 0;                         ///< analysed frames in the shot
    Transition transition = Transition::Start;  ///< how the shot begins
    HueSummary summary;
    std::vector<PaletteColor> palette;
    MetricValues metrics;  ///< plugin outputs aggregated over the shot
};

/// Black bars found and left out of the statistics.
struct LetterboxResult {
    bool excluded = true;  ///< false with --keep-letterbox
    Rect picture;          ///< the picture area found in most frames (analysis grid)
    int grid_width = 0, grid_height = 0;
    int64_t frames_with_bars = 0;
};

/// How much of the source the result covers (docs/robustness.md). A result is partial when the
/// source was damaged: frames lost (fewer decoded than the container promised), packets or
/// frames that could not be decoded, or frames the decoder delivered with concealed damage. A
/// partial result is complete for what could be read, and says so.
struct Completeness {
    bool partial = false;
    int64_t frames_expected =
        0;  ///< the container's count; 0 when it gives none or a range was asked
    bool expected_is_estimate = false;  ///< from duration x frame rate, not a frame index
    int64_t frames_lost = 0;            ///< expected but never decoded
    int64_t decode_errors = 0;          ///< packets or frames that could not be decoded (skipped)
    int64_t concealed_frames = 0;       ///< decoded with damage the decoder concealed (measured)
    std::vector<std::string> reasons;   ///< one sentence each, for people
    /// Facts about the pixels that do not make a result partial but change what it covers
    /// (NaN pixels left out, pixels outside the working gamut), one sentence each.
    std::vector<std::string> notes;
};

struct AnalysisResult {
    SourceInfo source;
    int64_t given_cuts_after_end = 0;  ///< --shots: listed cuts after the last analysed frame
    int64_t frames_decoded = 0;
    int64_t frames_analyzed = 0;
    int64_t decode_errors = 0;
    Completeness completeness;
    double first_time_s = 0.0;
    double last_time_s = 0.0;
    double elapsed_s = 0.0;
    HueAccumulator film;
    HueSummary film_summary;
    std::vector<PaletteColor> film_palette;
    std::vector<ShotResult> shots;
    LetterboxResult letterbox;
    int barcode_columns = 0;
    double barcode_frames_per_column = 0.0;
    std::vector<std::string> metric_columns;  ///< plugin outputs, "id:output"
    MetricValues film_metrics;
    std::vector<MetricStatus> metric_statuses;
    std::vector<std::string> metric_messages;  ///< warnings from loading and running plugins
    std::vector<int64_t> resumed_after;  ///< frame numbers after which interrupted runs resumed
};

/// One measured frame, for viewers that show results while the analysis runs.
struct FrameUpdate {
    int64_t index = 0;   ///< position among analysed frames
    int64_t number = 0;  ///< the source's frame number
    double time_s = 0.0;
    HueSummary summary;
    const std::vector<float>& thumbnail_oklab;  ///< 64x36 area-averaged picture, OKLab
};

struct AnalyzeHooks {
    std::function<void(const SourceInfo&)> on_start;     ///< the source is open, with its decode
    std::function<void(const Progress&)> on_progress;    ///< called after every analysed frame
    std::function<void(const FrameUpdate&)> on_frame;    ///< called after every analysed frame
    std::function<void(const std::string&)> on_warning;  ///< e.g. a plugin disabled
    const std::atomic<bool>* cancel = nullptr;           ///< set to stop; outputs stay untouched
};

/// Analyses `options.input` and writes summary.json, frames.csv, hue_time.exr, barcode.png,
/// barcode.exr, hue_barcode.png and vectorscope.exr into `options.output_dir`. Outputs appear only
/// when the whole analysis succeeded (each is written under a temporary name and renamed), so an
/// earlier result is never replaced by a partial one. Interrupted (hooks.cancel), it leaves a
/// checkpoint that `options.resume` continues from.
Result<AnalysisResult> analyze(const AnalyzeOptions& options, const AnalyzeHooks& hooks = {});

/// The segments measured into an output folder (`analyze --segment K/N`): their count N, and the
/// arguments of the analyze command segment 1 was measured with. NoInput when there is none;
/// InvalidArgument when the folder mixes two segmentations.
struct SegmentsFound {
    int count = 0;
    std::vector<std::string> arguments;
};
Result<SegmentsFound> find_segments(const std::string& output_dir);

/// The JSON `huescope probe` prints for a source.
std::string probe_json(const SourceInfo& info);

/// Version string of the library ("0.1.0").
const char* version();

}  // namespace huescope
