#include "analysis_runner.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>

#include "progress_line.hpp"

namespace huescope::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void request_stop(int signal_number) {
    g_cancel.store(true);
    // The analysis stops at the next frame; a second Ctrl-C means "now": the default action
    // ends the process at once (nothing is lost: outputs are only ever renamed into place).
    std::signal(signal_number, SIG_DFL);
}

// Every assumption about the decode is worth a line: a wrong one changes every number.
void print_assumptions(const SourceInfo& info) {
    for (const std::string& note : info.color.notes)
        std::fprintf(stderr, "huescope: note: %s\n", note.c_str());
    for (const std::string& note : info.notes)
        std::fprintf(stderr, "huescope: note: %s\n", note.c_str());
}

}  // namespace

const std::atomic<bool>* stop_on_signals() {
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    return &g_cancel;
}

Result<AnalysisResult> run_analysis(const AnalyzeOptions& options, bool quiet) {
    ProgressLine progress(!quiet);
    AnalyzeHooks hooks;
    hooks.cancel = stop_on_signals();
    if (!quiet) hooks.on_start = print_assumptions;
    hooks.on_progress = [&progress](const Progress& p) { progress.update(p); };
    hooks.on_warning = [](const std::string& message) {  // even when quiet: results changed
        std::fprintf(stderr, "huescope: warning: %s\n", message.c_str());
    };
    Result<AnalysisResult> result = analyze(options, hooks);
    progress.finish();
    return result;
}

}  // namespace huescope::cli
