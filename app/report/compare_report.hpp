#pragma once
// The comparison report: compare.html (self-contained) and compare.pdf, drawn from compare.json
// with the same chart module and page parts as the palette report.

#include <QString>

namespace huescope::report {

/// Writes compare.html and compare.pdf next to compare.json in `folder` (atomically: earlier
/// reports survive a failure). Returns false with `error` set on failure.
/// With `charts_dir`, every chart also as PNG and SVG there.
bool write_compare_report(const QString& folder, const QString& charts_dir, QString& error);

}  // namespace huescope::report
