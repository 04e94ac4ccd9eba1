#include "analysis_worker.hpp"

namespace huescope::gui {

AnalysisWorker::AnalysisWorker(AnalyzeOptions options, QObject* parent)
    : QThread(parent), m_options(std::move(options)) {}

std::vector<LiveFrame> AnalysisWorker::take_frames() {
    std::lock_guard<std::mutex> lock(m_lock);
    std::vector<LiveFrame> out;
    out.swap(m_frames);
    return out;
}

Vectorscope AnalysisWorker::scope_so_far() {
    std::lock_guard<std::mutex> lock(m_lock);
    return m_scope;
}

Progress AnalysisWorker::progress() {
    std::lock_guard<std::mutex> lock(m_lock);
    return m_progress;
}

void AnalysisWorker::run() {
    AnalyzeHooks hooks;
    hooks.cancel = &m_cancel;
    hooks.on_progress = [this](const Progress& p) {
        std::lock_guard<std::mutex> lock(m_lock);
        m_progress = p;
    };
    hooks.on_frame = [this](const FrameUpdate& f) {
        LiveFrame frame;
        frame.time_s = f.time_s;
        for (const auto& share : f.summary.shares) frame.shares.push_back(share.second);
        frame.hue_histogram.assign(f.summary.hue_histogram.begin(), f.summary.hue_histogram.end());
        frame.hue_weight = f.summary.hue_weight;
        std::lock_guard<std::mutex> lock(m_lock);
        m_frames.push_back(std::move(frame));
        m_scope.add(f.thumbnail_oklab.data(), f.thumbnail_oklab.size() / 3);
    };
    Result<AnalysisResult> result = analyze(m_options, hooks);
    if (result) {
        emit done(true, false, QString());
    } else {
        emit done(false, result.status().code() == ErrorCode::Interrupted,
                  QString::fromStdString(result.status().message()));
    }
}

}  // namespace huescope::gui
