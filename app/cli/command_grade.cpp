// `huescope grade BEFORE AFTER -o OUTDIR`: where each hue went in the grade, and the grade as a
// 3D LUT (docs/grade.md).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <memory>

#include "analysis_options.hpp"
#include "analysis_runner.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analysis_folder.hpp"
#include "huescope/grade.hpp"
#ifdef HUESCOPE_WITH_REPORT
#include "report_runner.hpp"
#endif

namespace huescope::cli {
namespace {

struct GradeArgs {
    GradeOptions options;
    HueArgs hue;
    std::string ocio_config;
    bool quiet = false;
    bool report = false;
    std::string charts_dir;
};

// An analysis folder stands for the film it analysed.
Status resolve_input(std::string& input, const char* side) {
    if (!is_analysis_folder(input)) return Status::ok();
    Result<FilmRecord> film = read_analysis_folder(input);
    if (!film)
        return Status(film.status().code(), std::string(side) + ": " + film.status().message());
    input = film->input_path;
    return Status::ok();
}

void print_summary(const GradeResult& r, const GradeOptions& o) {
    std::printf("paired %lld frames (%dx%d grid)", static_cast<long long>(r.pairs), r.grid_width,
                r.grid_height);
    if (r.unpaired_before + r.unpaired_after > 0) {
        std::printf("; unpaired: %lld BEFORE, %lld AFTER",
                    static_cast<long long>(r.unpaired_before),
                    static_cast<long long>(r.unpaired_after));
    }
    std::printf("\n");
    for (const std::string& line : grade_family_sentences(r.film, o.measure.families))
        std::printf("  %s\n", line.c_str());
    const long long cells =
        static_cast<long long>(r.lut.size - 1) * (r.lut.size - 1) * (r.lut.size - 1);
    std::printf("LUT %d^3: %lld of %lld cells with data; ", r.lut.size,
                static_cast<long long>(r.lut.cells_with_data), cells);
    if (std::isnan(r.lut.mean_delta_e)) {
        std::printf("fit error not measured (no pair held out)\n");
    } else {
        std::printf("fit error on %lld held-out frames: mean dE_OK %.4f, p95 %.4f\n",
                    static_cast<long long>(r.lut.held_out_frames), r.lut.mean_delta_e,
                    r.lut.p95_delta_e);
    }
    for (const std::string& note : r.notes) std::printf("note: %s\n", note.c_str());
    std::printf("wrote %s/grade.json and %s/grade.cube\n", o.output_dir.c_str(),
                o.output_dir.c_str());
}

int run(GradeArgs& args) {
    GradeOptions& o = args.options;
    if (Status s = finish_hue_options(args.hue, o.measure); !s) return report_error(s);
    o.before.source.overrides.ocio_config = o.after.source.overrides.ocio_config = args.ocio_config;
    o.after.source.max_frame_width = o.before.source.max_frame_width;
    o.after.source.max_frame_height = o.before.source.max_frame_height;
    if (Status s = resolve_input(o.before.input, "BEFORE"); !s) return report_error(s);
    if (Status s = resolve_input(o.after.input, "AFTER"); !s) return report_error(s);
    o.cancel = stop_on_signals();
    const bool tty = !args.quiet && isatty(fileno(stderr));
    if (tty) {
        o.progress = [](int64_t pairs, int64_t expected) {
            if (pairs % 12 != 0) return;
            if (expected > 0) {
                std::fprintf(stderr, "\r  pair %lld / ~%lld   ", static_cast<long long>(pairs),
                             static_cast<long long>(expected));
            } else {
                std::fprintf(stderr, "\r  pair %lld   ", static_cast<long long>(pairs));
            }
        };
    }
    Result<GradeResult> result = run_grade(o);
    if (tty) std::fprintf(stderr, "\n");
    if (!result) return report_error(result.status());
    if (!args.quiet) print_summary(result.value(), o);
#ifdef HUESCOPE_WITH_REPORT
    if (args.report) {
        if (Status s = run_grade_report(o.output_dir, args.charts_dir); !s) return report_error(s);
        if (!args.quiet) std::printf("wrote %s/grade.html and grade.pdf\n", o.output_dir.c_str());
    }
#endif
    return kExitOk;
}

}  // namespace

Command register_grade(CLI::App& app, const std::string& command_line) {
    auto args = std::make_shared<GradeArgs>();
    args->options.command_line = command_line;
    args->options.output_dir = "huescope-grade";
    CLI::App* cmd = app.add_subcommand(
        "grade", "what a grade did to each hue, BEFORE vs AFTER, and the grade as a 3D LUT");
    GradeOptions& o = args->options;
    cmd->add_option("BEFORE", o.before.input,
                    "the version before the grade (camera original): a video, an EXR "
                    "sequence or an analysis folder")
        ->required();
    cmd->add_option("AFTER", o.after.input, "the graded version of the same cut")->required();
    cmd->add_option("-o,--output", o.output_dir,
                    "folder for grade.json and grade.cube (default huescope-grade)");
    cmd->add_option("--offset", o.offset_frames,
                    "AFTER's frame N pairs with BEFORE's frame N - OFFSET (a conformed version "
                    "that starts later; default 0)");
    add_decode_options(*cmd, o.before.source, "before");
    add_decode_options(*cmd, o.after.source, "after");
    cmd->add_option("--ocio-config", args->ocio_config,
                    "an OpenColorIO config whose colour spaces --before-colorspace and "
                    "--after-colorspace name")
        ->check(CLI::ExistingFile);
    add_max_frame_size_option(*cmd, o.before.source);
    add_hue_options(*cmd, args->hue, o.measure);
    cmd->add_option("--lut-size", o.lut_size, "points per side of the fitted LUT (default 33)")
        ->check(CLI::Range(2, 65));
    cmd->add_option("--holdout-every", o.holdout_every,
                    "hold every N-th block of pairs out of the fit to measure its error "
                    "(default 5)")
        ->check(CLI::Range(2, 1000000));
    cmd->add_option("--holdout-block", o.holdout_block,
                    "pairs per block for --holdout-every (default 6)")
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--max-width", o.max_width,
                    "area-average pictures wider than this before measuring (default 640)")
        ->check(CLI::Range(16, 16384));
    cmd->add_option("--focus", o.focus_family,
                    "the hue family whose biggest changes are saved as frames side by side "
                    "(default blue)");
    cmd->add_option("--focus-frames", o.focus_frames, "how many such frames (default 3)")
        ->check(CLI::Range(0, 100));
#ifdef HUESCOPE_WITH_REPORT
    cmd->add_flag("--report", args->report, "also write grade.html and grade.pdf");
    cmd->add_option("--charts", args->charts_dir,
                    "with --report, also every chart as PNG and SVG into this folder");
#endif
    cmd->add_flag("-q,--quiet", args->quiet, "no progress and no summary");
    return [args] { return run(*args); };
}

}  // namespace huescope::cli
