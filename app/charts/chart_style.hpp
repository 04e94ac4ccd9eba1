#pragma once
// The look every chart shares (font, margins, axes), so the palette report and the comparison
// report read as one family.

#include <QColor>
#include <QFont>
#include <QStringList>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <memory>
#include <vector>

#include "report_data.hpp"

namespace huescope::charts {

QFont chart_font(int points);
/// An empty chart with the report's title font, margins and no animation.
std::unique_ptr<QChart> new_chart(const QString& title);
QValueAxis* value_axis(const QString& title, double low, double high, int ticks);
/// Hue axis 0..360 with a tick every 30 degrees.
QValueAxis* hue_axis();
/// One group of bars: a film, or a version of one.
struct ShareBars {
    QString label;
    QColor color;
    std::vector<double> shares;  ///< one per category; NaN is drawn as 0
};
/// Grouped bars of shares (0..1) per category (hue family), one colour per group.
std::unique_ptr<QChart> share_bar_chart(const QString& title, const QStringList& categories,
                                        const std::vector<ShareBars>& groups);

/// The middle hue of a family's band (through 0 when it wraps).
double family_hue(const FamilyBand& band);

}  // namespace huescope::charts
