#include <filesystem>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "report_runner.hpp"

namespace huescope::cli {

Command register_report(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "report",
        "Write the palette report (report.html, self-contained, and report.pdf) of an "
        "analysis folder made by `huescope analyze`, or the comparison report (compare.html, "
        "compare.pdf) of a folder made by `huescope compare`, or the grade report (grade.html, "
        "grade.pdf) of a folder made by `huescope grade`");
    auto folder = std::make_shared<std::string>();
    auto family = std::make_shared<std::string>("blue");
    auto charts = std::make_shared<std::string>();
    cmd->add_option(
           "OUTDIR", *folder,
           "an analysis folder (holds summary.json), a comparison folder (compare.json) or a "
           "grade folder (grade.json)")
        ->required();
    cmd->add_option("--family", *family, "the hue family charted over time (default blue)");
    cmd->add_option("--charts", *charts, "also write every chart as PNG and SVG into this folder");
    return [folder, family, charts]() {
        const std::filesystem::path dir(*folder);
        if (!std::filesystem::exists(dir / "summary.json") &&
            std::filesystem::exists(dir / "compare.json")) {  // a `compare` output folder
            if (Status s = run_compare_report(*folder, *charts); !s) return report_error(s);
            return kExitOk;
        }
        if (!std::filesystem::exists(dir / "summary.json") &&
            std::filesystem::exists(dir / "grade.json")) {  // a `grade` output folder
            if (Status s = run_grade_report(*folder, *charts); !s) return report_error(s);
            return kExitOk;
        }
        if (Status s = run_report(*folder, *family, *charts); !s) return report_error(s);
        return kExitOk;
    };
}

}  // namespace huescope::cli
