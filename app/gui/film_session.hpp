#pragma once
// One film opened in the app: its probe, its analysis (run in the background, or loaded from an
// earlier run), the live results while it runs and the published results once it is done.

#include <QObject>
#include <QString>
#include <QTimer>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "../charts/report_data.hpp"
#include "analysis_worker.hpp"
#include "huescope/measurement.hpp"
#include "huescope/source.hpp"

namespace huescope::gui {

class FilmSession : public QObject {
    Q_OBJECT
  public:
    enum class State { Idle, Analysing, Ready, Failed, Cancelled };

    /// `path`: a video, an EXR sequence, or an analysis folder made by `huescope analyze`.
    FilmSession(QString path, MeasureParams params, QObject* parent = nullptr);
    ~FilmSession() override;

    /// Probes the input, then loads an earlier analysis with the same settings or starts one.
    void start();
    void cancel();

    QString path() const { return m_path; }
    QString label() const;
    State state() const { return m_state; }
    QString error() const { return m_error; }
    const MeasureParams& params() const { return m_params; }
    /// The input the frames are read from (for an analysis folder: the input it names).
    QString media_path() const { return m_media_path; }
    const std::optional<SourceInfo>& source() const { return m_source; }
    QString analysis_folder() const { return m_folder; }

    // While analysing: every measured frame so far.
    const std::vector<double>& live_times() const { return m_live_times; }
    const std::vector<std::vector<double>>& live_shares() const { return m_live_shares; }
    std::vector<double> live_histogram() const;
    const Vectorscope& live_scope() const { return m_live_scope; }
    double fraction_done() const;
    double frames_per_second() const { return m_fps; }
    double seconds_left() const;

    // When ready: the analysis folder read back, and the film's and shots' vectorscopes.
    const charts::ReportData& report() const { return m_report; }
    const std::vector<std::vector<float>>& scopes() const { return m_scopes; }
    /// Each shot's hue distribution (360 bins summing to 1), from hue_time.exr.
    const std::vector<std::vector<double>>& shot_histograms() const { return m_shot_hists; }
    /// The shot showing at `time_s` (-1 before the first).
    int shot_at(double time_s) const;

    /// The cache folder for an input and settings (a hash of path, size, time and settings).
    static QString cache_folder(const QString& media_path, const MeasureParams& params);

  signals:
    void probed();
    void updated();  ///< live results or progress changed
    void ready();
    void failed(QString error);
    void cancelled();

  private:
    void start_analysis();
    void on_worker_done(bool ok, bool was_cancelled, const QString& error);
    void poll_worker();
    bool load_results();
    void fail(const QString& error);

    QString m_path, m_media_path, m_folder, m_error;
    MeasureParams m_params;
    State m_state = State::Idle;
    std::optional<SourceInfo> m_source;
    AnalysisWorker* m_worker = nullptr;
    QTimer m_poll;
    std::vector<double> m_live_times;
    std::vector<std::vector<double>> m_live_shares;
    std::array<double, kHueBins> m_live_hist_weighted{};
    double m_live_weight = 0.0;
    Vectorscope m_live_scope;
    Progress m_progress;
    double m_fps = 0.0;
    charts::ReportData m_report;
    std::vector<std::vector<float>> m_scopes;
    std::vector<std::vector<double>> m_shot_hists;
};

}  // namespace huescope::gui
