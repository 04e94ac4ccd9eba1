#include "html_report.hpp"

#include <QFileInfo>
#include <QImage>

#include "html_parts.hpp"
#include "report_text.hpp"

namespace huescope::report {
namespace {

QString mini_palette(const std::vector<charts::Swatch>& palette) {
    QString html = "<div class=\"mini\">";
    for (const charts::Swatch& s : palette) {
        html += QString("<div style=\"background:%1;flex-grow:%2\"></div>")
                    .arg(s.hex)
                    .arg(std::max(1, int(s.weight * 1000)));
    }
    return html + "</div>";
}

}  // namespace

QString html_report(const charts::ReportData& d, std::vector<charts::Chart>& charts) {
    QString html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
                   escaped(report_title(d)) + "</title><style>" + kReportStyle +
                   "</style></head><body>\n";
    html += "<h1>" + escaped(report_title(d)) + "</h1>\n";
    html += "<p class=\"headline\">" + escaped(headline(d, "blue")) + "</p>\n";
    for (const QString& w : warnings(d)) html += "<p class=\"warning\">" + escaped(w) + "</p>\n";
    html += "<table>";
    for (const auto& [label, value] : header_rows(d)) {
        html += "<tr><th>" + escaped(label) + "</th><td>" + escaped(value) + "</td></tr>";
    }
    html += "</table>\n<h2>Palette of the film</h2>" + swatch_row(d.palette, true);
    html += "\n<h2>Barcode</h2><p>Mean colour of each frame, averaged in linear light:</p>";
    if (!d.barcode.isNull())
        html += "<img class=\"barcode\" alt=\"barcode\" src=\"" + data_uri(d.barcode) + "\"/>";
    html += "<p>Dominant hue of each frame:</p>";
    if (!d.hue_barcode.isNull()) {
        html +=
            "<img class=\"barcode\" alt=\"hue barcode\" src=\"" + data_uri(d.hue_barcode) + "\"/>";
    }
    html += "\n<h2>Charts</h2><div class=\"charts\">";
    for (charts::Chart& c : charts) {
        const bool wide = charts::is_wide(c);
        html += "<figure id=\"" + c.id + "\"" + (wide ? "" : " class=\"square\"") + ">" +
                inline_svg(charts::to_svg(*c.chart, charts::chart_size(c))) + "</figure>\n";
    }
    html += "</div>\n<h2>Palettes of the longest shots</h2>";
    for (const charts::ShotRow* s : longest_shots(d, 6)) {
        html += QString("<p>Shot %1, %2 s to %3 s</p>")
                    .arg(s->index)
                    .arg(num(s->start_s, 2), num(s->end_s, 2)) +
                swatch_row(s->palette, true);
    }
    html +=
        "\n<h2>Shots</h2><table class=\"shots\"><tr><th>#</th><th>start (s)</th>"
        "<th>end (s)</th><th>frames</th><th>begins by</th>";
    for (const charts::FamilyBand& f : d.families) html += "<th>" + escaped(f.name) + "</th>";
    html += "<th>mean hue</th><th>chromatic</th><th>chroma</th><th>palette</th></tr>";
    for (const charts::ShotRow& s : d.shots) {
        html += QString("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4–%5</td><td>%6</td>")
                    .arg(s.index)
                    .arg(num(s.start_s, 2), num(s.end_s, 2))
                    .arg(s.start_frame)
                    .arg(s.end_frame)
                    .arg(escaped(s.transition));
        for (double share : s.stats.shares) html += "<td>" + num(share, 3) + "</td>";
        html += QString("<td>%1°</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(num(s.stats.hue_mean_deg, 0), num(s.stats.chromatic_fraction, 2),
                         num(s.stats.mean_chroma, 3), mini_palette(s.palette));
    }
    html += "</table>\n<h2>How to read this</h2>";
    for (const QString& paragraph : how_to_read(d)) html += "<p>" + escaped(paragraph) + "</p>";
    return html + "</body></html>\n";
}

}  // namespace huescope::report
