#pragma once
// Pieces of HTML both reports (palette and comparison) are made of: one style sheet, charts as
// inline SVG, images as data URIs, palettes as rows of swatches.

#include <QImage>
#include <QString>
#include <vector>

#include "../charts/report_data.hpp"

namespace huescope::report {

/// Text escaped for HTML.
QString escaped(const QString& text);
/// A PNG as a data: URI, so the page needs no other file.
QString data_uri(const QImage& image);
/// QSvgGenerator writes a full document; inline SVG wants only the <svg> element.
QString inline_svg(const QString& svg);
/// A palette as swatches sized by weight; `details` adds OKLCh and CIELAB under each.
QString swatch_row(const std::vector<charts::Swatch>& palette, bool details);
/// The style sheet of every report page.
extern const char* const kReportStyle;

}  // namespace huescope::report
