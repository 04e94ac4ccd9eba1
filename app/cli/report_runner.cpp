#include "report_runner.hpp"

#include <unistd.h>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>

#include "compare_report.hpp"
#include "grade_report.hpp"
#include "huescope/analysis_folder.hpp"
#include "report_writer.hpp"

namespace huescope::cli {

namespace {

// Qt on the offscreen platform, once per process: the CLI never needs a window.
void start_qt() {
    // Without this, Qt aborts when there is no X display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt warns on stderr when this is unset (as under cron, CI and batch systems).
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = "/tmp/huescope-runtime-" + QByteArray::number(::getuid());
        QDir().mkpath(QString::fromUtf8(dir));
        QFile::setPermissions(QString::fromUtf8(dir), QFileDevice::ReadOwner |
                                                          QFileDevice::WriteOwner |
                                                          QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    static int argc = 1;
    static char name[] = "huescope";
    static char* argv[] = {name, nullptr};
    static QApplication* app = new QApplication(argc, argv);  // one per process, kept alive
    QApplication::setFont(QFont("DejaVu Sans"));
    (void)app;
}

}  // namespace

Status run_report(const std::string& folder, const std::string& family,
                  const std::string& charts_dir) {
    if (!is_analysis_folder(folder)) {
        return Status(ErrorCode::NoInput,
                      "no summary.json in '" + folder + "': run huescope analyze first");
    }
    start_qt();
    report::ReportOptions options;
    options.folder = QString::fromStdString(folder);
    options.family = QString::fromStdString(family);
    options.charts_dir = QString::fromStdString(charts_dir);
    QString error;
    if (!report::write_report(options, error)) return Status(ErrorCode::Io, error.toStdString());
    return Status::ok();
}

namespace {

using FolderReport = bool (*)(const QString&, const QString&, QString&);

Status run_folder_report(FolderReport write, const std::string& folder,
                         const std::string& charts_dir) {
    start_qt();
    QString error;
    if (!write(QString::fromStdString(folder), QString::fromStdString(charts_dir), error))
        return Status(ErrorCode::Io, error.toStdString());
    return Status::ok();
}

}  // namespace

Status run_compare_report(const std::string& folder, const std::string& charts_dir) {
    return run_folder_report(&report::write_compare_report, folder, charts_dir);
}

Status run_grade_report(const std::string& folder, const std::string& charts_dir) {
    return run_folder_report(&report::write_grade_report, folder, charts_dir);
}

}  // namespace huescope::cli
