#pragma once
// The report's charts, built with Qt 6 Charts behind this one interface (shared by the report
// exporter and, later, the desktop app), so that a move to Qt Graphs touches one module.

#include <QImage>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

#include "report_data.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QPainter;
QT_END_NAMESPACE

namespace huescope::charts {

struct Chart {
    QString id;  ///< file name stem for --charts
    QString title;
    std::unique_ptr<QChart> chart;
};

/// Every chart of the palette report, in reading order.
std::vector<Chart> report_charts(const ReportData& data, const QString& family = "blue");

/// Renders a chart, as vector graphics, into `painter` within `target`.
void paint(QChart& chart, QPainter& painter, const QRectF& target);
/// SVG text of a chart (fonts named explicitly, so browsers use them).
QString to_svg(QChart& chart, QSize size);
/// A raster image of a chart.
QImage to_image(QChart& chart, QSize size);

/// The font every chart and report page uses (DejaVu Sans, from fonts-dejavu-core).
QString report_font_family();

}  // namespace huescope::charts
