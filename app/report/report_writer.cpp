#include "report_writer.hpp"

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
    return options.charts_dir.isEmpty() ||
           export_charts(charts, options.charts_dir, charts::chart_size, error);
}

}  // namespace huescope::report
