#include "grade_view.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <cmath>

#include "../charts/grade_charts.hpp"
#include "chart_panel.hpp"
#include "gui_settings.hpp"
#include "huescope/grade.hpp"

namespace huescope::gui {
namespace {

constexpr int kSliderSteps = 1000;
constexpr int kPictureWidth = 480;

int family_index(const MeasureParams& params, const std::string& name) {
    for (std::size_t f = 0; f < params.families.size(); ++f)
        if (params.families[f].name == name) return static_cast<int>(f);
    return -1;
}

QString share_of(const HueSummary& summary, const std::string& family) {
    for (const auto& [name, share] : summary.shares)
        if (name == family) return QString::number(100.0 * share, 'f', 1) + "%";
    return "-";
}

}  // namespace

GradeView::GradeView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* before = new QPushButton(tr("Before…"), this);
    auto* after = new QPushButton(tr("After…"), this);
    m_before_name = new QLabel(tr("(camera original)"), this);
    m_after_name = new QLabel(tr("(graded version)"), this);
    m_offset_box = new QSpinBox(this);
    m_offset_box->setRange(-100000, 100000);
    m_offset_box->setToolTip(tr("AFTER's frame N pairs with BEFORE's frame N - offset"));
    m_analyse = new QPushButton(tr("Analyse grade"), this);
    m_analyse->setEnabled(false);
    bar->addWidget(before);
    bar->addWidget(m_before_name, 1);
    bar->addWidget(after);
    bar->addWidget(m_after_name, 1);
    bar->addWidget(new QLabel(tr("Offset (frames):"), this));
    bar->addWidget(m_offset_box);
    bar->addWidget(m_analyse);
    layout->addLayout(bar);

    auto* pictures = new QHBoxLayout;
    for (auto [picture, text] : {std::pair{&m_before_picture, &m_before_text},
                                 std::pair{&m_after_picture, &m_after_text}}) {
        auto* column = new QVBoxLayout;
        *picture = new QLabel(this);
        (*picture)->setMinimumSize(kPictureWidth / 2, kPictureWidth * 9 / 32);
        (*picture)->setAlignment(Qt::AlignCenter);
        *text = new QLabel(this);
        column->addWidget(*picture, 1);
        column->addWidget(*text);
        pictures->addLayout(column);
    }
    layout->addLayout(pictures, 1);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setEnabled(false);
    layout->addWidget(m_slider);
    m_summary = new QLabel(tr("Choose the two versions of the same cut."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* scroll = new QScrollArea(this);
    auto* charts = new QWidget(scroll);
    m_charts = new QVBoxLayout(charts);
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    layout->addWidget(scroll, 2);

    connect(before, &QPushButton::clicked, this, [this] { choose(true); });
    connect(after, &QPushButton::clicked, this, [this] { choose(false); });
    connect(m_offset_box, qOverload<int>(&QSpinBox::valueChanged), this, [this](int frames) {
        m_offset = frames;
        seek(m_shown_before_s < 0 ? 0.0 : m_shown_before_s);
    });
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int step) { seek(m_duration_s * step / kSliderSteps); });
    connect(m_analyse, &QPushButton::clicked, this, &GradeView::analyse);
}

GradeView::~GradeView() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

void GradeView::choose(bool before) {
    const QString path = QFileDialog::getOpenFileName(
        this, before ? tr("The version before the grade") : tr("The graded version"));
    if (path.isEmpty()) return;
    if (before) {
        m_before = path;
        m_before_name->setText(QFileInfo(path).fileName());
    } else {
        m_after = path;
        m_after_name->setText(QFileInfo(path).fileName());
    }
    if (!m_before.isEmpty() && !m_after.isEmpty()) set_pair(m_before, m_after);
}

