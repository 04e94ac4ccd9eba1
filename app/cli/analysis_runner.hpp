#pragma once
// Runs one analysis the way the CLI does: stop on SIGINT/SIGTERM, progress on a TTY, the decode's
// assumptions printed. Shared by `analyze` and by `compare` when it is given videos.

#include "huescope/analyze.hpp"

namespace huescope::cli {

Result<AnalysisResult> run_analysis(const AnalyzeOptions& options, bool quiet);

}  // namespace huescope::cli
