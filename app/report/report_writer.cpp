#include "report_writer.hpp"

#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtCharts/QChart>

#include "../charts/charts.hpp"
#include "html_report.hpp"
#include "pdf_report.hpp"

namespace huescope::report {

bool write_report(const ReportOptions& options, QString& error) {
    charts::ReportData data;
    if (!charts::load_report_data(options.folder, data, error)) return false;
    std::vector<charts::Chart> charts = charts::report_charts(data, options.family);

    // Both files are written under temporary names and renamed only when both are complete.
    QSaveFile html(options.folder + "/report.html");
    if (!html.open(QIODevice::WriteOnly)) {
        error = "cannot create '" + html.fileName() + "'";
        return false;
    }
    html.write(html_report(data, charts).toUtf8());
    const QString pdf_temp =
        options.folder + "/.report.tmp-" + QString::number(::getpid()) + ".pdf";
    if (!pdf_report(data, charts, pdf_temp, error)) {
        QFile::remove(pdf_temp);
        return false;
    }
    if (!html.commit()) {
        QFile::remove(pdf_temp);
        error = "cannot write '" + html.fileName() + "'";
        return false;
    }
    const QString pdf_path = options.folder + "/report.pdf";
    QFile::remove(pdf_path);
    if (!QFile::rename(pdf_temp, pdf_path)) {
        error = "cannot move the PDF to '" + pdf_path + "'";
        return false;
    }
    if (!options.charts_dir.isEmpty()) {
        if (!QDir().mkpath(options.charts_dir)) {
            error = "cannot create '" + options.charts_dir + "'";
            return false;
        }
        for (charts::Chart& c : charts) {
            const QSize size = c.id.startsWith("famil") ? QSize(900, 320) : QSize(440, 420);
            QSaveFile svg(options.charts_dir + "/" + c.id + ".svg");
            if (!svg.open(QIODevice::WriteOnly)) {
                error = "cannot create '" + svg.fileName() + "'";
                return false;
            }
            svg.write(charts::to_svg(*c.chart, size).toUtf8());
            svg.commit();
            if (!charts::to_image(*c.chart, size).save(options.charts_dir + "/" + c.id + ".png")) {
                error = "cannot write '" + options.charts_dir + "/" + c.id + ".png'";
                return false;
            }
        }
    }
    return true;
}

}  // namespace huescope::report
