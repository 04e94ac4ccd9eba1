#pragma once
// What `analyze --segment K/N` shares with a whole analysis (analyze.cpp), and the segment run
// itself (segment_run.cpp).

#include <string>

#include "frame_pipeline.hpp"
#include "huescope/analyze.hpp"

namespace huescope {

/// The measurements of a frame that need nothing but the frame (the pipeline's workers run it).
void measure_independent(const AnalyzeOptions& options, PreparedFrame& frame);

/// Names a run: huescope's version, the parameters, the source as it opened and, for a file, its
/// absolute path, size and modification time. A checkpoint is resumed, and segments are merged,
/// only by a run with the same key.
std::string run_key(const AnalyzeOptions& options, const SourceInfo& opened);

/// Measures the frames of `options.segment`'s time range into its journal (segment_journal.hpp).
/// The result holds the counts; no other output is written.
Result<AnalysisResult> measure_segment(const AnalyzeOptions& options, const AnalyzeHooks& hooks,
                                       FrameSource& source, const std::string& key);

}  // namespace huescope
