#include "film_session.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

#include "huescope/analysis_folder.hpp"
#include "huescope/hue_time.hpp"

namespace huescope::gui {

FilmSession::FilmSession(QString path, MeasureParams params, QObject* parent)
    : QObject(parent), m_path(std::move(path)), m_params(std::move(params)) {
    m_poll.setInterval(100);  // live views refresh ten times a second, whatever the frame rate
    connect(&m_poll, &QTimer::timeout, this, &FilmSession::poll_worker);
}

FilmSession::~FilmSession() {
    if (m_worker != nullptr) {
        m_worker->cancel();
        m_worker->wait();
    }
}

QString FilmSession::label() const {
    const QFileInfo info(m_media_path.isEmpty() ? m_path : m_media_path);
    return info.completeBaseName().isEmpty() ? info.fileName() : info.completeBaseName();
}

QString FilmSession::cache_folder(const QString& media_path, const MeasureParams& params) {
    const QFileInfo info(media_path);
    QString key = info.absoluteFilePath() + "|" + QString::number(info.size()) + "|" +
                  QString::number(info.lastModified().toMSecsSinceEpoch()) + "|" +
                  QString::fromLatin1(version());
    key += QString("|%1|%2|%3")
               .arg(params.min_chroma)
               .arg(params.near_black_l)
               .arg(params.near_white_l);
    for (const HueBand& band : params.families)
        key += QString("|%1=%2:%3")
                   .arg(QString::fromStdString(band.name))
                   .arg(band.from_deg)
                   .arg(band.to_deg);
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/analyses/" +
           info.completeBaseName() + "-" + QString::fromLatin1(hash.left(12));
}

void FilmSession::fail(const QString& error) {
    m_state = State::Failed;
    m_error = error;
    emit failed(error);
}

void FilmSession::start() {
    m_media_path = m_path;
    if (is_analysis_folder(m_path.toStdString())) {
        // An analysis folder opened directly: its results, and the frames from its input.
        // Its settings are the ones it was measured with, whatever the app's settings are now.
        m_folder = m_path;
        Result<FilmRecord> record = read_analysis_folder(m_path.toStdString());
        if (!record) {
            fail(QString::fromStdString(record.status().message()));
            return;
        }
        m_media_path = QString::fromStdString(record->input_path);
        m_params.hue_space = record->hue_space;
        m_params.families = record->families;
        m_params.min_chroma = record->min_chroma;
        m_params.near_black_l = record->near_black_l;
        m_params.near_white_l = record->near_white_l;
    }
    Result<std::unique_ptr<FrameSource>> opened =
        open_source(m_media_path.toStdString(), SourceOptions{});
    if (opened) {
        m_source = opened.value()->info();
        emit probed();
    } else if (m_folder.isEmpty()) {
        fail(QString::fromStdString(opened.status().message()));
        return;
    }
    if (m_folder.isEmpty()) m_folder = cache_folder(m_media_path, m_params);
    if (is_analysis_folder(m_folder.toStdString()) && load_results()) return;
    if (!m_source) {
        fail("cannot read the analysis in '" + m_folder + "'");
        return;
    }
    start_analysis();
}

void FilmSession::start_analysis() {
    AnalyzeOptions options;
    options.input = m_media_path.toStdString();
    options.output_dir = m_folder.toStdString();
    options.measure = m_params;
    options.command_line = "huescope-gui";
    // An analysis cancelled earlier (or cut short by a crash) goes on where it stopped; the
    // live views then start there, and the finished files are a whole run's.
    options.resume = QFileInfo::exists(m_folder + "/.huescope-checkpoint/state.bin");
    m_worker = new AnalysisWorker(options, this);
    connect(m_worker, &AnalysisWorker::done, this, &FilmSession::on_worker_done,
            Qt::QueuedConnection);
    m_live_shares.assign(m_params.families.size(), {});
    m_state = State::Analysing;
    m_worker->start();
    m_poll.start();
}

void FilmSession::cancel() {
    if (m_worker != nullptr) m_worker->cancel();
}

void FilmSession::poll_worker() {
    if (m_worker == nullptr) return;
    for (LiveFrame& frame : m_worker->take_frames()) {
        m_live_times.push_back(frame.time_s);
        for (std::size_t f = 0; f < m_live_shares.size() && f < frame.shares.size(); ++f)
            m_live_shares[f].push_back(frame.shares[f]);
        // The film so far is the chroma-weighted sum of its frames' distributions.
        for (std::size_t i = 0; i < m_live_hist_weighted.size() && i < frame.hue_histogram.size();
             ++i)
            m_live_hist_weighted[i] += frame.hue_histogram[i] * frame.hue_weight;
        m_live_weight += frame.hue_weight;
    }
    m_live_scope = m_worker->scope_so_far();
    m_progress = m_worker->progress();
    m_fps = m_progress.elapsed_s > 0 ? m_progress.frames_analyzed / m_progress.elapsed_s : 0.0;
    emit updated();
}

std::vector<double> FilmSession::live_histogram() const {
    std::vector<double> h(m_live_hist_weighted.begin(), m_live_hist_weighted.end());
    if (m_live_weight > 0)
        for (double& v : h) v /= m_live_weight;
    return h;
}

double FilmSession::fraction_done() const {
    if (m_state == State::Ready) return 1.0;
    if (m_progress.frames_expected <= 0) return 0.0;
    return std::min(1.0, double(m_progress.frames_analyzed) / double(m_progress.frames_expected));
}

double FilmSession::seconds_left() const {
    if (m_fps <= 0 || m_progress.frames_expected <= 0) return -1.0;
    return std::max(0.0, double(m_progress.frames_expected - m_progress.frames_analyzed) / m_fps);
}

void FilmSession::on_worker_done(bool ok, bool was_cancelled, const QString& error) {
    poll_worker();
    m_poll.stop();
    m_worker->wait();
    m_worker->deleteLater();
    m_worker = nullptr;
    if (was_cancelled) {
        m_state = State::Cancelled;
        m_error = "analysis cancelled";
        emit cancelled();
        return;
    }
    if (!ok) {
        fail(error);
        return;
    }
    if (!load_results()) fail(m_error);
}

int FilmSession::shot_at(double time_s) const {
    // Shots are in time order: the last one starting at or before the time.
    const auto& shots = m_report.shots;
    const auto after =
        std::upper_bound(shots.begin(), shots.end(), time_s + 1e-6,
                         [](double t, const charts::ShotRow& shot) { return t < shot.start_s; });
    return static_cast<int>(after - shots.begin()) - 1;
}

bool FilmSession::load_results() {
    charts::ReportData report;
    QString error;
    if (!charts::load_report_data(m_folder, report, error)) {
        m_error = error;
        return false;
    }
    m_report = std::move(report);
    Result<std::vector<std::vector<float>>> scopes =
        read_vectorscopes((m_folder + "/vectorscope.exr").toStdString());
    if (scopes) m_scopes = std::move(scopes.value());  // an older analysis has none: no scopes
    // Each shot's hue distribution: the sum of its frames' hue_time rows, normalised.
    m_shot_hists.assign(m_report.shots.size(), std::vector<double>(kHueBins, 0.0));
    const Status rows = read_hue_time(
        (m_folder + "/hue_time.exr").toStdString(), [this](int64_t row, const float* hues) {
            if (row >= static_cast<int64_t>(m_report.time_s.size())) return;
            const int shot = shot_at(m_report.time_s[static_cast<std::size_t>(row)]);
            if (shot < 0) return;
            std::vector<double>& h = m_shot_hists[static_cast<std::size_t>(shot)];
            for (int i = 0; i < kHueBins; ++i) h[static_cast<std::size_t>(i)] += hues[i];
        });
    if (!rows) m_shot_hists.clear();
    for (std::vector<double>& h : m_shot_hists) {
        double sum = 0;
        for (double v : h) sum += v;
        if (sum > 0)
            for (double& v : h) v /= sum;
    }
    m_state = State::Ready;
    emit ready();
    return true;
}

}  // namespace huescope::gui
