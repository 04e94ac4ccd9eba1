#pragma once

#include <QString>
#include <vector>

#include "../charts/charts.hpp"

namespace huescope::report {

/// Writes the printable report (A4, vector charts, fonts embedded) to `path`.
bool pdf_report(const charts::ReportData& data, std::vector<charts::Chart>& charts,
                const QString& path, QString& error);

}  // namespace huescope::report
