#include "commands.hpp"
#include "exit_codes.hpp"
#include "report_runner.hpp"

namespace huescope::cli {

Command register_report(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "report",
        "Write the palette report (report.html, self-contained, and report.pdf) of an "
        "analysis folder made by `huescope analyze`");
    auto folder = std::make_shared<std::string>();
    auto family = std::make_shared<std::string>("blue");
    auto charts = std::make_shared<std::string>();
    cmd->add_option("OUTDIR", *folder, "an analysis folder (holds summary.json)")->required();
    cmd->add_option("--family", *family, "the hue family charted over time (default blue)");
    cmd->add_option("--charts", *charts, "also write every chart as PNG and SVG into this folder");
    return [folder, family, charts]() {
        if (Status s = run_report(*folder, *family, *charts); !s) return report_error(s);
        return kExitOk;
    };
}

}  // namespace huescope::cli
