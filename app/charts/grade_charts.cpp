#include "grade_charts.hpp"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <algorithm>
#include <cmath>

#include "chart_style.hpp"
#include "report_data.hpp"

namespace huescope::charts {
namespace {

constexpr double kBinDeg = 10.0;  // grade.json's transfer bins
// Where the matrix chart draws AFTER's achromatic column: one bin past the circle.
constexpr double kAchromaticX = 380.0;

QValueAxis* before_hue_axis() {
    QValueAxis* axis = hue_axis();
    axis->setTitleText("hue before (°)");
    return axis;
}

// Each cell a disc on (AFTER hue, BEFORE hue), its area the share of the row's chroma that went
// there, drawn in AFTER's hue (grey: became achromatic). An unchanged grade is the diagonal; a
// rotation is a band beside it; lost chroma piles up in the right-hand column. One series per
// disc: Qt Charts sizes and colours markers per series.
std::unique_ptr<QChart> transfer_matrix(const GradeData& d) {
    auto chart = new_chart(
        "Where each hue went: hue transfer (disc area = share of the row's "
        "chroma; right column = became achromatic)");
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int deg = 0; deg <= 360; deg += 30) x->append(QString::number(deg), deg);
    x->append("achr.", kAchromaticX);
    x->setRange(0, kAchromaticX + kBinDeg / 2);
    x->setLabelsFont(chart_font(8));
    x->setTitleText("hue after (°)");
    x->setTitleFont(chart_font(8));
    QValueAxis* y = before_hue_axis();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    constexpr double kFullDisc = 11.0;  // pixels: a whole row in one cell
    for (std::size_t row = 0; row < d.matrix.size(); ++row) {
        const double row_weight = row < d.bin_share.size() ? d.bin_share[row] : 0.0;
        if (!(row_weight > 0.0)) continue;
        for (std::size_t col = 0; col < d.matrix[row].size(); ++col) {
            const double share = d.matrix[row][col];
            if (!(share >= 0.01)) continue;  // below 1% a disc is too small to see
            const bool achromatic = col + 1 == d.matrix[row].size();
            const double at = achromatic ? kAchromaticX : (double(col) + 0.5) * kBinDeg;
            auto* disc = new QScatterSeries;
            disc->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            disc->setMarkerSize(kFullDisc * std::sqrt(share) + 1.0);
            const QColor color = achromatic ? QColor("#9a9a9a") : hue_color(at);
            disc->setColor(color);
            disc->setBorderColor(color);
            disc->append(at, (double(row) + 0.5) * kBinDeg);
            chart->addSeries(disc);
            disc->attachAxis(x);
            disc->attachAxis(y);
        }
    }
    chart->legend()->hide();
    return chart;
}

// A curve over the hue circle, one point per 10-degree bin with data; gaps where a bin had none.
std::unique_ptr<QChart> hue_curve(const std::vector<double>& values,
                                  const std::vector<double>& weights, const QString& title,
                                  const QString& axis_title, double neutral, double low,
                                  double high) {
    auto chart = new_chart(title);
    QValueAxis* x = before_hue_axis();
    auto* y = value_axis(axis_title, low, high, 7);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* reference = new QLineSeries;
    reference->append(0, neutral);
    reference->append(360, neutral);
    reference->setPen(QPen(QColor("#9a9a9a"), 1.0, Qt::DashLine));
    chart->addSeries(reference);
    reference->attachAxis(x);
    reference->attachAxis(y);
    QLineSeries* line = nullptr;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const bool present = std::isfinite(values[i]) && i < weights.size() && weights[i] > 1e-4;
        if (!present) {
            line = nullptr;  // a gap: the next bin with data starts a new segment
            continue;
        }
        if (!line) {
            line = new QLineSeries;
            line->setPen(QPen(QColor("#0072B2"), 2.0));
            line->setPointsVisible(true);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        line->append((i + 0.5) * kBinDeg, std::clamp(values[i], low, high));
    }
    chart->legend()->hide();
    return chart;
}

std::unique_ptr<QChart> family_shares(const GradeData& d) {
    QStringList families;
    ShareBars before{"before", QColor("#56B4E9"), {}}, after{"after", QColor("#D55E00"), {}};
    for (const GradeFamilyData& f : d.families) {
        families << f.name;
        before.shares.push_back(f.share_before);
        after.shares.push_back(f.share_after);
    }
    return share_bar_chart("Hue family shares before and after (chroma-weighted)", families,
                           {before, after});
}

}  // namespace

std::vector<Chart> grade_charts(const GradeData& d) {
    std::vector<Chart> out;
    out.push_back({"grade_transfer_matrix", "Hue transfer", transfer_matrix(d)});
    double shift_peak = 10.0;
    for (double v : d.bin_shift)
        if (std::isfinite(v)) shift_peak = std::max(shift_peak, std::fabs(v));
    shift_peak = std::min(180.0, std::ceil(shift_peak / 10.0) * 10.0);
    out.push_back(
        {"grade_hue_shift", "Hue shift",
         hue_curve(d.bin_shift, d.bin_share,
                   "Hue shift by hue before (chroma-weighted mean; + = counter-clockwise)",
                   "shift (°)", 0.0, -shift_peak, shift_peak)});
    double gain_peak = 1.5;
    for (double v : d.bin_gain)
        if (std::isfinite(v)) gain_peak = std::max(gain_peak, v);
    out.push_back({"grade_chroma_gain", "Chroma gain",
                   hue_curve(d.bin_gain, d.bin_share,
                             "Chroma gain by hue before (after / before; 1 = unchanged)",
                             "chroma gain", 1.0, 0.0, std::min(4.0, gain_peak * 1.1))});
    out.push_back({"grade_family_shares", "Family shares", family_shares(d)});
    return out;
}

std::vector<Chart> grade_wheels(const GradeData& d) {
    std::vector<Chart> out;
    out.push_back({"hue_wheel_before", "Before", hue_wheel_chart(d.hue_before, "Hues before")});
    out.push_back({"hue_wheel_after", "After", hue_wheel_chart(d.hue_after, "Hues after")});
    return out;
}

}  // namespace huescope::charts
