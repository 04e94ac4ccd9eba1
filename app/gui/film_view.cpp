#include "film_view.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <cmath>

#include "../charts/chart_style.hpp"
#include "../charts/charts.hpp"
#include "chart_panel.hpp"
#include "scope_widgets.hpp"

namespace huescope::gui {
namespace {

QString seconds_text(double s) {
    const int total = static_cast<int>(s);
    return QString("%1:%2.%3")
        .arg(total / 60)
        .arg(total % 60, 2, 10, QChar('0'))
        .arg(static_cast<int>((s - total) * 100), 2, 10, QChar('0'));
}

}  // namespace

FilmView::FilmView(FilmSession& session, QWidget* parent) : QWidget(parent), m_session(session) {
    build();
    connect(&m_session, &FilmSession::probed, this, &FilmView::on_probed);
    connect(&m_session, &FilmSession::updated, this, &FilmView::on_updated);
    connect(&m_session, &FilmSession::ready, this, &FilmView::on_ready);
    connect(&m_session, &FilmSession::failed, this, &FilmView::on_failed);
    connect(&m_session, &FilmSession::cancelled, this,
            [this] { on_failed(tr("Analysis cancelled. Open the film again to restart it.")); });
    if (m_session.source()) on_probed();
    if (m_session.state() == FilmSession::State::Ready) on_ready();
    if (m_session.state() == FilmSession::State::Failed) on_failed(m_session.error());
}

FilmView::~FilmView() = default;

// The families of the film's settings (an analysis folder brings its own), blue first chosen.
void FilmView::fill_family_box() {
    const QSignalBlocker quiet(m_family_box);
    m_family_box->clear();
    for (const HueBand& band : m_session.params().families)
        m_family_box->addItem(QString::fromStdString(band.name));
    const int blue = m_family_box->findText("blue");
    m_family = blue >= 0 ? blue : 0;
    m_family_box->setCurrentIndex(m_family);
}

void FilmView::build() {
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName("error");
    m_error->setWordWrap(true);
    m_error->setStyleSheet("QLabel { background: #7a1f1f; color: white; padding: 6px; }");
    m_error->hide();

    m_frame_view = new FrameView(this);
    m_overlay = new QCheckBox(tr("Highlight family"), this);
    m_family_box = new QComboBox(this);
    fill_family_box();
    m_time_label = new QLabel(this);
    m_share_label = new QLabel(this);
    m_share_label->setObjectName("family_share");

    m_scope_box = new QComboBox(this);
    m_scope_box->addItems({tr("Frame"), tr("Shot"), tr("Film")});
    m_scope_box->setCurrentIndex(2);
    m_wheel_box = new QCheckBox(tr("Wheel"), this);
    m_wheel_box->setChecked(m_wheel);
    m_hue_panel = new ChartPanel(this);
    m_hue_panel->setObjectName("hue_chart");
    m_scope_view = new VectorscopeWidget(this);
    m_share_panel = new ChartPanel(this);
    m_share_panel->setObjectName("share_chart");
    m_film_palette = new PaletteStrip(this);
    m_film_palette->setObjectName("film_palette");
    m_shot_palette = new PaletteStrip(this);
    m_barcode = new BarcodeStrip(this);

    auto* frame_box = new QWidget(this);
    auto* frame_layout = new QVBoxLayout(frame_box);
    frame_layout->setContentsMargins(0, 0, 0, 0);
    frame_layout->addWidget(m_frame_view, 1);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_overlay);
    controls->addWidget(m_family_box);
    controls->addStretch();
    controls->addWidget(m_share_label);
    controls->addWidget(m_time_label);
    frame_layout->addLayout(controls);

