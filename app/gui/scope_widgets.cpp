#include "scope_widgets.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "huescope/vectorscope.hpp"

namespace huescope::gui {

VectorscopeWidget::VectorscopeWidget(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 160);
}

void VectorscopeWidget::set_density(const std::vector<float>& fractions, const QString& caption) {
    m_density = fractions;
    m_caption = caption;
    update();
}

void VectorscopeWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(20, 20, 22));
    const int side = std::min(width(), height() - 16);
    const QRect square((width() - side) / 2, 0, side, side);
    const int n = Vectorscope::kSize;
    if (static_cast<int>(m_density.size()) == n * n) {
        // Log scale: a film's density spans several orders of magnitude.
        const float peak = *std::max_element(m_density.begin(), m_density.end());
        QImage image(n, n, QImage::Format_RGB32);
        for (int row = 0; row < n; ++row) {
            for (int col = 0; col < n; ++col) {
                const float v = m_density[static_cast<std::size_t>(row * n + col)];
                const double t = v > 0 && peak > 0 ? 1.0 + std::log10(v / peak) / 4.0 : 0.0;
                const int level = static_cast<int>(255 * std::clamp(t, 0.0, 1.0));
                image.setPixel(col, row, qRgb(level / 3, level, level / 2));
            }
        }
        p.drawImage(square, image);
    }
    // Neutral cross, the hue circle at chroma 0.1 and 0.2, and the directions of the primaries.
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(90, 90, 90), 1));
    const QPointF centre = QRectF(square).center();
    const double per_unit = side / (2.0 * Vectorscope::kRange);
    p.drawLine(QPointF(square.left(), centre.y()), QPointF(square.right(), centre.y()));
    p.drawLine(QPointF(centre.x(), square.top()), QPointF(centre.x(), square.bottom()));
    for (double c : {0.1, 0.2}) p.drawEllipse(centre, c * per_unit, c * per_unit);
    p.setPen(QColor(200, 200, 200));
    const struct {
        const char* name;
        double hue;
    } marks[] = {{"R", 29}, {"Y", 110}, {"G", 142}, {"C", 195}, {"B", 264}, {"M", 328}};
    for (const auto& m : marks) {
        const double rad = m.hue * 3.14159265358979323846 / 180.0;
        const QPointF at = centre + QPointF(std::cos(rad), -std::sin(rad)) * 0.27 * per_unit;
        p.drawText(QRectF(at.x() - 8, at.y() - 8, 16, 16), Qt::AlignCenter, m.name);
    }
    p.drawText(QRect(0, side, width(), 16), Qt::AlignCenter, m_caption);
}

BarcodeStrip::BarcodeStrip(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(32);
    setCursor(Qt::PointingHandCursor);
}

void BarcodeStrip::set_barcode(const QImage& barcode) {
    m_barcode = barcode;
    update();
}

void BarcodeStrip::set_position(double fraction) {
    m_position = std::clamp(fraction, 0.0, 1.0);
    update();
}

void BarcodeStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(40, 40, 40));
    if (!m_barcode.isNull()) p.drawImage(rect(), m_barcode);
    const int x = static_cast<int>(m_position * (width() - 1));
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(x, 0, x, height());
    p.setPen(QPen(Qt::black, 1));
    p.drawLine(x + 2, 0, x + 2, height());
}

void BarcodeStrip::mousePressEvent(QMouseEvent* event) {
    emit seek_requested(std::clamp(event->position().x() / std::max(1, width()), 0.0, 1.0));
}

void BarcodeStrip::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) mousePressEvent(event);
}

PaletteStrip::PaletteStrip(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(28);
}

void PaletteStrip::set_palette(const std::vector<charts::Swatch>& palette) {
    m_palette = palette;
    setToolTip(QString());
    QStringList tips;
    for (const charts::Swatch& s : palette) {
        tips << QString("%1  %2%  OKLCh %3 %4 %5°")
                    .arg(s.hex)
                    .arg(100 * s.weight, 0, 'f', 1)
                    .arg(s.oklch[0], 0, 'f', 2)
                    .arg(s.oklch[1], 0, 'f', 3)
                    .arg(s.oklch[2], 0, 'f', 0);
    }
    setToolTip(tips.join("\n"));
    update();
}

void PaletteStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    double total = 0;
    for (const charts::Swatch& s : m_palette) total += s.weight;
    double x = 0;
    for (const charts::Swatch& s : m_palette) {
        const double w = total > 0 ? width() * s.weight / total : 0;
        const QRectF cell(x, 0, w, height());
        const QColor colour(s.hex);
        p.fillRect(cell, colour);
        if (w > 60) {
            p.setPen(colour.lightnessF() > 0.55 ? Qt::black : Qt::white);
            p.drawText(cell, Qt::AlignCenter, s.hex);
        }
        x += w;
    }
}

FrameView::FrameView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 135);
}

void FrameView::set_frame(const QImage& picture, const QImage& mask) {
    m_picture = picture;
    m_mask = mask;
    m_message.clear();
    compose();
}

void FrameView::set_overlay(bool on) {
    m_overlay = on;
    compose();
}

void FrameView::set_message(const QString& message) {
    m_message = message;
    update();
}

void FrameView::compose() {
    m_composed = m_picture;
    if (m_overlay && !m_picture.isNull() && m_mask.size() == m_picture.size()) {
        // Pixels outside the family: grey at a third of their brightness; inside: as they are.
        for (int y = 0; y < m_composed.height(); ++y) {
            uchar* rgb = m_composed.scanLine(y);
            const uchar* mask = m_mask.constScanLine(y);
            for (int x = 0; x < m_composed.width(); ++x) {
                if (mask[x] != 0) continue;
                const int grey = (rgb[3 * x] + rgb[3 * x + 1] + rgb[3 * x + 2]) / 9;
                rgb[3 * x] = rgb[3 * x + 1] = rgb[3 * x + 2] = static_cast<uchar>(grey);
            }
        }
    }
    update();
}

void FrameView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (!m_composed.isNull()) {
        const QSize size = m_composed.size().scaled(this->size(), Qt::KeepAspectRatio);
        const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2),
                           size);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(target, m_composed);
    }
    if (!m_message.isEmpty()) {
        p.setPen(Qt::white);
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message);
    }
}

}  // namespace huescope::gui
