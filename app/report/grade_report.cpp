#include "grade_report.hpp"

#include <QFileInfo>
#include <QtCharts/QChart>
#include <cmath>

#include "../charts/grade_charts.hpp"
#include "html_parts.hpp"
#include "page_flow.hpp"
#include "report_files.hpp"
#include "report_text.hpp"

namespace huescope::report {
namespace {

using charts::GradeData;

QString title(const GradeData& d) {
    return "huescope grade: " + QFileInfo(d.before_input).fileName() + " → " +
           QFileInfo(d.after_input).fileName();
}

QString pairing_line(const GradeData& d) {
    QString line = QString("%1 frame pairs on a %2×%3 grid, %4 shots")
                       .arg(d.pairs)
                       .arg(d.grid_width)
                       .arg(d.grid_height)
                       .arg(d.shots);
    if (d.unpaired_before + d.unpaired_after > 0) {
        line +=
            QString("; unpaired: %1 before, %2 after").arg(d.unpaired_before).arg(d.unpaired_after);
    }
    return line + ". Hue space " + d.hue_space + ".";
}

QString lut_line(const GradeData& d) {
    return QString(
               "The grade as a 3D LUT of %1 points per side (grade.cube): %2 of %3 lattice cells "
               "had data, %4 "
               "nodes filled by the smooth fit; error on %5 held-out frames: mean ΔE(OKLab) "
               "%6, 95th percentile %7.")
        .arg(d.lut_size)
        .arg(d.cells_with_data)
        .arg(d.cells)
        .arg(d.nodes_filled)
        .arg(d.held_out_frames)
        .arg(num(d.mean_delta_e, 4), num(d.p95_delta_e, 4));
}

QStringList methods() {
    return {
        "Pairs: BEFORE's frame at time t with AFTER's at t + offset, within half a frame, each "
        "decoded through its own colour decode and brought to one grid. A pair whose lightness "
        "thumbnails do not correlate is not the same picture; too many such pairs stop the "
        "analysis.",
        "Transfer: every pixel chromatic before puts its chroma (before) in the cell of its hue "
        "before and its hue after (or 'achromatic'). Chroma gain: the same pixels' chroma after "
        "over before. Hue shift: their chroma-weighted mean signed hue change, the short way "
        "round. Family shares: each version's chroma in a family over its chromatic chroma, by "
        "its own hues.",
        "LUT: least squares on tetrahedral interpolation weights, equal weight per lattice cell "
        "with data, thin-plate smoothness (empty regions filled by a near-affine continuation); "
        "the error is measured through grade.cube itself on frames left out of the fit. "
        "Definitions: docs/grade.md.",
    };
}

QString family_table(const GradeData& d) {
    QString html =
        "<table class=\"shots\"><tr><th>family</th><th>share before</th><th>share after</th>"
        "<th>chroma gain</th><th>hue shift</th><th>where its chroma went</th></tr>";
    for (const auto& f : d.families) {
        QStringList moved;
        for (const auto& [name, share] : f.moved_to)
            if (share >= 0.005) moved << QString("%1 %2%").arg(name, num(100 * share, 0));
        html += QString(
                    "<tr><td>%1</td><td>%2%</td><td>%3%</td><td>%4</td><td>%5°</td>"
                    "<td>%6</td></tr>")
                    .arg(escaped(f.name), num(100 * f.share_before, 1), num(100 * f.share_after, 1),
                         num(f.chroma_gain, 2), num(f.hue_shift_deg, 1), escaped(moved.join(", ")));
    }
    return html + "</table>";
}

QString frame_caption(const GradeData& d, const charts::GradeFrameData& f) {
    return QString("%1 s (after %2 s): %3 chroma %4 by %5 per pixel")
        .arg(num(f.before_s, 2), num(f.after_s, 2), d.focus_family,
             f.chroma_removed >= 0 ? "removed" : "added", num(std::fabs(f.chroma_removed), 4));
}

QString grade_html(const GradeData& d, std::vector<charts::Chart>& wide,
                   std::vector<charts::Chart>& wheels) {
    QString html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
                   escaped(title(d)) + "</title><style>" + kReportStyle +
                   ".pair img{width:49%;margin-right:1%}</style></head><body>\n<h1>" +
                   escaped(title(d)) + "</h1>\n";
    for (const QString& s : d.summary) html += "<p class=\"headline\">" + escaped(s) + "</p>\n";
    html += "<p>" + escaped(pairing_line(d)) + "</p><p>" + escaped(lut_line(d)) + "</p>\n";
    html += "<p>before: " + escaped(d.before_input) + "<br/>after: " + escaped(d.after_input) +
            "</p>\n";
    html += "<h2>Hue families</h2>" + family_table(d) + "\n<h2>Charts</h2>";
    for (charts::Chart& c : wide) {
        html += "<figure id=\"" + c.id + "\">" +
                inline_svg(charts::to_svg(*c.chart, charts::chart_size(c))) + "</figure>\n";
    }
    for (charts::Chart& c : wheels) {
        html += "<figure id=\"" + c.id + "\" class=\"square\">" +
                inline_svg(charts::to_svg(*c.chart, charts::chart_size(c))) + "</figure>\n";
    }
    html += "<h2>Barcodes</h2><p>before</p>";
    if (!d.barcode_before.isNull())
        html += "<img class=\"barcode\" alt=\"barcode before\" src=\"" +
                data_uri(d.barcode_before) + "\"/>";
    html += "<p>after</p>";
    if (!d.barcode_after.isNull())
        html += "<img class=\"barcode\" alt=\"barcode after\" src=\"" + data_uri(d.barcode_after) +
                "\"/>";
    if (!d.frames.empty()) {
        html += "\n<h2>Where the grade changed " + escaped(d.focus_family) +
                " most (before | after)</h2>";
        for (const auto& f : d.frames) {
            html += "<div class=\"pair\"><img alt=\"before\" src=\"" + data_uri(f.before) +
                    "\"/><img alt=\"after\" src=\"" + data_uri(f.after) + "\"/><p>" +
                    escaped(frame_caption(d, f)) + "</p></div>";
        }
    }
    html += "\n<h2>Methods</h2>";
    for (const QString& paragraph : methods()) html += "<p>" + escaped(paragraph) + "</p>";
    for (const QString& note : d.notes) html += "<p>Note: " + escaped(note) + "</p>";
    return html + "</body></html>\n";
}

bool grade_pdf(const GradeData& d, std::vector<charts::Chart>& wide,
               std::vector<charts::Chart>& wheels, const QString& path, QString& error) {
    QPdfWriter writer(path);
    QPainter painter;
    if (!begin_pdf(writer, painter, path, title(d), "huescope " + d.tool_version, error))
        return false;
    PageFlow page(writer, painter);
    page.text(title(d), 15, true);
    for (const QString& s : d.summary) page.text(s, 10);
    page.text(pairing_line(d), 8);
    page.text(lut_line(d), 8);
    page.text("Barcodes: before, after", 11, true);
    page.image(d.barcode_before, page.line() * 3);
    page.image(d.barcode_after, page.line() * 3);
    if (wheels.size() == 2) page.chart_pair(*wheels[0].chart, *wheels[1].chart);
    page.new_page();
    for (charts::Chart& c : wide) page.chart(*c.chart, 0.36);
    if (!d.frames.empty()) {
        page.new_page();
        page.text("Where the grade changed " + d.focus_family + " most (before | after)", 11, true);
        for (const auto& f : d.frames) {
            page.image_pair(f.before, f.after);
            page.text(frame_caption(d, f), 8);
        }
    }
    page.text("Methods", 11, true);
    for (const QString& paragraph : methods()) page.text(paragraph, 9);
    for (const QString& note : d.notes) page.text("Note: " + note, 9);
    painter.end();
    return true;
}

}  // namespace

bool write_grade_report(const QString& folder, const QString& charts_dir, QString& error) {
    GradeData data;
    if (!charts::load_grade_data(folder, data, error)) return false;
    std::vector<charts::Chart> wide = charts::grade_charts(data);
    std::vector<charts::Chart> wheels = charts::grade_wheels(data);
    const auto pdf = [&](const QString& path, QString& err) {
        return grade_pdf(data, wide, wheels, path, err);
    };
    if (!commit_html_and_pdf(folder, "grade", grade_html(data, wide, wheels), pdf, error))
        return false;
    if (charts_dir.isEmpty()) return true;
    const auto size = [](const charts::Chart& c) { return charts::chart_size(c); };
    return export_charts(wide, charts_dir, size, error) &&
           export_charts(wheels, charts_dir, size, error);
}

}  // namespace huescope::report
