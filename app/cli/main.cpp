// huescope: measures colour in films. Data goes to stdout or files, messages to stderr.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "huescope/analyze.hpp"

int main(int argc, char** argv) {
    using namespace huescope::cli;
    CLI::App app{"huescope — measures hue, chroma and lightness in films, colour-managed"};
    app.set_version_flag("--version", std::string("huescope ") + huescope::version());
    app.require_subcommand(1, 1);

    std::string command_line;
    for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
    const std::vector<std::string> arguments(argc > 2 ? argv + 2 : argv + argc, argv + argc);

    std::map<std::string, Command> commands = {
        {"probe", register_probe(app)},
        {"analyze", register_analyze(app, command_line, arguments)},
        {"merge", register_merge(app, command_line)},
        {"batch", register_batch(app, command_line)},
        {"compare", register_compare(app, command_line)},
        {"grade", register_grade(app, command_line)},
        {"metrics", register_metrics(app)},
#ifdef HUESCOPE_WITH_REPORT
        {"report", register_report(app)},
#endif
    };
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version arrive as "errors" with exit code 0; every real parse error is a
        // usage error (64), not CLI11's own 100-range codes.
        const int cli11_code = app.exit(e);
        return cli11_code == 0 ? kExitOk : kExitUsage;
    }
    for (auto& [name, run] : commands) {
        CLI::App* sub = app.get_subcommand(name);
        if (sub->parsed()) {
            return run();
        }
    }
    return kExitUsage;
}
