#include "analysis_options.hpp"

#include <cstdio>

#include "commands.hpp"
#include "huescope/time_text.hpp"

namespace huescope::cli {
namespace {
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

}  // namespace

void add_measurement_options(CLI::App& command, AnalyzeArgs& args) {
    const std::size_t before = command.get_options().size();
    CLI::App* cmd = &command;
    AnalyzeOptions& o = args.options;
    MeasureParams& m = o.measure;
    add_source_options(command, o.source);
    add_hue_options(command, args.hue, m);
    cmd->add_option("--start", args.start, "start of the range: seconds or HH:MM:SS(.s)");
    cmd->add_option("--duration", args.duration, "length of the range: seconds or HH:MM:SS(.s)");
    cmd->add_option("--every", o.every, "measure every N-th frame of the range (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--keyframes", o.source.keyframes_only,
                  "quick look: decode and measure keyframes only (the range is one shot)");
    cmd->add_flag("--keep-letterbox", o.keep_letterbox,
                  "measure black letterbox/pillarbox bars as picture (default: left out)");
    cmd->add_option("--shots", args.shots_file,
                    "use the shots of this cut list instead of detecting them: frame numbers, "
                    "times or timecodes (one a line), PySceneDetect's scenes.csv, or a CMX 3600 "
                    "EDL (docs/shots.md)");
    cmd->add_option("--shot-sensitivity", o.shots.sensitivity,
                    "scale the cut detector's thresholds: 2 finds cuts that change the picture "
                    "half as much, 0.5 only clearer ones (default 1)")
        ->check(CLI::Range(0.1, 10.0));
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
    cmd->add_option("--metric-option", args.metric_options,
                    "options for a plugin metric, ID=JSON (repeatable)");
    // One group, so that `batch` can hand exactly these on to the tasks it submits.
    const std::vector<CLI::Option*> all = command.get_options();
    for (std::size_t k = before; k < all.size(); ++k) all[k]->group(kMeasurementGroup);
}

std::vector<std::string> measurement_arguments(const CLI::App& command) {
    std::vector<std::string> args;
    for (const CLI::Option* opt : command.get_options()) {
        if (opt->get_group() != kMeasurementGroup || opt->count() == 0 || opt->get_lnames().empty())
            continue;
        const std::string name = "--" + opt->get_lnames().front();
        if (opt->get_type_size() == 0) {  // a flag
            for (std::size_t i = 0; i < opt->count(); ++i) args.push_back(name);
            continue;
        }
        // --name=value: a value that starts with '-' stays a value.
        for (const std::string& value : opt->results()) args.push_back(name + "=" + value);
    }
    return args;
}

void add_hue_options(CLI::App& command, HueArgs& hue, MeasureParams& m) {
    command.add_option("--hue-space", hue.space,
                       "hue circle for the families and shares: oklch (default) or cielab");
    command.add_option("--band", hue.bands,
                       "define or redefine a hue family, NAME=FROM:TO in degrees (wraps through "
                       "0 when FROM > TO); repeatable, e.g. --band blue=220:300");
    command
        .add_option("--min-chroma", m.min_chroma,
                    "OKLab chroma below which a pixel has no hue (default 0.02; more is needed "
                    "below --near-black and above L 1)")
        ->check(CLI::NonNegativeNumber);
    command
        .add_option("--near-black", m.near_black_l,
                    "OKLab lightness below which the chroma a pixel needs for a hue grows as "
                    "(near-black / L)^2, code-value noise (default 0.10)")
        ->check(CLI::Range(0.0, 1.0));
    command
        .add_option("--near-white", m.near_white_l,
                    "OKLab lightness above which an achromatic pixel counts as near-white "
                    "(default 0.95; bright colours keep their hue)")
        ->check(CLI::NonNegativeNumber);
}

Status finish_hue_options(const HueArgs& hue, MeasureParams& m) {
    if (!parse_hue_space(hue.space, m.hue_space)) {
        return Status(ErrorCode::InvalidArgument,
                      "--hue-space must be oklch or cielab, not '" + hue.space + "'");
    }
    m.families = default_hue_families(m.hue_space);
    for (const std::string& spec : hue.bands) {
        Result<HueBand> band = parse_hue_band(spec);
        if (!band) return band.status();
        set_hue_band(m.families, band.value());
    }
    return Status::ok();
}

Status finish_options(AnalyzeArgs& a) {
    if (Status s = finish_hue_options(a.hue, a.options.measure); !s) return s;
    if (!a.shots_file.empty()) {
        Result<CutList> list = read_cut_list(a.shots_file);
        if (!list) return list.status();
        a.options.cut_list = std::move(list).value();
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
    if (!a.start.empty() && !parse_clock_time(a.start, a.options.start_s)) {
        return Status(ErrorCode::InvalidArgument, "--start '" + a.start + "' is not a time");
    }
    if (!a.duration.empty()) {
        double seconds = 0.0;
        if (!parse_clock_time(a.duration, seconds) || seconds <= 0) {
            return Status(ErrorCode::InvalidArgument,
                          "--duration '" + a.duration + "' is not a positive time");
        }
        a.options.duration_s = seconds;
    }
    return Status::ok();
}

}  // namespace huescope::cli