bool GradeView::set_pair(const QString& before, const QString& after) {
    m_before = before;
    m_after = after;
    m_before_name->setText(QFileInfo(before).fileName());
    m_after_name->setText(QFileInfo(after).fileName());
    Result<std::unique_ptr<FrameSource>> probe = open_source(before.toStdString(), {});
    if (!probe) {
        m_summary->setText(tr("BEFORE: ") + QString::fromStdString(probe.status().message()));
        return false;
    }
    m_duration_s = probe.value()->info().duration_s;
    m_rate = probe.value()->info().frame_rate > 0 ? probe.value()->info().frame_rate : 24.0;
    const MeasureParams params = load_measure_params();
    m_render_before = std::make_unique<PreviewRenderer>(before, params);
    m_render_after = std::make_unique<PreviewRenderer>(after, params);
    for (auto [renderer, is_before] :
         {std::pair{m_render_before.get(), true}, std::pair{m_render_after.get(), false}}) {
        connect(renderer, &PreviewRenderer::rendered, this,
                [this, is_before = is_before](std::shared_ptr<const PreviewFrame> frame) {
                    on_rendered(is_before, frame);
                });
        connect(renderer, &PreviewRenderer::failed, this, [this](const QString& error) {
            m_summary->setText(tr("Cannot show the frame: ") + error);
        });
    }
    m_slider->setEnabled(true);
    m_analyse->setEnabled(true);
    m_summary->setText(tr("Scrub to compare; Analyse grade measures every frame."));
    seek(0.0);
    return true;
}

void GradeView::set_offset(int frames) {
    m_offset_box->setValue(frames);
}

double GradeView::after_time(double before_s) const {
    return before_s + m_offset / m_rate;
}

void GradeView::seek(double time_s) {
    if (!m_render_before || !m_render_after) return;
    if (m_duration_s > 0) {
        const QSignalBlocker quiet(m_slider);  // a seek from code moves the slider, not back
        m_slider->setValue(static_cast<int>(std::lround(kSliderSteps * time_s / m_duration_s)));
    }
    const int family = family_index(load_measure_params(), "blue");
    m_render_before->request(time_s, family);
    m_render_after->request(after_time(time_s), family);
}

void GradeView::on_rendered(bool before, const std::shared_ptr<const PreviewFrame>& frame) {
    QLabel* picture = before ? m_before_picture : m_after_picture;
    QLabel* text = before ? m_before_text : m_after_text;
    picture->setPixmap(QPixmap::fromImage(frame->picture.scaled(
        kPictureWidth, kPictureWidth, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    text->setText(QString("%1 %2 s: blue %3 of the chroma, mean chroma %4")
                      .arg(before ? tr("Before") : tr("After"))
                      .arg(frame->time_s, 0, 'f', 2)
                      .arg(share_of(frame->summary, "blue"))
                      .arg(frame->summary.mean_chroma, 0, 'f', 3));
    (before ? m_shown_before_s : m_shown_after_s) = frame->time_s;
}

QString GradeView::before_caption() const {
    return m_before_text->text();
}
QString GradeView::after_caption() const {
    return m_after_text->text();
}
QString GradeView::summary() const {
    return m_summary->text();
}
QString GradeView::folder() const {
    return m_dir ? m_dir->path() : QString();
}

void GradeView::analyse() {
    if (m_worker.joinable()) return;  // one at a time
    m_dir = std::make_unique<QTemporaryDir>();
    GradeOptions options;
    options.before.input = m_before.toStdString();
    options.after.input = m_after.toStdString();
    options.output_dir = m_dir->path().toStdString();
    options.offset_frames = m_offset;
    options.measure = load_measure_params();
    options.cancel = &m_cancel;
    m_analyse->setEnabled(false);
    m_summary->setText(tr("Analysing the grade…"));
    m_worker = std::thread([this, options] {
        Result<GradeResult> result = run_grade(options);
        const bool ok = static_cast<bool>(result);
        QString message;
        if (ok) {
            for (const std::string& line :
                 grade_family_sentences(result->film, options.measure.families))
                message += QString::fromStdString(line) + "\n";
        } else {
            message = QString::fromStdString(result.status().message());
        }
        QMetaObject::invokeMethod(this, [this, ok, message] { on_analysed(ok, message); });
    });
}

void GradeView::on_analysed(bool ok, const QString& message) {
    m_worker.join();
    m_analyse->setEnabled(true);
    m_summary->setText(message.trimmed());
    if (ok) show_charts();
    emit finished(ok);
}

void GradeView::show_charts() {
    for (ChartPanel* panel : m_panels) panel->deleteLater();
    m_panels.clear();
    charts::GradeData grade;
    QString error;
    if (!charts::load_grade_data(folder(), grade, error)) {
        m_summary->setText(error);
        return;
    }
    std::vector<charts::Chart> made = charts::grade_charts(grade);
    for (charts::Chart& chart : made) {
        auto* panel = new ChartPanel(this);
        panel->setMinimumHeight(380);  // the matrix's 13 hue labels need the height
        panel->show_chart(std::move(chart.chart));
        m_charts->addWidget(panel);
        m_panels.push_back(panel);
    }
}

}  // namespace huescope::gui