    auto* distribution = new QWidget(this);
    auto* dist_layout = new QVBoxLayout(distribution);
    dist_layout->setContentsMargins(0, 0, 0, 0);
    auto* dist_bar = new QHBoxLayout;
    dist_bar->addWidget(new QLabel(tr("Distribution of the"), this));
    dist_bar->addWidget(m_scope_box);
    dist_bar->addWidget(m_wheel_box);
    dist_bar->addStretch();
    auto* dist_views = new QHBoxLayout;
    dist_views->addWidget(m_hue_panel, 1);
    dist_views->addWidget(m_scope_view, 1);
    dist_layout->addLayout(dist_bar);
    dist_layout->addLayout(dist_views, 1);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(frame_box);
    top->addWidget(distribution);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 4);

    auto* palettes = new QGridLayout;
    palettes->addWidget(new QLabel(tr("Film palette"), this), 0, 0);
    palettes->addWidget(m_film_palette, 0, 1);
    palettes->addWidget(new QLabel(tr("Shot palette"), this), 1, 0);
    palettes->addWidget(m_shot_palette, 1, 1);
    palettes->addWidget(new QLabel(tr("Barcode"), this), 2, 0);
    palettes->addWidget(m_barcode, 2, 1);
    palettes->setColumnStretch(1, 1);

    auto* bottom = new QWidget(this);
    auto* bottom_layout = new QVBoxLayout(bottom);
    bottom_layout->setContentsMargins(0, 0, 0, 0);
    bottom_layout->addWidget(m_share_panel, 1);
    bottom_layout->addLayout(palettes);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    connect(m_overlay, &QCheckBox::toggled, m_frame_view, &FrameView::set_overlay);
    connect(m_family_box, &QComboBox::currentIndexChanged, this, &FilmView::set_family);
    connect(m_scope_box, &QComboBox::currentIndexChanged, this,
            [this](int index) { set_scope(static_cast<Scope>(index)); });
    connect(m_wheel_box, &QCheckBox::toggled, this, [this](bool on) {
        m_wheel = on;
        refresh_distribution();
    });
    connect(m_barcode, &BarcodeStrip::seek_requested, this,
            [this](double fraction) { seek(fraction * duration()); });
    connect(m_share_panel, &ChartPanel::clicked, this, [this](QPointF value) { seek(value.x()); });
    m_frame_view->set_message(tr("Opening %1 ...").arg(m_session.path()));
    rebuild_share_chart();
    refresh_distribution();
}

double FilmView::duration() const {
    const charts::ReportData& r = m_session.report();
    if (m_session.state() == FilmSession::State::Ready && !r.time_s.empty())
        return std::max(r.time_s.back(), r.duration_s);
    if (m_session.source() && m_session.source()->duration_s > 0)
        return m_session.source()->duration_s;
    return m_session.live_times().empty() ? 1.0 : m_session.live_times().back();
}

void FilmView::refresh_header() {
    if (!m_session.source()) return;
    const SourceInfo& s = *m_session.source();
    const ColorEncoding& c = s.color;
    QString text = QString("<b>%1</b> — %2, %3×%4, %5 fps, %6, %7 bit %8. Decode: matrix %9")
                       .arg(m_session.label().toHtmlEscaped(), QString::fromStdString(s.codec))
                       .arg(s.width)
                       .arg(s.height)
                       .arg(s.frame_rate, 0, 'f', 3)
                       .arg(seconds_text(s.duration_s))
                       .arg(s.bit_depth)
                       .arg(QString::fromStdString(s.chroma_subsampling),
                            QString::fromStdString(matrix_name(c.matrix)));
    text += QString(" (%1), range %2 (%3), transfer %4 (%5), primaries %6 (%7).")
                .arg(QString::fromStdString(provenance_name(c.matrix_from)),
                     QString::fromStdString(range_name(c.range)),
                     QString::fromStdString(provenance_name(c.range_from)),
                     QString::fromStdString(transfer_name(c.transfer)),
                     QString::fromStdString(provenance_name(c.transfer_from)),
                     QString::fromStdString(c.primaries.name),
                     QString::fromStdString(provenance_name(c.primaries_from)));
    QStringList notes;
    for (const std::string& n : c.notes) notes << QString::fromStdString(n).toHtmlEscaped();
    for (const std::string& n : s.notes) notes << QString::fromStdString(n).toHtmlEscaped();
    if (!notes.isEmpty()) text += "<br/>Assumptions: " + notes.join("; ");
    m_header->setText(text);
}

void FilmView::on_probed() {
    refresh_header();
    m_preview = std::make_unique<PreviewRenderer>(m_session.media_path(), m_session.params());
    connect(m_preview.get(), &PreviewRenderer::rendered, this, &FilmView::on_preview);
    connect(m_preview.get(), &PreviewRenderer::failed, this,
            [this](const QString& e) { m_frame_view->set_message(e); });
    seek(0.0);
}

