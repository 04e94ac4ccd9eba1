#pragma once
// Compare mode: the analysed films side by side, with the same machinery as `huescope compare`
// (compare.json written to a folder, the comparison charts drawn from it).

#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QComboBox;
class QVBoxLayout;

namespace huescope::gui {

class ChartPanel;
class FilmSession;

class CompareView : public QWidget {
    Q_OBJECT
  public:
    explicit CompareView(QWidget* parent = nullptr);
    /// Compares the films (those with results) for `family`; shows why not when it cannot.
    void compare(const std::vector<FilmSession*>& films, const QString& family);
    /// The folder holding compare.json (and the reports once exported), empty before a run.
    QString folder() const;
    QString sentences() const;

  private:
    QLabel* m_text = nullptr;
    std::vector<ChartPanel*> m_panels;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_shown;  ///< family and folders of the comparison shown
};

}  // namespace huescope::gui
