#include <cstdio>
#include <cstdlib>

#include "commands.hpp"

namespace huescope::cli {

void add_decode_options(CLI::App& cmd, SourceOptions& o, const std::string& side) {
    // With a side ("before"), every option is named for it: --before-matrix, ..., and the input
    // colour space is --before-colorspace.
    const std::string prefix = side.empty() ? "--" : "--" + side + "-";
    const std::string whose = side.empty() ? "" : " (" + side + ")";
    cmd.add_option(prefix + "stream", o.stream_index,
                   "index of the video stream (default: the first)" + whose)
        ->check(CLI::NonNegativeNumber);
    cmd.add_option(prefix + "matrix", o.overrides.matrix,
                   "override the Y'CbCr matrix: bt601, bt709, bt2020nc, smpte240m, fcc" + whose);
    cmd.add_option(prefix + "range", o.overrides.range,
                   "override the range: limited, full" + whose);
    cmd.add_option(
        prefix + "transfer", o.overrides.transfer,
        "override the transfer: bt1886, srgb, gamma22, gamma28, linear, pq, hlg" + whose);
    cmd.add_option(prefix + "primaries", o.overrides.primaries,
                   "override the primaries: bt709, bt601-625, bt601-525, bt2020, dci-p3, aces-ap0, "
                   "aces-ap1, arri-awg, display-p3, bt470m, film" +
                       whose);
    cmd.add_option(side.empty() ? "--input-colorspace" : prefix + "colorspace",
                   o.overrides.input_colorspace,
                   "decode as this colour space instead of what the tags say (e.g. "
                   "arri-logc3-awg, acescg, rec2020-pq); `huescope probe --list-colorspaces`" +
                       whose);
    cmd.add_option_function<double>(
           prefix + "fps", [&o](const double& fps) { o.frame_rate = fps; },
           "frame rate: for an image sequence (default: from the files, else 24), or to "
           "override a video's" +
               whose)
        ->check(CLI::PositiveNumber);
}

void add_source_options(CLI::App& cmd, SourceOptions& o) {
    add_decode_options(cmd, o, "");
    cmd.add_option("--ocio-config", o.overrides.ocio_config,
                   "an OpenColorIO config whose colour space --input-colorspace names")
        ->check(CLI::ExistingFile);
    add_max_frame_size_option(cmd, o);
}

void add_max_frame_size_option(CLI::App& cmd, SourceOptions& o) {
    cmd.add_option_function<std::string>(
        "--max-frame-size",
        [&o](const std::string& spec) {
            int w = 0, h = 0;
            char x = 0, extra = 0;
            if (std::sscanf(spec.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || x != 'x' ||
                w <= 0 || h <= 0) {
                throw CLI::ValidationError("--max-frame-size",
                                           "'" + spec + "' is not WIDTHxHEIGHT");
            }
            o.max_frame_width = w;
            o.max_frame_height = h;
        },
        "refuse frames larger than WIDTHxHEIGHT, before allocating them (default "
        "16384x16384)");
}

}  // namespace huescope::cli
