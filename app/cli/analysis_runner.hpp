#pragma once
// Runs one analysis the way the CLI does: stop on SIGINT/SIGTERM, progress on a TTY, the decode's
// assumptions printed. Shared by `analyze` and by `compare` when it is given videos.

#include <atomic>

#include "huescope/analyze.hpp"

namespace huescope::cli {

Result<AnalysisResult> run_analysis(const AnalyzeOptions& options, bool quiet);

/// Makes SIGINT and SIGTERM set the returned flag (a second one ends the process at once).
const std::atomic<bool>* stop_on_signals();

}  // namespace huescope::cli
