#include "main_window.hpp"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "../report/compare_report.hpp"
#include "../report/report_writer.hpp"
#include "compare_view.hpp"
#include "film_session.hpp"
#include "film_view.hpp"
#include "grade_view.hpp"
#include "gui_settings.hpp"
#include "settings_dialog.hpp"

namespace huescope::gui {
namespace {

/// Copies FOLDER/STEM.html and .pdf into `target`, replacing earlier copies.
bool copy_reports(const QString& folder, const QString& stem, const QString& target,
                  QString& error) {
    for (const QString ext : {".html", ".pdf"}) {
        const QString to = target + "/" + stem + ext;
        QFile::remove(to);
        if (!QFile::copy(folder + "/" + stem + ext, to)) {
            error = "cannot write '" + to + "'";
            return false;
        }
    }
    return true;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle("huescope");
    setAcceptDrops(true);
    m_list = new QListWidget(this);
    m_list->setMaximumWidth(220);
    m_stack = new QStackedWidget(this);
    auto* placeholder = new QLabel(tr("Open a film (File ▸ Open, or drop it here) to measure its "
                                      "colour."),
                                   this);
    placeholder->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(placeholder);
    auto* films = new QSplitter(this);
    films->addWidget(m_list);
    films->addWidget(m_stack);
    films->setStretchFactor(1, 1);

    auto* compare_page = new QWidget(this);
    auto* compare_layout = new QVBoxLayout(compare_page);
    auto* compare_bar = new QHBoxLayout;
    m_compare_family = new QComboBox(this);
    for (const HueBand& band : load_measure_params().families)
        m_compare_family->addItem(QString::fromStdString(band.name));
    m_compare_family->setCurrentText("blue");
    auto* run = new QPushButton(tr("Compare analysed films"), this);
    compare_bar->addWidget(new QLabel(tr("Family:"), this));
    compare_bar->addWidget(m_compare_family);
    compare_bar->addWidget(run);
    compare_bar->addStretch();
    m_compare = new CompareView(this);
    compare_layout->addLayout(compare_bar);
    compare_layout->addWidget(m_compare, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(films, tr("Films"));
    m_tabs->addTab(compare_page, tr("Compare"));
    m_grade = new GradeView(this);
    m_tabs->addTab(m_grade, tr("Grade"));
    setCentralWidget(m_tabs);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_status = new QLabel(this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();

    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::show_film);
    connect(run, &QPushButton::clicked, this, &MainWindow::refresh_compare);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == 1) refresh_compare();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (FilmView* view = current_view()) view->session().cancel();
    });
    build_menus();
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::build_menus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open film..."), QKeySequence::Open, this, [this] { open_dialog(false); });
    file->addAction(tr("Open image sequence or analysis &folder..."), this,
                    [this] { open_dialog(true); });
    m_recent = file->addMenu(tr("Open &recent"));
    rebuild_recent_menu();
    file->addSeparator();
    file->addAction(tr("Export palette &report..."), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the report into"));
        QString error;
        if (!dir.isEmpty() && !export_report(dir, error)) statusBar()->showMessage(error);
    });
    file->addAction(tr("Export &comparison report..."), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export the comparison into"));
        QString error;
        if (!dir.isEmpty() && !export_comparison(dir, error)) statusBar()->showMessage(error);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Measurement settings..."), this, &MainWindow::edit_settings);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Films"), this, [this] { m_tabs->setCurrentIndex(0); });
    view->addAction(tr("&Compare"), this, [this] { m_tabs->setCurrentIndex(1); });
    view->addAction(tr("&Grade"), this, [this] { m_tabs->setCurrentIndex(2); });
}

void MainWindow::rebuild_recent_menu() {
    m_recent->clear();
    for (const QString& path : recent_files())
        m_recent->addAction(path, this, [this, path] { open_path(path); });
    m_recent->setEnabled(!m_recent->isEmpty());
}

void MainWindow::open_dialog(bool folder) {
    const QString path =
        folder ? QFileDialog::getExistingDirectory(this, tr("Open an EXR folder or analysis"))
               : QFileDialog::getOpenFileName(this, tr("Open a film"), QString(),
                                              tr("Films and images (*.mp4 *.mov *.mkv *.mxf "
                                                 "*.avi *.webm *.m4v *.exr *.dpx);;All files (*)"));
    if (!path.isEmpty()) open_path(path);
}

