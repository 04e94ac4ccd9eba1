#include <cstdio>
#include <memory>

#include "analysis_options.hpp"
#include "analysis_runner.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analyze.hpp"
#ifdef HUESCOPE_WITH_REPORT
#include "report_runner.hpp"
#endif

namespace huescope::cli {
namespace {

void print_result(const AnalysisResult& r, const AnalyzeOptions& o) {
    if (o.segment) {
        std::fprintf(stderr,
                     "huescope: segment %d of %d: measured %lld frames of '%s' -> %s/segments "
                     "(huescope merge assembles them)\n",
                     o.segment->index, o.segment->count, static_cast<long long>(r.frames_analyzed),
                     o.input.c_str(), o.output_dir.c_str());
        return;
    }
    std::fprintf(stderr, "huescope: analysed %lld frames of '%s' in %.1f s -> %s\n",
                 static_cast<long long>(r.frames_analyzed), o.input.c_str(), r.elapsed_s,
                 o.output_dir.c_str());
    for (const auto& [name, share] : r.film_summary.shares) {
        if (name == "blue") std::fprintf(stderr, "  blue share (chroma-weighted): %.4f\n", share);
    }
}

// Even when quiet: a partial result must never pass for a complete one. (Its reasons were
// printed as warnings while the analysis ended.)
void print_completeness(const Completeness& c) {
    if (!c.partial) return;
    std::fprintf(stderr,
                 "huescope: warning: the result is partial (exit code %d): summary.json's "
                 "\"completeness\" says what was lost\n",
                 kExitPartial);
}

}  // namespace

Command register_analyze(CLI::App& app, const std::string& command_line,
                         const std::vector<std::string>& arguments) {
    auto* cmd =
        app.add_subcommand("analyze",
                           "Measure every frame's hue, chroma and lightness, find shots and "
                           "palettes; write summary.json, frames.csv, hue_time.exr and the "
                           "barcodes into the output folder");
    auto args = std::make_shared<AnalyzeArgs>();
    AnalyzeOptions& o = args->options;
    o.command_line = command_line;
    o.arguments = arguments;
    cmd->add_option("INPUT", o.input, "video file, EXR file, EXR pattern (shot.%04d.exr) or folder")
        ->required();
    cmd->add_option("-o,--output", o.output_dir, "output folder (created if missing)")->required();
    add_measurement_options(*cmd, *args);
#ifdef HUESCOPE_WITH_REPORT
    cmd->add_flag("--report", args->report,
                  "also write the palette report (report.html, report.pdf)");
    cmd->add_option("--charts", args->charts_dir, "with --report: every chart as PNG and SVG here");
#endif
    cmd->add_flag("--resume", o.resume,
                  "continue an interrupted analysis from its checkpoint in the output folder "
                  "(same input and options; starts from the beginning when there is none)");
    cmd->add_option("--checkpoint-interval", o.checkpoint_interval_s,
                    "seconds of work between checkpoints (default 30; also saved on Ctrl-C)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--segment", args->segment,
                    "measure only the K-th of N equal time ranges, K/N, into "
                    "OUTPUT/segments (huescope merge OUTPUT assembles them; docs/corpus.md)");
    cmd->add_option("--merge-segments", o.merge_segments,
                    "assemble the N segments in the output folder instead of decoding (what "
                    "huescope merge runs)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("-q,--quiet", args->quiet, "no progress and no closing summary on stderr");

    return [args]() {
        if (Status s = finish_options(*args); !s) return report_error(s);
        Result<AnalysisResult> result = run_analysis(args->options, args->quiet);
        if (!result) return report_error(result.status());
        if (!args->quiet) print_result(result.value(), args->options);
        if (!args->options.segment) print_completeness(result.value().completeness);
#ifdef HUESCOPE_WITH_REPORT
        if (args->report && !args->options.segment) {
            if (Status s = run_report(args->options.output_dir, "blue", args->charts_dir); !s) {
                return report_error(s);
            }
        }
#endif
        return result.value().completeness.partial ? kExitPartial : kExitOk;
    };
}

}  // namespace huescope::cli
