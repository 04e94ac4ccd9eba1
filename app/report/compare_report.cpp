#include "compare_report.hpp"

#include <QtCharts/QChart>

#include "../charts/compare_charts.hpp"
#include "html_parts.hpp"
#include "page_flow.hpp"
#include "report_files.hpp"
#include "report_text.hpp"

namespace huescope::report {
namespace {

using charts::CompareData;

constexpr QSize kWideChart(900, 340);

QString title(const CompareData& d) {
    if (d.mode == "reference" && !d.films.empty()) {
        return QString("huescope comparison: %1 against %2 reference films")
            .arg(d.films.front().label)
            .arg(d.films.size() - 1);
    }
    QStringList labels;
    for (const auto& f : d.films) labels << f.label;
    return "huescope comparison: " + labels.join(" · ");
}

QStringList findings(const CompareData& d) {
    QStringList out;
    for (const auto& p : d.pairs) out << p.sentence;
    if (!d.reference_sentence.isEmpty()) out << d.reference_sentence;
    return out;
}

QStringList methods(const CompareData& d) {
    return {
        QString("Share: the %1 family's part of each film's chroma-weighted hue distribution, in "
                "the hue space the films were analysed in. A film's share is the ratio of sums "
                "over its sampling units (shots; fixed-length blocks when a film has too few "
                "shots), so each unit weighs by its chroma and hence its duration.")
            .arg(d.family),
        QString("Interval: percentile bootstrap, %1 replicates, each film's units resampled with "
                "replacement; %2% level. Test: %3 permutation test of the difference in share, "
                "%4 random relabellings of the pooled units, p = (1 + as extreme) / (1 + "
                "permutations). With several pairs, Holm's adjustment is listed too. Seed %5: "
                "the same inputs give the same numbers.")
            .arg(d.bootstrap_replicates)
            .arg(num(100 * d.confidence, 1), d.alternative)
            .arg(d.permutations)
            .arg(d.seed),
        "Effect size: Cliff's delta over units, weighted by duration: the probability that a "
        "unit of the first film has a higher share than one of the second, minus the reverse "
        "(|delta| < 0.147 negligible, < 0.33 small, < 0.474 medium, otherwise large).",
        "Hue distance: earth mover's distance on the hue circle between the films' 1-degree "
        "histograms, in degrees: the mean angle the chroma must turn to make one film's hue "
        "distribution into the other's (0 = identical).",
        "What this does not show: shots are treated as exchangeable and independent, which "
        "scenes, recurring locations and the grade make only approximately true; a difference "
        "in share is a difference in what the camera recorded through the whole chain (design, "
        "light, grade, encoding), not of any one cause. Methods: docs/statistics.md.",
    };
}

QString pair_table(const CompareData& d) {
    QString html =
        "<table class=\"shots\"><tr><th>film A</th><th>film B</th><th>hue EMD (OKLCh)</th>"
        "<th>hue EMD (CIELAB)</th><th>difference (points)</th><th>p</th><th>p (Holm)</th>"
        "<th>Cliff's delta</th><th>A palette matched</th><th>B palette matched</th></tr>";
    for (const auto& p : d.pairs) {
        html += QString(
                    "<tr><td>%1</td><td>%2</td><td>%3°</td><td>%4°</td><td>%5</td><td>%6</td>"
                    "<td>%7</td><td>%8</td><td>%9%</td><td>%10%</td></tr>")
                    .arg(escaped(p.a), escaped(p.b), num(p.emd_oklch_deg, 1),
                         num(p.emd_cielab_deg, 1), num(p.difference_points, 2), num(p.p_value, 4),
                         num(p.p_holm, 4), num(p.cliffs_delta, 2))
                    .arg(num(100 * p.a_palette_covered, 0), num(100 * p.b_palette_covered, 0));
    }
    return html + "</table>";
}

QString compare_html(const CompareData& d, std::vector<charts::Chart>& charts) {
    QString html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" +
                   escaped(title(d)) + "</title><style>" + kReportStyle +
                   "</style></head><body>\n<h1>" + escaped(title(d)) + "</h1>\n";
    for (const QString& s : findings(d)) html += "<p class=\"headline\">" + escaped(s) + "</p>\n";
    html += "<table><tr><th>film</th><th>input</th><th>" + escaped(d.family) +
            " share</th><th>shots</th><th>sampling units</th></tr>";
    for (const auto& f : d.films) {
        html += "<tr><td>" + escaped(f.label) + "</td><td>" + escaped(f.input) + "</td><td>" +
                num(100 * f.family_share, 2) + "%</td><td>" +
                escaped(cutting_text(f.shots, f.average_shot_length_s, f.median_shot_length_s)) +
                "</td><td>" + escaped(f.units_reason) + "</td></tr>";
    }
    html += "</table>\n<h2>Charts</h2>";
    for (charts::Chart& c : charts) {
        html += "<figure id=\"" + c.id + "\">" + inline_svg(charts::to_svg(*c.chart, kWideChart)) +
                "</figure>\n";
    }
    html += "<h2>Barcodes</h2>";
    for (const auto& f : d.films) {
        html += "<p>" + escaped(f.label) + "</p>";
        if (!f.barcode.isNull())
            html += "<img class=\"barcode\" alt=\"barcode of " + escaped(f.label) + "\" src=\"" +
                    data_uri(f.barcode) + "\"/>";
    }
    html += "\n<h2>Palettes</h2>";
    for (const auto& f : d.films)
        html += "<p>" + escaped(f.label) + "</p>" + swatch_row(f.palette, false);
    html += "\n<h2>Pairs</h2>" + pair_table(d) + "\n<h2>Methods</h2>";
    for (const QString& paragraph : methods(d)) html += "<p>" + escaped(paragraph) + "</p>";
    return html + "</body></html>\n";
}

bool compare_pdf(const CompareData& d, std::vector<charts::Chart>& charts, const QString& path,
                 QString& error) {
    QPdfWriter writer(path);
    QPainter painter;
    if (!begin_pdf(writer, painter, path, title(d), "huescope " + d.tool_version, error)) {
        return false;
    }
    PageFlow page(writer, painter);
    page.text(title(d), 15, true);
    for (const QString& s : findings(d)) page.text(s, 10);
    for (const auto& f : d.films) {
        page.text(QString("%1: %2 share %3%; %4; %5; %6")
                      .arg(f.label, d.family, num(100 * f.family_share, 2),
                           cutting_text(f.shots, f.average_shot_length_s, f.median_shot_length_s),
                           f.units_reason, f.input),
                  8);
    }
    page.text("Barcodes", 11, true);
    for (const auto& f : d.films) {
        page.text(f.label, 8, true);
        page.image(f.barcode, page.line() * 3);
    }
    page.text("Palettes", 11, true);
    for (const auto& f : d.films) {
        page.text(f.label, 8, true);
        page.swatches(f.palette, page.line() * 2.5, true);
    }
    page.new_page();
    for (charts::Chart& c : charts) page.chart(*c.chart, 0.36);
    page.new_page();
    page.text("Pairs", 11, true);
    for (const auto& p : d.pairs) {
        page.text(QString("%1 vs %2: hue EMD %3° (OKLCh), %4° (CIELAB); difference %5 points, "
                          "p %6, Holm %7; Cliff's delta %8; palettes matched %9% / %10%")
                      .arg(p.a, p.b, num(p.emd_oklch_deg, 1), num(p.emd_cielab_deg, 1),
                           num(p.difference_points, 2), num(p.p_value, 4), num(p.p_holm, 4),
                           num(p.cliffs_delta, 2))
                      .arg(num(100 * p.a_palette_covered, 0), num(100 * p.b_palette_covered, 0)),
                  8);
    }
    page.text("Methods", 11, true);
    for (const QString& paragraph : methods(d)) page.text(paragraph, 9);
    painter.end();
    return true;
}

}  // namespace

bool write_compare_report(const QString& folder, const QString& charts_dir, QString& error) {
    CompareData data;
    if (!charts::load_compare_data(folder, data, error)) return false;
    std::vector<charts::Chart> charts = charts::compare_charts(data);
    const auto pdf = [&](const QString& path, QString& err) {
        return compare_pdf(data, charts, path, err);
    };
    if (!commit_html_and_pdf(folder, "compare", compare_html(data, charts), pdf, error))
        return false;
    const auto size = [](const charts::Chart&) { return kWideChart; };
    return charts_dir.isEmpty() || export_charts(charts, charts_dir, size, error);
}

}  // namespace huescope::report
