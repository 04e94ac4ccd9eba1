#include "report_files.hpp"

#include <unistd.h>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace huescope::report {

bool commit_html_and_pdf(const QString& folder, const QString& stem, const QString& html_text,
                         const std::function<bool(const QString&, QString&)>& write_pdf,
                         QString& error) {
    QSaveFile html(folder + "/" + stem + ".html");
    if (!html.open(QIODevice::WriteOnly)) {
        error = "cannot create '" + html.fileName() + "'";
        return false;
    }
    html.write(html_text.toUtf8());
    const QString pdf_temp = folder + "/." + stem + ".tmp-" + QString::number(::getpid()) + ".pdf";
    if (!write_pdf(pdf_temp, error)) {
        QFile::remove(pdf_temp);
        return false;
    }
    if (!html.commit()) {
        QFile::remove(pdf_temp);
        error = "cannot write '" + html.fileName() + "'";
        return false;
    }
    const QString pdf_path = folder + "/" + stem + ".pdf";
    QFile::remove(pdf_path);
    if (!QFile::rename(pdf_temp, pdf_path)) {
        error = "cannot move the PDF to '" + pdf_path + "'";
        return false;
    }
    return true;
}

bool export_charts(std::vector<charts::Chart>& charts, const QString& dir,
                   const std::function<QSize(const charts::Chart&)>& size_of, QString& error) {
    if (!QDir().mkpath(dir)) {
        error = "cannot create '" + dir + "'";
        return false;
    }
    for (charts::Chart& c : charts) {
        const QSize size = size_of(c);
        QSaveFile svg(dir + "/" + c.id + ".svg");
        if (!svg.open(QIODevice::WriteOnly)) {
            error = "cannot create '" + svg.fileName() + "'";
            return false;
        }
        svg.write(charts::to_svg(*c.chart, size).toUtf8());
        if (!svg.commit() || !charts::to_image(*c.chart, size).save(dir + "/" + c.id + ".png")) {
            error = "cannot write the chart '" + c.id + "' into '" + dir + "'";
            return false;
        }
    }
    return true;
}

}  // namespace huescope::report
