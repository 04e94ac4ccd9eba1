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

/// Time series are drawn wide; hue histograms and wheels square.
inline bool is_wide(const Chart& chart) {
    return !chart.id.startsWith("hue_");
}

/// The size a report draws a chart at (and exports it at).
inline QSize chart_size(const Chart& chart) {
    return is_wide(chart) ? QSize(900, 320) : QSize(440, 420);
}

/// Every chart of the palette report, in reading order.
std::vector<Chart> report_charts(const ReportData& data, const QString& family = "blue");

/// A hue histogram (5-degree bars, each in its own hue) of a 360-bin distribution.
std::unique_ptr<QChart> hue_histogram_chart(const std::vector<double>& histogram,
                                            const QString& title);
/// The same distribution as wedges round the hue circle.
std::unique_ptr<QChart> hue_wheel_chart(const std::vector<double>& histogram, const QString& title);
/// The sum of a 360-bin histogram over each 5-degree bar, as the two charts above draw it.
std::vector<double> hue_bars(const std::vector<double>& histogram);

/// Renders a chart, as vector graphics, into `painter` within `target`.
void paint(QChart& chart, QPainter& painter, const QRectF& target);
/// SVG text of a chart (fonts named explicitly, so browsers use them).
QString to_svg(QChart& chart, QSize size);
/// A raster image of a chart.
QImage to_image(QChart& chart, QSize size);

/// The font every chart and report page uses (DejaVu Sans, from fonts-dejavu-core).
QString report_font_family();

}  // namespace huescope::charts
