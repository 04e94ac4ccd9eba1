#pragma once

#include <string>

#include "huescope/status.hpp"

namespace huescope::cli {

/// Writes report.html and report.pdf into an analysis folder (and charts as PNG/SVG into
/// `charts_dir` when given). Runs Qt on the offscreen platform: no display is needed.
Status run_report(const std::string& folder, const std::string& family,
                  const std::string& charts_dir);

/// Writes compare.html and compare.pdf into a folder holding compare.json (and the charts as
/// PNG/SVG into `charts_dir` when given).
Status run_compare_report(const std::string& folder, const std::string& charts_dir);

/// Writes grade.html and grade.pdf into a folder holding grade.json (`huescope grade`).
Status run_grade_report(const std::string& folder, const std::string& charts_dir);

}  // namespace huescope::cli
