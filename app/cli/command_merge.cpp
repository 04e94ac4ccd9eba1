// huescope merge OUTDIR: the segments' own analyze command, run again with --merge-segments N
// (so the merge is checked against exactly the parameters the segments were measured with).

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analyze.hpp"

namespace huescope::cli {
namespace {

// The segment's arguments without --segment and the output folder, which the merge sets.
std::vector<std::string> merge_arguments(const std::vector<std::string>& segment_arguments) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < segment_arguments.size(); ++i) {
        const std::string& a = segment_arguments[i];
        if (a == "--segment" || a == "-o" || a == "--output") {
            ++i;  // and its value
            continue;
        }
        if (a.rfind("--segment=", 0) == 0 || a.rfind("--output=", 0) == 0) continue;
        kept.push_back(a);
    }
    return kept;
}

}  // namespace

Command register_merge(CLI::App& app, const std::string& command_line) {
    auto* cmd = app.add_subcommand(
        "merge",
        "Assemble the segments measured into OUTPUT (analyze --segment K/N) into the outputs a "
        "single pass writes, byte for byte");
    auto output = std::make_shared<std::string>();
    auto quiet = std::make_shared<bool>(false);
    cmd->add_option("OUTPUT", *output, "the output folder the segments were measured into")
        ->required();
    cmd->add_flag("-q,--quiet", *quiet, "no progress and no closing summary on stderr");
    return [output, quiet, command_line]() {
        Result<SegmentsFound> found = find_segments(*output);
        if (!found) return report_error(found.status());
        std::vector<std::string> args = {"huescope", "analyze"};
        for (const std::string& a : merge_arguments(found.value().arguments)) args.push_back(a);
        for (const std::string& a : {std::string("-o"), *output, std::string("--merge-segments"),
                                     std::to_string(found.value().count)}) {
            args.push_back(a);
        }
        if (*quiet && std::find(args.begin(), args.end(), "-q") == args.end() &&
            std::find(args.begin(), args.end(), "--quiet") == args.end()) {
            args.push_back("-q");
        }
        CLI::App analyze_app;
        const Command run = register_analyze(analyze_app, command_line);
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        try {
            analyze_app.parse(static_cast<int>(argv.size()), argv.data());
        } catch (const CLI::ParseError& e) {
            return report_error(Status(
                ErrorCode::InvalidArgument,
                "the segments' recorded command no longer parses: " + std::string(e.what())));
        }
        return run();
    };
}

}  // namespace huescope::cli
