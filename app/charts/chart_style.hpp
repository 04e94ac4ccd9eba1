#pragma once
// The look every chart shares (font, margins, axes), so the palette report and the comparison
// report read as one family.

#include <QFont>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <memory>

#include "report_data.hpp"

namespace huescope::charts {

QFont chart_font(int points);
/// An empty chart with the report's title font, margins and no animation.
std::unique_ptr<QChart> new_chart(const QString& title);
QValueAxis* value_axis(const QString& title, double low, double high, int ticks);
/// Hue axis 0..360 with a tick every 30 degrees.
QValueAxis* hue_axis();
/// The middle hue of a family's band (through 0 when it wraps).
double family_hue(const FamilyBand& band);

}  // namespace huescope::charts
