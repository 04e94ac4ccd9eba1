#include "charts.hpp"

#include "chart_style.hpp"

#include <QBuffer>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QPolarChart>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

namespace huescope::charts {
namespace {

// A QAreaSeries does not own its boundary series (found by LeakSanitizer: every area chart
// leaked them): parent them to the area, which the chart owns.
void own_boundaries(QAreaSeries* area) {
    area->upperSeries()->setParent(area);
    if (area->lowerSeries() != nullptr) area->lowerSeries()->setParent(area);
}

constexpr int kHueStep = 5;               // degrees per bar of the hue histogram and wheel
constexpr std::size_t kMaxPoints = 1500;  // time series are averaged down to this many points

// Averages a per-frame series into at most kMaxPoints buckets, skipping undefined values.
std::vector<QPointF> bucketed(const std::vector<double>& t, const std::vector<double>& v) {
    std::vector<QPointF> points;
    const std::size_t n = t.size();
    const std::size_t per = std::max<std::size_t>(1, (n + kMaxPoints - 1) / kMaxPoints);
    for (std::size_t i = 0; i < n; i += per) {
        double sum_t = 0, sum_v = 0;
        int count = 0;
        for (std::size_t k = i; k < std::min(n, i + per); ++k) {
            if (std::isnan(v[k])) continue;
            sum_t += t[k];
            sum_v += v[k];
            ++count;
        }
        if (count > 0) points.emplace_back(sum_t / count, sum_v / count);
    }
    return points;
}

double end_time(const ReportData& d) {
    return d.time_s.empty() ? 1.0 : std::max(d.time_s.back(), 1e-3);
}

std::unique_ptr<QChart> family_over_time(const ReportData& d, int family) {
    const FamilyBand& band = d.families[family];
    auto chart = new_chart(QString("%1 share of the chromatic signal over time (%2°–%3°)")
                               .arg(band.name)
                               .arg(band.from_deg)
                               .arg(band.to_deg));
    auto* share = new QLineSeries;
    share->setName(band.name + " share (chroma-weighted)");
    for (const QPointF& p : bucketed(d.time_s, d.frame_shares[family])) share->append(p);
    QPen pen(hue_color(family_hue(band)).darker(130));
    pen.setWidthF(1.5);
    share->setPen(pen);
    // Shot boundaries as a comb of thin vertical lines.
    auto* cuts = new QLineSeries;
    cuts->setName("shot boundaries");
    cuts->setPen(QPen(QColor(150, 150, 150), 0.6));
    for (std::size_t s = 1; s < d.shots.size(); ++s) {
        const double t = d.shots[s].start_s;
        cuts->append(t, 0);
        cuts->append(t, 1);
        cuts->append(t, 0);
    }
    chart->addSeries(cuts);
    chart->addSeries(share);
    auto* x = value_axis("time (s)", 0, end_time(d), 9);
    auto* y = value_axis("share", 0, 1, 6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto* s : {share, cuts}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

std::unique_ptr<QChart> metric_over_time(const ReportData& d, std::size_t m) {
    const QString column = d.metric_columns[static_cast<int>(m)];
    const double film = m < d.metric_film.size() ? d.metric_film[m] : std::nan("");
    auto chart = new_chart(QString("%1 over time (film: %2)")
                               .arg(column)
                               .arg(std::isfinite(film) ? QString::number(film, 'g', 4) : "—"));
    auto* series = new QLineSeries;
    series->setName(column.mid(column.lastIndexOf(':') + 1));
    double low = 0, high = 0;
    for (const QPointF& p : bucketed(d.time_s, d.metric_values[m])) {
        series->append(p);
        low = std::min(low, p.y());
        high = std::max(high, p.y());
    }
    QPen pen(QColor(60, 60, 60));
    pen.setWidthF(1.5);
    series->setPen(pen);
    chart->addSeries(series);
    auto* x = value_axis("time (s)", 0, end_time(d), 9);
    auto* y = value_axis(series->name(), low, high > low ? high : low + 1, 6);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

std::unique_ptr<QChart> families_stacked(const ReportData& d) {
    auto chart = new_chart("Every hue family over time (stacked shares: what replaced what)");
    auto* x = value_axis("time (s)", 0, end_time(d), 9);
    auto* y = value_axis("share", 0, 1, 6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    std::vector<double> base(d.time_s.size(), 0.0);
    for (std::size_t f = 0; f < d.families.size(); ++f) {
        std::vector<double> top(base.size());
        for (std::size_t i = 0; i < base.size(); ++i) {
            const double v = d.frame_shares[f][i];
            top[i] = base[i] + (std::isnan(v) ? 0.0 : v);
        }
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (const QPointF& p : bucketed(d.time_s, top)) upper->append(p);
        for (const QPointF& p : bucketed(d.time_s, base)) lower->append(p);
        auto* area = new QAreaSeries(upper, lower);
        own_boundaries(area);
        area->setName(d.families[f].name);
        area->setColor(hue_color(family_hue(d.families[f])));
        area->setBorderColor(Qt::transparent);
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        base = top;
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    return chart;
}

// One area per hue bar, coloured by its hue: bars in a histogram, wedges on the wheel (where an
// area without a lower series fills down to the centre).
template <typename ChartType>
void add_hue_bins(ChartType& chart, const std::vector<double>& histogram, QAbstractAxis* x,
                  QAbstractAxis* y, bool polar) {
    const std::vector<double> bars = hue_bars(histogram);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double start = static_cast<double>(i) * kHueStep;
        auto* upper = new QLineSeries;
        for (int k = 0; k <= 4; ++k) upper->append(start + kHueStep * k / 4.0, bars[i]);
        QLineSeries* lower = nullptr;
        if (!polar) {
            lower = new QLineSeries;
            lower->append(start, 0);
            lower->append(start + kHueStep, 0);
        }
        auto* bar = new QAreaSeries(upper, lower);
        own_boundaries(bar);
        bar->setName(QString("%1°").arg(start));
        bar->setColor(hue_color(start + kHueStep / 2.0));
        bar->setBorderColor(hue_color(start + kHueStep / 2.0).darker(115));
        chart.addSeries(bar);
        bar->attachAxis(x);
        bar->attachAxis(y);
    }
    chart.legend()->hide();
}

double histogram_peak(const std::vector<double>& histogram) {
    const std::vector<double> bars = hue_bars(histogram);
    const double peak = bars.empty() ? 0.0 : *std::max_element(bars.begin(), bars.end());
    return peak > 0 ? peak * 1.1 : 1.0;
}

}  // namespace

std::vector<double> hue_bars(const std::vector<double>& histogram) {
    std::vector<double> bars(360 / kHueStep, 0.0);
    for (std::size_t h = 0; h < histogram.size() && h < 360; ++h)
        bars[h / kHueStep] += histogram[h];
    return bars;
}

std::unique_ptr<QChart> hue_histogram_chart(const std::vector<double>& histogram,
                                            const QString& title) {
    auto chart = new_chart(title);
    QValueAxis* x = hue_axis();
    auto* y = value_axis("share of chroma", 0, histogram_peak(histogram), 6);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    add_hue_bins(*chart, histogram, x, y, false);
    return chart;
}

std::unique_ptr<QChart> hue_wheel_chart(const std::vector<double>& histogram,
                                        const QString& title) {
    auto chart = std::make_unique<QPolarChart>();
    chart->setTitle(title);
    chart->setTitleFont(chart_font(11));
    chart->setFont(chart_font(9));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    auto* angle = new QValueAxis;
    angle->setRange(0, 360);
    angle->setTickCount(13);
    angle->setLabelFormat("%d");
    angle->setLabelsFont(chart_font(8));
    auto* radius = new QValueAxis;
    radius->setRange(0, histogram_peak(histogram));
    radius->setTickCount(4);
    radius->setLabelsVisible(false);
    chart->addAxis(angle, QPolarChart::PolarOrientationAngular);
    chart->addAxis(radius, QPolarChart::PolarOrientationRadial);
    add_hue_bins(*chart, histogram, angle, radius, true);
    return std::unique_ptr<QChart>(chart.release());
}

QString report_font_family() {
    return QStringLiteral("DejaVu Sans");
}

std::vector<Chart> report_charts(const ReportData& d, const QString& family) {
    std::vector<Chart> charts;
    int index = 0;
    for (std::size_t f = 0; f < d.families.size(); ++f) {
        if (d.families[f].name == family) index = static_cast<int>(f);
    }
    if (!d.families.empty() && !d.time_s.empty()) {
        charts.push_back({"family_over_time", "share over time", family_over_time(d, index)});
        charts.push_back({"families_stacked", "families over time", families_stacked(d)});
    }
    for (std::size_t m = 0;
         m < static_cast<std::size_t>(d.metric_columns.size()) && !d.time_s.empty(); ++m) {
        charts.push_back({QString("metric_%1").arg(m), d.metric_columns[static_cast<int>(m)],
                          metric_over_time(d, m)});
    }
    charts.push_back(
        {"hue_histogram", "hue histogram",
         hue_histogram_chart(d.hue_histogram,
                             "Hue distribution of the film (chroma-weighted, 5° bins)")});
    charts.push_back(
        {"hue_wheel", "hue wheel", hue_wheel_chart(d.hue_histogram, "Hue wheel (OKLCh degrees)")});
    return charts;
}

void paint(QChart& chart, QPainter& painter, const QRectF& target) {
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(QPointF(0, 0), target.size()));
    scene.setSceneRect(QRectF(QPointF(0, 0), target.size()));
    scene.render(&painter, target, scene.sceneRect());
    scene.removeItem(&chart);
}

QString to_svg(QChart& chart, QSize size) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    {
        QPainter painter(&svg);
        paint(chart, painter, QRectF(QPointF(0, 0), size));
    }
    return QString::fromUtf8(buffer.data());
}

QImage to_image(QChart& chart, QSize size) {
    QImage image(size * 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    image.setDevicePixelRatio(2.0);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(chart, painter, QRectF(QPointF(0, 0), size));
    return image;
}

}  // namespace huescope::charts
