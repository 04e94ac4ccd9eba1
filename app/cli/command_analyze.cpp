#include <cstdio>
#include <memory>

#include "analysis_runner.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analyze.hpp"
#ifdef HUESCOPE_WITH_REPORT
#include "report_runner.hpp"
#endif

namespace huescope::cli {
namespace {

struct AnalyzeArgs {
    AnalyzeOptions options;
    std::string hue_space = "oklch";
    std::vector<std::string> bands;
    std::string start;
    std::string duration;
    bool quiet = false;
    bool report = false;
    std::string charts_dir;
    std::vector<std::string> metric_options;
    std::string segment;
};

// "K/N" with 1 <= K <= N.
bool parse_segment(const std::string& text, SegmentSpec& spec) {
    int k = 0, n = 0;
    char slash = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &k, &slash, &n, &extra) != 3 || slash != '/')
        return false;
    if (n < 1 || k < 1 || k > n) return false;
    spec = {k, n};
    return true;
}

Status finish_options(AnalyzeArgs& a) {
    MeasureParams& m = a.options.measure;
    if (!parse_hue_space(a.hue_space, m.hue_space)) {
        return Status(ErrorCode::InvalidArgument,
                      "--hue-space must be oklch or cielab, not '" + a.hue_space + "'");
    }
    m.families = default_hue_families(m.hue_space);
    for (const std::string& spec : a.bands) {
        Result<HueBand> band = parse_hue_band(spec);
        if (!band) return band.status();
        set_hue_band(m.families, band.value());
    }
    for (const std::string& spec : a.metric_options) {
        const std::size_t eq = spec.find('=');
        if (eq == std::string::npos || eq == 0) {
            return Status(ErrorCode::InvalidArgument,
                          "--metric-option must be ID=JSON, not '" + spec + "'");
        }
        a.options.plugins.options_json[spec.substr(0, eq)] = spec.substr(eq + 1);
    }
    if (!a.segment.empty()) {
        SegmentSpec spec;
        if (!parse_segment(a.segment, spec)) {
            return Status(ErrorCode::InvalidArgument,
                          "--segment must be K/N with 1 <= K <= N, not '" + a.segment + "'");
        }
        a.options.segment = spec;
    }
    if (!a.start.empty() && !parse_time(a.start, a.options.start_s)) {
        return Status(ErrorCode::InvalidArgument, "--start '" + a.start + "' is not a time");
    }
    if (!a.duration.empty()) {
        double seconds = 0.0;
        if (!parse_time(a.duration, seconds) || seconds <= 0) {
            return Status(ErrorCode::InvalidArgument,
                          "--duration '" + a.duration + "' is not a positive time");
        }
        a.options.duration_s = seconds;
    }
    return Status::ok();
}

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
    MeasureParams& m = o.measure;
    cmd->add_option("INPUT", o.input, "video file, EXR file, EXR pattern (shot.%04d.exr) or folder")
        ->required();
    cmd->add_option("-o,--output", o.output_dir, "output folder (created if missing)")->required();
    add_source_options(*cmd, o.source);
    cmd->add_option("--hue-space", args->hue_space,
                    "hue circle for the families and shares: oklch (default) or cielab");
    cmd->add_option("--band", args->bands,
                    "define or redefine a hue family, NAME=FROM:TO in degrees (wraps through 0 "
                    "when FROM > TO); repeatable, e.g. --band blue=220:300");
    cmd->add_option("--min-chroma", m.min_chroma,
                    "OKLab chroma below which a pixel is achromatic (default 0.02)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--near-black", m.near_black_l,
                    "OKLab lightness below which a pixel has no hue (default 0.10)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--near-white", m.near_white_l,
                    "OKLab lightness above which a pixel has no hue (default 0.95)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--start", args->start, "start of the range: seconds or HH:MM:SS(.s)");
    cmd->add_option("--duration", args->duration, "length of the range: seconds or HH:MM:SS(.s)");
    cmd->add_option("--every", o.every, "measure every N-th frame of the range (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--keyframes", o.source.keyframes_only,
                  "quick look: decode and measure keyframes only (the range is one shot)");
    cmd->add_flag("--keep-letterbox", o.keep_letterbox,
                  "measure black letterbox/pillarbox bars as picture (default: left out)");
    cmd->add_option("--palette-colors", o.palette.max_colors,
                    "largest number of colours in a palette (default 8)")
        ->check(CLI::Range(1, 32));
    cmd->add_option("--palette-merge", o.palette.merge_de,
                    "OKLab distance below which palette colours merge (default 0.04)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--plugin-dir", o.plugins.dirs,
                    "load metric plugins (*.so) from this folder (repeatable; also "
                    "HUESCOPE_PLUGIN_PATH)");
    cmd->add_flag("--strict-plugins", o.plugins.strict,
                  "stop with an error when a plugin cannot load or fails (default: warn, skip)");
    cmd->add_option("--metric-option", args->metric_options,
                    "options for a plugin metric, ID=JSON (repeatable)");
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