FilmSession* MainWindow::open_path(const QString& path) {
    // The same film open twice would be analysed twice into one folder: show the open one.
    for (std::size_t i = 0; i < m_sessions.size(); ++i) {
        const FilmSession::State state = m_sessions[i]->state();
        if (m_sessions[i]->path() == path && state != FilmSession::State::Failed &&
            state != FilmSession::State::Cancelled) {
            m_list->setCurrentRow(static_cast<int>(i));
            return m_sessions[i];
        }
    }
    auto* session = new FilmSession(path, load_measure_params(), this);
    auto* view = new FilmView(*session, this);
    m_sessions.push_back(session);
    m_views.push_back(view);
    m_stack->addWidget(view);
    m_list->addItem(QFileInfo(path).fileName());
    connect(session, &FilmSession::updated, this, &MainWindow::refresh_status);
    connect(session, &FilmSession::ready, this, &MainWindow::refresh_status);
    connect(session, &FilmSession::failed, this, &MainWindow::refresh_status);
    connect(session, &FilmSession::cancelled, this, &MainWindow::refresh_status);
    m_list->setCurrentRow(m_list->count() - 1);
    remember_recent_file(path);
    rebuild_recent_menu();
    session->start();
    refresh_status();
    return session;
}

FilmView* MainWindow::current_view() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < static_cast<int>(m_views.size())
               ? m_views[static_cast<std::size_t>(row)]
               : nullptr;
}

void MainWindow::show_film(int index) {
    if (index >= 0 && index < static_cast<int>(m_views.size()))
        m_stack->setCurrentWidget(m_views[static_cast<std::size_t>(index)]);
    refresh_status();
}

void MainWindow::refresh_status() {
    FilmView* view = current_view();
    if (view == nullptr) return;
    FilmSession& s = view->session();
    const bool running = s.state() == FilmSession::State::Analysing;
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    switch (s.state()) {
        case FilmSession::State::Analysing: {
            m_progress->setValue(static_cast<int>(100 * s.fraction_done()));
            const double left = s.seconds_left();
            m_status->setText(
                tr("Measuring %1: %2 frames/s%3")
                    .arg(s.label())
                    .arg(s.frames_per_second(), 0, 'f', 1)
                    .arg(left >= 0 ? tr(", %1 s left").arg(left, 0, 'f', 0) : QString()));
            break;
        }
        case FilmSession::State::Ready:
            m_status->setText(tr("%1: analysed (%2)").arg(s.label(), s.analysis_folder()));
            break;
        case FilmSession::State::Failed:
        case FilmSession::State::Cancelled:
            m_status->setText(s.error());
            break;
        case FilmSession::State::Idle:
            m_status->clear();
            break;
    }
}

void MainWindow::refresh_compare() {
    m_compare->compare(m_sessions, m_compare_family->currentText());
}

void MainWindow::show_compare() {
    m_tabs->setCurrentIndex(1);
}

bool MainWindow::export_report(const QString& folder, QString& error) {
    FilmView* view = current_view();
    if (view == nullptr || view->session().state() != FilmSession::State::Ready) {
        error = tr("no analysed film to export");
        return false;
    }
    report::ReportOptions options;
    options.folder = view->session().analysis_folder();
    options.family = view->family_name();  // the report charts the family the view shows
    return report::write_report(options, error) &&
           copy_reports(options.folder, "report", folder, error);
}

bool MainWindow::export_comparison(const QString& folder, QString& error) {
    refresh_compare();
    if (m_compare->folder().isEmpty()) {
        error = tr("no comparison to export: analyse two films first");
        return false;
    }
    return report::write_compare_report(m_compare->folder(), QString(), error) &&
           copy_reports(m_compare->folder(), "compare", folder, error);
}

void MainWindow::edit_settings() {
    SettingsDialog dialog(load_measure_params(), this);
    if (dialog.exec() == QDialog::Accepted) save_measure_params(dialog.params());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) open_path(url.toLocalFile());
}

}  // namespace huescope::gui
