#include "pdf_report.hpp"

#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QtCharts/QChart>

#include "report_text.hpp"

namespace huescope::report {
namespace {

// A simple page flow: text blocks and pictures placed top to bottom, new page when full.
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

    void swatches(const std::vector<charts::Swatch>& palette, double height, bool labels) {
        room(height + (labels ? 3 * line() : 0));
        double x = 0;
        double total = 0;
        for (const charts::Swatch& s : palette) total += s.weight;
        m_painter.setFont(font(7));
        for (const charts::Swatch& s : palette) {
            const double w = total > 0 ? m_width * s.weight / total : 0;
            m_painter.fillRect(QRectF(x, m_y, w, height), QColor(s.hex));
            if (labels && w > 3 * line()) {
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

}  // namespace

bool pdf_report(const charts::ReportData& d, std::vector<charts::Chart>& charts,
                const QString& path, QString& error) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(report_title(d));
    writer.setCreator("huescope " + d.tool_version);
    QPainter painter;
    if (!painter.begin(&writer)) {
        error = "cannot write '" + path + "'";
        return false;
    }
    PageFlow page(writer, painter);
    page.text(report_title(d), 15, true);
    page.text(headline(d, "blue"), 10);
    for (const auto& [label, value] : header_rows(d)) page.text(label + ": " + value, 8);
    page.text("Palette of the film", 11, true);
    page.swatches(d.palette, page.line() * 4, true);
    page.text("Barcode: mean colour of each frame, averaged in linear light", 9, true);
    page.image(d.barcode, page.line() * 4);
    page.text("Hue barcode: dominant hue of each frame", 9, true);
    page.image(d.hue_barcode, page.line() * 4);

    page.new_page();
    std::vector<QChart*> squares;
    for (charts::Chart& c : charts) {
        if (c.id.startsWith("famil")) {
            page.chart(*c.chart, 0.36);
        } else {
            squares.push_back(c.chart.get());
        }
    }
    if (squares.size() == 2) page.chart_pair(*squares[0], *squares[1]);

    page.new_page();
    page.text("Palettes of the longest shots", 11, true);
    for (const charts::ShotRow* s : longest_shots(d, 6)) {
        page.text(QString("Shot %1, %2 s to %3 s")
                      .arg(s->index)
                      .arg(num(s->start_s, 2), num(s->end_s, 2)),
                  8, true);
        page.swatches(s->palette, page.line() * 2.5, true);
    }
    page.new_page();
    page.text("Shots", 11, true);
    for (const charts::ShotRow& s : d.shots) {
        QString shares;
        for (std::size_t f = 0; f < d.families.size(); ++f) {
            shares += QString("%1 %2  ").arg(d.families[f].name, num(s.stats.shares[f], 2));
        }
        page.text(
            QString(
                "Shot %1 — %2 s to %3 s (frames %4–%5), begins by %6; mean hue %7°, chromatic %8, "
                "chroma %9")
                    .arg(s.index)
                    .arg(num(s.start_s, 2), num(s.end_s, 2))
                    .arg(s.start_frame)
                    .arg(s.end_frame)
                    .arg(s.transition, num(s.stats.hue_mean_deg, 0),
                         num(s.stats.chromatic_fraction, 2), num(s.stats.mean_chroma, 3)) +
                "\n" + shares,
            7);
        page.swatches(s.palette, page.line() * 1.2, false);
    }
    page.new_page();
    for (const QString& paragraph : how_to_read(d)) page.text(paragraph, 9);
    painter.end();
    return true;
}

}  // namespace huescope::report
