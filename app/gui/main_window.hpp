#pragma once
// The desktop app's window: the opened films (each with its linked views), compare mode, the
// analysis progress with Cancel, menus for opening, exporting and settings.

#include <QMainWindow>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace huescope::gui {

class CompareView;
class GradeView;
class FilmSession;
class FilmView;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a video, an EXR sequence (file, pattern or folder) or an analysis folder. Errors are
    /// shown in the window; the returned session is owned by the window.
    FilmSession* open_path(const QString& path);
    FilmView* current_view() const;
    CompareView* compare_view() const { return m_compare; }
    GradeView* grade_view() const { return m_grade; }
    /// Runs compare mode on every analysed film.
    void refresh_compare();
    /// Switches to compare mode (which runs it).
    void show_compare();
    /// Writes the current film's palette report, or the comparison report, into `folder`.
    bool export_report(const QString& folder, QString& error);
    bool export_comparison(const QString& folder, QString& error);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void build_menus();
    void rebuild_recent_menu();
    void show_film(int index);
    void refresh_status();
    void open_dialog(bool folder);
    void edit_settings();

    std::vector<FilmSession*> m_sessions;
    std::vector<FilmView*> m_views;
    QTabWidget* m_tabs = nullptr;
    QListWidget* m_list = nullptr;
    QStackedWidget* m_stack = nullptr;
    CompareView* m_compare = nullptr;
    GradeView* m_grade = nullptr;
    QComboBox* m_compare_family = nullptr;
    QMenu* m_recent = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
};

}  // namespace huescope::gui
