#pragma once
// Words shared by the HTML and PDF reports, so that both say the same thing.

#include <QString>
#include <QStringList>

#include "../charts/report_data.hpp"

namespace huescope::report {

QString report_title(const charts::ReportData& data);
/// "Film / duration / resolution / ..." as label, value pairs.
std::vector<std::pair<QString, QString>> header_rows(const charts::ReportData& data);
/// The headline sentence: how much of the chromatic signal the family holds.
QString headline(const charts::ReportData& data, const QString& family);
/// "3 shots, average shot length 2.1 s, median 1.9 s" (lengths left out when NaN).
QString cutting_text(std::size_t shots, double average_s, double median_s);
/// What a reader must check before trusting the numbers: an implausible shot rate.
QStringList warnings(const charts::ReportData& data);
/// "How to read this" and the definition of every number, as paragraphs.
QStringList how_to_read(const charts::ReportData& data);
/// The `count` longest shots, longest first (the palettes a reader looks at first).
std::vector<const charts::ShotRow*> longest_shots(const charts::ReportData& data,
                                                  std::size_t count);
/// A number with a fixed number of decimals, or an em dash when undefined.
QString num(double value, int decimals = 3);

}  // namespace huescope::report
