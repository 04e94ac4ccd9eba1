#pragma once

#include <QSize>
#include <QString>
#include <functional>
#include <vector>

#include "../charts/charts.hpp"

namespace huescope::report {

/// Writes FOLDER/STEM.html and FOLDER/STEM.pdf under temporary names and renames them only when
/// both are complete: a failure leaves earlier reports as they were. `write_pdf` draws the PDF
/// into the path it is given.
bool commit_html_and_pdf(const QString& folder, const QString& stem, const QString& html,
                         const std::function<bool(const QString&, QString&)>& write_pdf,
                         QString& error);

/// Writes every chart as DIR/ID.svg and DIR/ID.png at the size `size_of` gives it.
bool export_charts(std::vector<charts::Chart>& charts, const QString& dir,
                   const std::function<QSize(const charts::Chart&)>& size_of, QString& error);

}  // namespace huescope::report
