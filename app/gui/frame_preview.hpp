#pragma once
// The frame at a time, decoded through the same colour decode as the analysis, for the viewer:
// the picture in sRGB, which pixels count toward a hue family, the frame's statistics and its
// vectorscope. Rendering runs on its own thread; while it is busy, only the latest request is
// kept, so scrubbing never queues up work.

#include <QImage>
#include <QObject>
#include <QThread>
#include <memory>
#include <mutex>
#include <optional>

#include "huescope/measurement.hpp"
#include "huescope/source.hpp"
#include "huescope/vectorscope.hpp"

namespace huescope::gui {

struct PreviewFrame {
    double time_s = 0.0;
    int64_t number = 0;
    QImage picture;  ///< sRGB, the analysis grid
    QImage mask;     ///< alpha 255 where a pixel counts toward the family
    HueSummary summary;
    Vectorscope scope;
};

/// Renders a decoded frame (pure function, tested on its own).
PreviewFrame render_preview(const Frame& frame, const MeasureParams& params, int family);

class PreviewRenderer : public QObject {
    Q_OBJECT
  public:
    PreviewRenderer(QString media_path, MeasureParams params);
    ~PreviewRenderer() override;
    /// Asks for the frame at `time_s` with `family` highlighted; answered by rendered().
    void request(double time_s, int family);

  signals:
    void rendered(std::shared_ptr<const PreviewFrame> frame);
    void failed(QString error);

  private:
    void work();

    QString m_media_path;
    MeasureParams m_params;
    QThread m_thread;
    QObject m_context;  // lives in m_thread; work is queued to it
    std::mutex m_lock;
    std::optional<std::pair<double, int>> m_pending;
    std::unique_ptr<FrameSource> m_source;
};

}  // namespace huescope::gui

Q_DECLARE_METATYPE(std::shared_ptr<const huescope::gui::PreviewFrame>)
