#include "report_writer.hpp"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtCharts/QChart>

#include "../charts/charts.hpp"
#include "html_report.hpp"
#include "pdf_report.hpp"
#include "report_files.hpp"

namespace huescope::report {

bool write_report(const ReportOptions& options, QString& error) {
    charts::ReportData data;
    if (!charts::load_report_data(options.folder, data, error)) return false;
    std::vector<charts::Chart> charts = charts::report_charts(data, options.family);

    const auto pdf = [&](const QString& path, QString& err) {
        return pdf_report(data, charts, path, err);
    };
    if (!commit_html_and_pdf(options.folder, "report", html_report(data, charts), pdf, error)) {
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
