#include "chart_style.hpp"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <algorithm>
#include <cmath>

#include "charts.hpp"

namespace huescope::charts {

QFont chart_font(int points) {
    QFont f(report_font_family());
    f.setPointSize(points);
    return f;
}

std::unique_ptr<QChart> new_chart(const QString& title) {
    auto chart = std::make_unique<QChart>();
    chart->setTitle(title);
    chart->setTitleFont(chart_font(11));
    chart->setFont(chart_font(9));
    chart->legend()->setFont(chart_font(8));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QValueAxis* value_axis(const QString& title, double low, double high, int ticks) {
    auto* axis = new QValueAxis;
    axis->setRange(low, high);
    axis->setTitleText(title);
    axis->setTickCount(ticks);
    axis->setLabelsFont(chart_font(8));
    axis->setTitleFont(chart_font(8));
    return axis;
}

// A category axis would squeeze 36+ labels, and Qt's label format is printf-like, so the degree
// sign stays in the title.
QValueAxis* hue_axis() {
    auto* axis = value_axis("hue (OKLCh, degrees)", 0, 360, 13);
    axis->setLabelFormat("%d");
    return axis;
}

double family_hue(const FamilyBand& f) {
    const double width =
        f.from_deg < f.to_deg ? f.to_deg - f.from_deg : 360 - f.from_deg + f.to_deg;
    return std::fmod(f.from_deg + width / 2, 360.0);
}

std::unique_ptr<QChart> share_bar_chart(const QString& title, const QStringList& categories,
                                        const std::vector<ShareBars>& groups) {
    auto chart = new_chart(title);
    auto* series = new QBarSeries;
    double peak = 0;
    for (const ShareBars& group : groups) {
        auto* set = new QBarSet(group.label);
        set->setColor(group.color);
        set->setBorderColor(group.color.darker(120));
        for (double share : group.shares) {
            const double v = std::isfinite(share) ? share : 0.0;
            set->append(v);
            peak = std::max(peak, v);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsFont(chart_font(8));
    auto* y = value_axis("share", 0, peak > 0 ? std::min(1.0, peak * 1.15) : 1, 6);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}

}  // namespace huescope::charts
