#pragma once

#include <QString>
#include <functional>

namespace huescope::report {

/// Writes FOLDER/STEM.html and FOLDER/STEM.pdf under temporary names and renames them only when
/// both are complete: a failure leaves earlier reports as they were. `write_pdf` draws the PDF
/// into the path it is given.
bool commit_html_and_pdf(const QString& folder, const QString& stem, const QString& html,
                         const std::function<bool(const QString&, QString&)>& write_pdf,
                         QString& error);

}  // namespace huescope::report
