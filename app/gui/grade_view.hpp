#pragma once
// Grade mode: a camera original and its graded version side by side. Scrub both at once (the
// same moment, AFTER shifted by the offset), each frame's focus-family share and chroma under
// it; then analyse the whole pair with `huescope grade`'s own code and show its charts.

#include <QString>
#include <QWidget>
#include <memory>
#include <thread>

#include "frame_preview.hpp"

class QLabel;
class QSlider;
class QSpinBox;
class QPushButton;
class QTemporaryDir;
class QVBoxLayout;

namespace huescope::gui {

class ChartPanel;

class GradeView : public QWidget {
    Q_OBJECT
  public:
    explicit GradeView(QWidget* parent = nullptr);
    ~GradeView() override;

    /// Chooses the two versions (videos or EXR sequences); shows an error when one cannot open.
    bool set_pair(const QString& before, const QString& after);
    void set_offset(int frames);
    /// Shows both versions at `time_s` of BEFORE (AFTER at that time plus the offset).
    void seek(double time_s);
    /// Runs the grade analysis on the pair in the background; finished() when done.
    void analyse();

    // What the view shows, for tests and the status bar.
    double shown_before_s() const { return m_shown_before_s; }
    double shown_after_s() const { return m_shown_after_s; }
    QString before_caption() const;
    QString after_caption() const;
    QString summary() const;
    int chart_count() const { return static_cast<int>(m_panels.size()); }
    /// The folder holding grade.json (and grade.cube) after an analysis, else empty.
    QString folder() const;

  signals:
    void finished(bool ok);

  private:
    void choose(bool before);
    void on_rendered(bool before, const std::shared_ptr<const PreviewFrame>& frame);
    void on_analysed(bool ok, const QString& message);
    void show_charts();
    double after_time(double before_s) const;

    QString m_before, m_after;
    double m_duration_s = 0.0, m_rate = 24.0;
    int m_offset = 0;
    std::unique_ptr<PreviewRenderer> m_render_before, m_render_after;
    QLabel *m_before_name = nullptr, *m_after_name = nullptr;
    QLabel *m_before_picture = nullptr, *m_after_picture = nullptr;
    QLabel *m_before_text = nullptr, *m_after_text = nullptr, *m_summary = nullptr;
    QSlider* m_slider = nullptr;
    QSpinBox* m_offset_box = nullptr;
    QPushButton* m_analyse = nullptr;
    QVBoxLayout* m_charts = nullptr;
    std::vector<ChartPanel*> m_panels;
    double m_shown_before_s = -1.0, m_shown_after_s = -1.0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::thread m_worker;
    std::atomic<bool> m_cancel{false};
};

}  // namespace huescope::gui
