#include "frame_preview.hpp"

#include <QMetaObject>
#include <algorithm>
#include <cmath>

#include "huescope/color_math.hpp"
#include "huescope/letterbox.hpp"

namespace huescope::gui {
namespace {

double hue_in(HueSpace space, const Vec3& xyz, const Vec3& ok) {
    const Vec3 lab = space == HueSpace::Cielab ? xyz_to_cielab(xyz) : ok;
    return hue_degrees(lab[1], lab[2]);
}

}  // namespace

PreviewFrame render_preview(const Frame& frame, const MeasureParams& params, int family) {
    const LinearImage& image = frame.image;
    PreviewFrame out;
    out.time_s = frame.time_s;
    out.number = frame.number;
    out.picture = QImage(image.width, image.height, QImage::Format_RGB888);
    out.mask = QImage(image.width, image.height, QImage::Format_Alpha8);
    out.mask.fill(0);
    // The scope and statistics cover the picture as the analysis measures it: bars left out.
    const Rect area = detect_picture_area(image);
    const bool has_family = family >= 0 && family < static_cast<int>(params.families.size());
    for (int y = 0; y < image.height; ++y) {
        uchar* rgb = out.picture.scanLine(y);
        uchar* mask = out.mask.scanLine(y);
        for (int x = 0; x < image.width; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * image.width + x;
            const Vec3 linear{image.rgb[3 * i], image.rgb[3 * i + 1], image.rgb[3 * i + 2]};
            for (int c = 0; c < 3; ++c) rgb[3 * x + c] = srgb8(linear[static_cast<std::size_t>(c)]);
            if (!std::isfinite(linear[0] + linear[1] + linear[2])) continue;
            const Vec3 xyz = working_rgb_to_xyz(linear);
            const Vec3 ok = xyz_to_oklab(xyz);
            if (area.contains(x, y)) {
                const float sample[3] = {float(ok[0]), float(ok[1]), float(ok[2])};
                out.scope.add(sample, 1);
            }
            const double chroma = std::hypot(ok[1], ok[2]);
            if (has_family && classify_pixel(ok[0], chroma, params) == PixelKind::Chromatic &&
                params.families[static_cast<std::size_t>(family)].contains(
                    hue_in(params.hue_space, xyz, ok))) {
                mask[x] = 255;
            }
        }
    }
    HueAccumulator acc;
    acc.reset(params.families.size());
    accumulate(image, area, params, acc);
    out.summary = summarize(acc, params);
    return out;
}

PreviewRenderer::PreviewRenderer(QString media_path, MeasureParams params)
    : m_media_path(std::move(media_path)), m_params(std::move(params)) {
    qRegisterMetaType<std::shared_ptr<const PreviewFrame>>();
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

PreviewRenderer::~PreviewRenderer() {
    m_thread.quit();
    m_thread.wait();
}

void PreviewRenderer::request(double time_s, int family) {
    bool idle = false;
    {
        std::lock_guard<std::mutex> lock(m_lock);
        idle = !m_pending.has_value();
        m_pending = std::make_pair(time_s, family);
    }
    if (idle)
        QMetaObject::invokeMethod(
            &m_context, [this] { work(); }, Qt::QueuedConnection);
}

void PreviewRenderer::work() {
    while (true) {
        std::pair<double, int> job;
        {
            std::lock_guard<std::mutex> lock(m_lock);
            if (!m_pending) return;
            job = *m_pending;
        }
        if (!m_source) {
            Result<std::unique_ptr<FrameSource>> opened =
                open_source(m_media_path.toStdString(), SourceOptions{});
            if (!opened) {
                emit failed(QString::fromStdString(opened.status().message()));
                std::lock_guard<std::mutex> lock(m_lock);
                m_pending.reset();
                return;
            }
            m_source = std::move(opened.value());
        }
        Frame frame;
        Status sought = m_source->seek(job.first);
        Result<bool> got = sought ? m_source->next(frame) : Result<bool>(sought);
        {
            std::lock_guard<std::mutex> lock(m_lock);
            // A newer request arrived while decoding: serve that one instead.
            if (m_pending && *m_pending != job) continue;
            m_pending.reset();
        }
        if (!got) {
            emit failed(QString::fromStdString(got.status().message()));
        } else if (got.value()) {
            emit rendered(
                std::make_shared<const PreviewFrame>(render_preview(frame, m_params, job.second)));
        }
        return;
    }
}

}  // namespace huescope::gui
