#include "compare_charts.hpp"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QBoxPlotSeries>
#include <QtCharts/QBoxSet>
#include <QtCharts/QLineSeries>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "chart_style.hpp"

namespace huescope::charts {
namespace {

std::unique_ptr<QChart> hue_distributions(const CompareData& d) {
    // 5-degree bars, as the palette report draws them: 1-degree bins are too noisy to overlay.
    auto chart = new_chart("Hue distributions (chroma-weighted, 5° bins)");
    QValueAxis* x = hue_axis();
    double peak = 0;
    std::vector<QLineSeries*> lines;
    for (std::size_t f = 0; f < d.films.size(); ++f) {
        const std::vector<double>& h = d.films[f].hue_histogram;
        auto* line = new QLineSeries;
        line->setName(d.films[f].label);
        QPen pen(film_color(f));
        pen.setWidthF(2.0);
        line->setPen(pen);
        const std::vector<double> bars = hue_bars(h);
        const double step = 360.0 / static_cast<double>(bars.size());
        for (std::size_t i = 0; i < bars.size(); ++i) {
            line->append((static_cast<double>(i) + 0.5) * step, bars[i]);
            peak = std::max(peak, bars[i]);
        }
        lines.push_back(line);
    }
    auto* y = value_axis("share of chroma per 5°", 0, peak > 0 ? peak * 1.1 : 1, 6);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* line : lines) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    return chart;
}

std::unique_ptr<QChart> family_shares(const CompareData& d) {
    QStringList families;
    for (const FamilyBand& band : d.families) families << band.name;
    std::vector<ShareBars> films;
    for (std::size_t f = 0; f < d.films.size(); ++f)
        films.push_back({d.films[f].label, film_color(f), d.films[f].shares});
    return share_bar_chart("Hue family shares of each film (chroma-weighted)", families, films);
}

std::unique_ptr<QChart> unit_share_boxes(const CompareData& d) {
    auto chart = new_chart(QString("%1 share per sampling unit (box: duration-weighted quartiles; "
                                   "whiskers: lowest and highest unit)")
                               .arg(d.family));
    auto* series = new QBoxPlotSeries;
    double peak = 0;
    for (std::size_t f = 0; f < d.films.size(); ++f) {
        const CompareFilmData& film = d.films[f];
        const std::vector<double>& v = film.unit_shares;
        const std::vector<double>& w = film.unit_frames;
        auto* box = new QBoxSet(QString("%1 (%2)").arg(film.label, film.units_kind));
        box->setValue(QBoxSet::LowerExtreme, weighted_quantile(v, w, 0.0));
        box->setValue(QBoxSet::LowerQuartile, weighted_quantile(v, w, 0.25));
        box->setValue(QBoxSet::Median, weighted_quantile(v, w, 0.5));
        box->setValue(QBoxSet::UpperQuartile, weighted_quantile(v, w, 0.75));
        box->setValue(QBoxSet::UpperExtreme, weighted_quantile(v, w, 1.0));
        box->setBrush(film_color(f).lighter(150));
        box->setPen(QPen(film_color(f).darker(130), 1.5));
        peak = std::max(peak, weighted_quantile(v, w, 1.0));
        series->append(box);
    }
    chart->addSeries(series);
    chart->createDefaultAxes();
    auto* y = value_axis("share", 0, peak > 0 ? std::min(1.0, peak * 1.1) : 1, 6);
    y->applyNiceNumbers();
    for (QAbstractAxis* axis : chart->axes(Qt::Vertical)) {
        series->detachAxis(axis);
        chart->removeAxis(axis);
        delete axis;
    }
    for (QAbstractAxis* axis : chart->axes(Qt::Horizontal)) axis->setLabelsFont(chart_font(8));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

}  // namespace

double weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights,
                         double q) {
    std::vector<std::pair<double, double>> pairs;
    for (std::size_t i = 0; i < values.size() && i < weights.size(); ++i)
        if (std::isfinite(values[i]) && weights[i] > 0) pairs.emplace_back(values[i], weights[i]);
    if (pairs.empty()) return std::nan("");
    std::sort(pairs.begin(), pairs.end());
    if (q <= 0) return pairs.front().first;
    if (q >= 1) return pairs.back().first;
    const double total = std::accumulate(pairs.begin(), pairs.end(), 0.0,
                                         [](double s, const auto& p) { return s + p.second; });
    double running = 0;
    for (const auto& [value, weight] : pairs) {  // the value at which the weight passes q
        running += weight;
        if (running >= q * total) return value;
    }
    return pairs.back().first;
}

std::vector<Chart> compare_charts(const CompareData& d) {
    std::vector<Chart> charts;
    charts.push_back({"hue_distributions", "hue distributions", hue_distributions(d)});
    charts.push_back({"family_shares", "family shares", family_shares(d)});
    charts.push_back({"unit_shares", "shares per unit", unit_share_boxes(d)});
    return charts;
}

}  // namespace huescope::charts
