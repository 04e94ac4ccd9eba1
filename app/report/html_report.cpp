#include "html_report.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>

#include "report_text.hpp"

namespace huescope::report {
namespace {

constexpr QSize kWideChart(900, 320);
constexpr QSize kSquareChart(440, 420);

QString data_uri(const QImage& image) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return "data:image/png;base64," + QString::fromLatin1(buffer.data().toBase64());
}

// QSvgGenerator writes a full document; inline SVG wants only the <svg> element.
QString inline_svg(const QString& svg) {
    const int start = svg.indexOf("<svg");
    return start >= 0 ? svg.mid(start) : svg;
}

QString swatch_row(const std::vector<charts::Swatch>& palette, bool details) {
    QString html = "<div class=\"palette\">";
    for (const charts::Swatch& s : palette) {
        html += QString(
                    "<div class=\"swatch\" style=\"flex-grow:%1\"><div class=\"chip\" "
                    "style=\"background:%2\"></div>")
                    .arg(std::max(1, int(s.weight * 1000)))
                    .arg(s.hex);
        html += QString("<div class=\"label\">%1<br/>%2%").arg(s.hex, num(100 * s.weight, 1));
        if (details) {
            html += QString("<br/>OKLCh %1 %2 %3°<br/>Lab %4 %5 %6")
                        .arg(num(s.oklch[0], 2), num(s.oklch[1], 3), num(s.oklch[2], 0))
                        .arg(num(s.cielab[0], 1), num(s.cielab[1], 1), num(s.cielab[2], 1));
        }
        html += "</div></div>";
    }
    return html + "</div>";
}

const char* kStyle = R"(
body { font-family: 'DejaVu Sans', sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.85em; } td, th { padding: 3px 8px; text-align: left; vertical-align: top; }
table.shots td, table.shots th { border-bottom: 1px solid #eee; text-align: right; }
.headline { font-size: 1.1em; background: #f5f3ef; padding: 0.8em 1em; }
.palette { display: flex; gap: 4px; margin: 0.5em 0; }
.swatch { min-width: 60px; } .chip { height: 48px; border: 1px solid #ccc; }
.label { font-size: 0.7em; color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; max-width: 100%; } figure.square { width: 470px; } figure svg { max-width: 100%; height: auto; display: block; }
img.barcode { width: 100%; height: 80px; image-rendering: pixelated; border: 1px solid #ccc; }
.mini { display: flex; height: 14px; width: 90px; } .mini div { height: 14px; }
)";

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

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString html_report(const charts::ReportData& d, std::vector<charts::Chart>& charts) {
    QString html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
                   escaped(report_title(d)) + "</title><style>" + kStyle +
                   "</style></head><body>\n";
    html += "<h1>" + escaped(report_title(d)) + "</h1>\n";
    html += "<p class=\"headline\">" + escaped(headline(d, "blue")) + "</p>\n<table>";
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
        const bool wide = c.id.startsWith("famil");
        html += "<figure id=\"" + c.id + "\"" + (wide ? "" : " class=\"square\"") + ">" +
                inline_svg(charts::to_svg(*c.chart, wide ? kWideChart : kSquareChart)) +
                "</figure>\n";
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
