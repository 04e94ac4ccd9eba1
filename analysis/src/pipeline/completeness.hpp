#pragma once

#include <cstdint>

#include "huescope/analyze.hpp"

namespace huescope {

/// How much of the source a finished analysis read (docs/robustness.md, "Partial results").
/// `whole_source`: the run asked for all of it (no range, not keyframes only).
Completeness assess_completeness(const AnalysisResult& result, int64_t concealed_frames,
                                 bool whole_source);

}  // namespace huescope
