#pragma once
// The comparison report: compare.html (self-contained) and compare.pdf, drawn from compare.json
// with the same chart module and page parts as the palette report.

#include <QString>

namespace huescope::report {

/// Writes compare.html and compare.pdf next to compare.json in `folder` (atomically: earlier
/// reports survive a failure). Returns false with `error` set on failure.
bool write_compare_report(const QString& folder, QString& error);

}  // namespace huescope::report
