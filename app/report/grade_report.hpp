#pragma once
// The grade report: grade.html (self-contained) and grade.pdf, drawn from grade.json with the
// same chart module and page parts as the palette and comparison reports.

#include <QString>

namespace huescope::report {

/// Writes grade.html and grade.pdf next to grade.json in `folder` (atomically: earlier reports
/// survive a failure). Returns false with `error` set on failure. With `charts_dir`, every chart
/// also as PNG and SVG there.
bool write_grade_report(const QString& folder, const QString& charts_dir, QString& error);

}  // namespace huescope::report
