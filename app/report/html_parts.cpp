#include "html_parts.hpp"

#include <QBuffer>

#include "report_text.hpp"

namespace huescope::report {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

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

const char* const kReportStyle = R"(
body { font-family: 'DejaVu Sans', sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.85em; } td, th { padding: 3px 8px; text-align: left; vertical-align: top; }
table.shots td, table.shots th { border-bottom: 1px solid #eee; text-align: right; }
.headline { font-size: 1.1em; background: #f5f3ef; padding: 0.8em 1em; }
.warning { background: #fdecea; border-left: 4px solid #c0392b; padding: 0.6em 1em; }
.palette { display: flex; gap: 4px; margin: 0.5em 0; }
.swatch { min-width: 60px; } .chip { height: 48px; border: 1px solid #ccc; }
.label { font-size: 0.7em; color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; max-width: 100%; } figure.square { width: 470px; } figure svg { max-width: 100%; height: auto; display: block; }
img.barcode { width: 100%; height: 80px; image-rendering: pixelated; border: 1px solid #ccc; }
.mini { display: flex; height: 14px; width: 90px; } .mini div { height: 14px; }
)";

}  // namespace huescope::report
