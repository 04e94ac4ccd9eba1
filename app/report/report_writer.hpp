#pragma once
// The palette report: report.html (one self-contained file) and report.pdf, drawn from an
// analysis folder with the shared chart module.

#include <QString>

namespace huescope::report {

struct ReportOptions {
    QString folder;           ///< an analysis folder (summary.json, frames.csv, barcodes)
    QString family = "blue";  ///< the family charted over time
    QString charts_dir;       ///< if set, every chart also as PNG and SVG here
};

/// Writes report.html and report.pdf into the folder (temporary names, then renamed). Returns
/// false with `error` set on failure; earlier reports are then left as they were.
bool write_report(const ReportOptions& options, QString& error);

}  // namespace huescope::report
