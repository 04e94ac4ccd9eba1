#pragma once
// Runs huescope::analyze on its own thread. Measured frames are collected under a lock and taken
// by the window on a timer, so a fast analysis cannot flood the event loop with signals.

#include <QThread>
#include <atomic>
#include <mutex>
#include <vector>

#include "huescope/analyze.hpp"
#include "huescope/vectorscope.hpp"

namespace huescope::gui {

/// One measured frame as the live views need it.
struct LiveFrame {
    double time_s = 0.0;
    std::vector<double> shares;  ///< per family
    std::vector<double> hue_histogram;
    double hue_weight = 0.0;
};

class AnalysisWorker : public QThread {
    Q_OBJECT
  public:
    explicit AnalysisWorker(AnalyzeOptions options, QObject* parent = nullptr);
    void cancel() { m_cancel.store(true); }

    /// Frames measured since the last call, and the vectorscope of everything so far.
    std::vector<LiveFrame> take_frames();
    Vectorscope scope_so_far();
    Progress progress();

  signals:
    /// ok, or the error (cancelled = the user stopped it).
    void done(bool ok, bool cancelled, QString error);

  protected:
    void run() override;

  private:
    AnalyzeOptions m_options;
    std::atomic<bool> m_cancel{false};
    std::mutex m_lock;
    std::vector<LiveFrame> m_frames;
    Vectorscope m_scope;
    Progress m_progress;
};

}  // namespace huescope::gui