void FilmView::on_updated() {
    // Live: append the frames measured since the last update.
    const auto& times = m_session.live_times();
    const auto& shares = m_session.live_shares();
    if (m_share != nullptr && static_cast<std::size_t>(m_family) < shares.size()) {
        const std::vector<double>& s = shares[static_cast<std::size_t>(m_family)];
        QList<QPointF> points;
        for (std::size_t i = m_live_points; i < times.size() && i < s.size(); ++i)
            if (std::isfinite(s[i])) points.append(QPointF(times[i], s[i]));
        m_share->append(points);
        m_live_points = times.size();
        if (auto* x = qobject_cast<QValueAxis*>(m_share->attachedAxes().value(0)))
            if (!times.empty() && times.back() > x->max()) x->setMax(times.back());
    }
    // The film-so-far wheel is 72 chart series: redrawn once a second, not on every poll.
    if (m_scope == Scope::Film && (!m_live_redraw.isValid() || m_live_redraw.elapsed() > 1000)) {
        refresh_distribution();
        m_live_redraw.start();
    }
    m_share_label->setText(family_share_text());
}

void FilmView::on_ready() {
    m_error->hide();
    fill_family_box();
    const charts::ReportData& r = m_session.report();
    m_film_palette->set_palette(r.palette);
    m_barcode->set_barcode(r.barcode);
    rebuild_share_chart();
    refresh_distribution();
    m_share_label->setText(family_share_text());
    seek(m_time);
}

void FilmView::on_failed(const QString& error) {
    m_error->setText(error);
    m_error->show();
    m_frame_view->set_message(error);
}

QString FilmView::family_name() const {
    const auto& families = m_session.params().families;
    return families.empty()
               ? QString("blue")
               : QString::fromStdString(families[static_cast<std::size_t>(m_family)].name);
}

QString FilmView::family_share_text() const {
    const auto& families = m_session.params().families;
    if (families.empty()) return {};
    const QString name = family_name();
    const bool ready = m_session.state() == FilmSession::State::Ready;
    double share = std::nan("");
    if (ready) {
        const charts::ReportData& r = m_session.report();
        if (static_cast<std::size_t>(m_family) < r.film.shares.size())
            share = r.film.shares[static_cast<std::size_t>(m_family)];
    } else {  // while measuring: from the 1-degree histogram so far (bins by their centre)
        const std::vector<double> h = m_session.live_histogram();
        const HueBand& band = families[static_cast<std::size_t>(m_family)];
        double in = 0, all = 0;
        for (int i = 0; i < kHueBins; ++i) {
            all += h[static_cast<std::size_t>(i)];
            if (band.contains(i + 0.5)) in += h[static_cast<std::size_t>(i)];
        }
        if (all > 0) share = in / all;
    }
    return std::isfinite(share) ? QString("%1 share of the film%2: %3%")
                                      .arg(name, ready ? QString() : tr(" so far"))
                                      .arg(100 * share, 0, 'f', 2)
                                : QString();
}

