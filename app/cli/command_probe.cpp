#include <cstdio>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analyze.hpp"

namespace huescope::cli {

Command register_probe(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "probe",
        "Print what huescope knows about an input (JSON on stdout): container, codec, "
        "size, frame rate, colour tags, and the colour decode it would use");
    auto input = std::make_shared<std::string>();
    auto options = std::make_shared<SourceOptions>();
    auto list = std::make_shared<bool>(false);
    cmd->add_option("INPUT", *input, "video file, EXR file, EXR pattern (shot.%04d.exr) or folder");
    cmd->add_flag("--list-colorspaces", *list,
                  "list the names --input-colorspace accepts, and exit");
    add_source_options(*cmd, *options);
    return [input, options, list]() {
        if (*list) {
            for (const InputColorspace& space : input_colorspaces()) {
                std::printf("%-16s %s\n", space.name, space.description);
            }
            return kExitOk;
        }
        if (input->empty())
            return report_error(Status(ErrorCode::InvalidArgument, "probe needs an INPUT"));
        Result<std::unique_ptr<FrameSource>> source = open_source(*input, *options);
        if (!source) return report_error(source.status());
        std::fputs(probe_json(source.value()->info()).c_str(), stdout);
        return kExitOk;
    };
}

}  // namespace huescope::cli
