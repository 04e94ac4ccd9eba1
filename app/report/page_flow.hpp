#pragma once

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <vector>

#include "../charts/charts.hpp"
#include "report_text.hpp"

namespace huescope::report {

/// Opens an A4 PDF with the reports' margins and resolution on `painter`.
bool begin_pdf(QPdfWriter& writer, QPainter& painter, const QString& path, const QString& title,
               const QString& creator, QString& error);

/// A simple page flow: text blocks and pictures placed top to bottom, new page when full.
class PageFlow {
  public:
    PageFlow(QPdfWriter& writer, QPainter& painter) : m_writer(writer), m_painter(painter) {
        m_width = painter.viewport().width();
        m_height = painter.viewport().height();
    }

    QFont font(int points, bool bold = false) const {
        QFont f(charts::report_font_family());
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    void text(const QString& body, int points = 9, bool bold = false) {
        m_painter.setFont(font(points, bold));
        const QRectF bounds =
            m_painter.boundingRect(QRectF(0, 0, m_width, 1e6), Qt::TextWordWrap, body);
        room(bounds.height());
        m_painter.drawText(QRectF(0, m_y, m_width, bounds.height()), Qt::TextWordWrap, body);
        m_y += bounds.height() + gap();
    }

    void chart(QChart& chart, double height_fraction) {
        const double h = m_width * height_fraction;
        room(h);
        // Charts are laid out at screen size and scaled onto the page, so labels keep their size.
        const QSizeF logical(900, 900 * height_fraction);
        m_painter.save();
        m_painter.translate(0, m_y);
        m_painter.scale(m_width / logical.width(), h / logical.height());
        charts::paint(chart, m_painter, QRectF(QPointF(0, 0), logical));
        m_painter.restore();
        m_y += h + gap();
    }

    // Two square charts side by side.
    void chart_pair(QChart& left, QChart& right) {
        const double w = (m_width - gap()) / 2;
        room(w);
        const QSizeF logical(470, 470);
        for (int i = 0; i < 2; ++i) {
            m_painter.save();
            m_painter.translate(i * (w + gap()), m_y);
            m_painter.scale(w / logical.width(), w / logical.height());
            charts::paint(i == 0 ? left : right, m_painter, QRectF(QPointF(0, 0), logical));
            m_painter.restore();
        }
        m_y += w + gap();
    }

    void image(const QImage& image, double height) {
        if (image.isNull()) return;
        room(height);
        m_painter.drawImage(QRectF(0, m_y, m_width, height), image);
        m_y += height + gap();
    }

    // Two pictures side by side, each half the width, at their own aspect ratio.
    void image_pair(const QImage& left, const QImage& right) {
        if (left.isNull() || right.isNull()) return;
        const double w = (m_width - gap()) / 2;
        const double h = w * left.height() / std::max(1, left.width());
        room(h);
        m_painter.drawImage(QRectF(0, m_y, w, h), left);
        m_painter.drawImage(QRectF(w + gap(), m_y, w, h), right);
        m_y += h + gap();
    }

    void swatches(const std::vector<charts::Swatch>& palette, double height, bool labels) {
        room(height + (labels ? 3 * line() : 0));
        double x = 0;
        double total = 0;
        for (const charts::Swatch& s : palette) total += s.weight;
        m_painter.setFont(font(7));
        for (const charts::Swatch& s : palette) {
            const double w = total > 0 ? m_width * s.weight / total : 0;
            m_painter.fillRect(QRectF(x, m_y, w, height), QColor(s.hex));
            if (labels && w > 7 * line()) {  // narrower swatches: no room for a label
                m_painter.setPen(Qt::black);
                m_painter.drawText(
                    QRectF(x, m_y + height, w, 3 * line()), Qt::TextWordWrap,
                    QString("%1 %2%\nOKLCh %3 %4 %5°")
                        .arg(s.hex, num(100 * s.weight, 1))
                        .arg(num(s.oklch[0], 2), num(s.oklch[1], 3), num(s.oklch[2], 0)));
            }
            x += w;
        }
        m_y += height + (labels ? 3 * line() : 0) + gap();
    }

    void new_page() {
        m_writer.newPage();
        m_y = 0;
    }

    double line() const { return m_height / 80.0; }

  private:
    double gap() const { return m_height / 100.0; }
    void room(double h) {
        if (m_y + h > m_height && m_y > 0) new_page();
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    double m_width = 0, m_height = 0, m_y = 0;
};

inline bool begin_pdf(QPdfWriter& writer, QPainter& painter, const QString& path,
                      const QString& title, const QString& creator, QString& error) {
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(creator);
    if (!painter.begin(&writer)) {
        error = "cannot write '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace huescope::report
