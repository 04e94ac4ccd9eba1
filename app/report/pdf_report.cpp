#include "pdf_report.hpp"

#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QtCharts/QChart>

#include "page_flow.hpp"
#include "report_text.hpp"

namespace huescope::report {

bool pdf_report(const charts::ReportData& d, std::vector<charts::Chart>& charts,
                const QString& path, QString& error) {
    QPdfWriter writer(path);
    QPainter painter;
    if (!begin_pdf(writer, painter, path, report_title(d), "huescope " + d.tool_version, error)) {
        return false;
    }
    PageFlow page(writer, painter);
    page.text(report_title(d), 15, true);
    page.text(headline(d, "blue"), 10);
    for (const QString& w : warnings(d)) page.text(w, 9, true);
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
        if (charts::is_wide(c)) {
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