void FilmView::rebuild_share_chart() {
    const auto& families = m_session.params().families;
    const QString name = family_name();
    auto chart = charts::new_chart(tr("%1 share over time (click to go there)").arg(name));
    m_share = new QLineSeries;
    m_share->setObjectName("share");
    m_share->setName(tr("%1 share (chroma-weighted)").arg(name));
    m_playhead = new QLineSeries;
    m_playhead->setName(tr("current frame"));
    m_playhead->setPen(QPen(Qt::red, 1.5));
    auto* cuts = new QLineSeries;
    cuts->setName(tr("shot boundaries"));
    cuts->setPen(QPen(QColor(150, 150, 150), 0.6));
    const charts::ReportData& r = m_session.report();
    if (m_session.state() == FilmSession::State::Ready) {
        QList<QPointF> points;
        if (static_cast<std::size_t>(m_family) < r.frame_shares.size()) {
            const std::vector<double>& s = r.frame_shares[static_cast<std::size_t>(m_family)];
            for (std::size_t i = 0; i < r.time_s.size() && i < s.size(); ++i)
                if (std::isfinite(s[i])) points.append(QPointF(r.time_s[i], s[i]));
        }
        m_share->append(points);
        for (std::size_t k = 1; k < r.shots.size(); ++k) {
            cuts->append(r.shots[k].start_s, 0);
            cuts->append(r.shots[k].start_s, 1);
            cuts->append(r.shots[k].start_s, 0);
        }
    } else {
        m_live_points = 0;
    }
    double hue = 0.0;
    if (!families.empty()) {
        const HueBand& band = families[static_cast<std::size_t>(m_family)];
        hue = charts::family_hue({name, band.from_deg, band.to_deg});
    }
    QPen pen(charts::hue_color(hue).darker(130));
    pen.setWidthF(1.5);
    m_share->setPen(pen);
    chart->addSeries(cuts);
    chart->addSeries(m_share);
    chart->addSeries(m_playhead);
    auto* x = charts::value_axis(tr("time (s)"), 0, std::max(duration(), 1e-3), 9);
    auto* y = charts::value_axis(tr("share"), 0, 1, 6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {cuts, m_share, m_playhead}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    m_share_panel->show_chart(std::move(chart));
    if (m_session.state() != FilmSession::State::Ready) on_updated();
    seek(m_time);
}

const std::vector<float>& FilmView::shown_scope() const {
    return m_scope_view->density();
}

void FilmView::refresh_distribution() {
    const bool ready = m_session.state() == FilmSession::State::Ready;
    const int shot = ready ? m_session.shot_at(m_time) : -1;
    QString what;
    std::vector<float> scope;
    switch (m_scope) {
        case Scope::Frame:
            what = tr("frame at %1").arg(seconds_text(m_time));
            if (m_frame) {
                m_shown_histogram.assign(m_frame->summary.hue_histogram.begin(),
                                         m_frame->summary.hue_histogram.end());
                scope = m_frame->scope.fractions();
            }
            break;
        case Scope::Shot:
            what = shot >= 0 ? tr("shot %1").arg(shot) : tr("shot (after the analysis)");
            if (shot >= 0 && static_cast<std::size_t>(shot) < m_session.shot_histograms().size())
                m_shown_histogram = m_session.shot_histograms()[static_cast<std::size_t>(shot)];
            else
                m_shown_histogram.clear();
            if (shot >= 0 && static_cast<std::size_t>(shot + 1) < m_session.scopes().size())
                scope = m_session.scopes()[static_cast<std::size_t>(shot + 1)];
            break;
        case Scope::Film:
            what = ready ? tr("film") : tr("film so far");
            m_shown_histogram =
                ready ? m_session.report().hue_histogram : m_session.live_histogram();
            if (ready && !m_session.scopes().empty()) {
                scope = m_session.scopes().front();
            } else {
                scope = m_session.live_scope().fractions();
            }
            break;
    }
    const QString title = tr("Hue of the %1").arg(what);
    m_hue_panel->show_chart(m_wheel ? charts::hue_wheel_chart(m_shown_histogram, title)
                                    : charts::hue_histogram_chart(m_shown_histogram, title));
    m_scope_view->set_density(scope, tr("vectorscope (OKLab a, b) of the %1").arg(what));
}

void FilmView::seek(double time_s) {
    m_time = std::clamp(time_s, 0.0, duration());
    if (m_preview) m_preview->request(m_time, m_family);
    m_time_label->setText(seconds_text(m_time));
    m_barcode->set_position(m_time / std::max(duration(), 1e-9));
    if (m_playhead != nullptr) {
        m_playhead->clear();
        m_playhead->append(m_time, 0);
        m_playhead->append(m_time, 1);
    }
    // Within the same shot nothing shot-level changes: scrubbing redraws only on a new shot.
    const int shot =
        m_session.state() == FilmSession::State::Ready ? m_session.shot_at(m_time) : -1;
    if (shot >= 0 && shot != m_shown_shot) {
        m_shown_shot = shot;
        m_shot_palette->set_palette(
            m_session.report().shots[static_cast<std::size_t>(shot)].palette);
        if (m_scope == Scope::Shot) refresh_distribution();
    }
}

void FilmView::set_overlay(bool on) {
    m_overlay->setChecked(on);  // the checkbox drives the frame view
}

void FilmView::set_scope(Scope scope) {
    m_scope = scope;
    if (m_scope_box->currentIndex() != static_cast<int>(scope))
        m_scope_box->setCurrentIndex(static_cast<int>(scope));
    refresh_distribution();
}

void FilmView::set_family(int family) {
    if (family < 0) return;
    m_family = family;
    if (m_family_box->currentIndex() != family) m_family_box->setCurrentIndex(family);
    rebuild_share_chart();
    m_share_label->setText(family_share_text());
    if (m_preview) m_preview->request(m_time, m_family);
}

void FilmView::on_preview(const std::shared_ptr<const PreviewFrame>& frame) {
    m_frame = frame;
    m_frame_view->set_frame(frame->picture, frame->mask);
    if (m_scope == Scope::Frame) refresh_distribution();
}

}  // namespace huescope::gui
