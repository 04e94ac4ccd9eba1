#pragma once
// Everything about one film, linked by the current frame: the frame (with the family overlay),
// the family's share over time (click to seek), the hue distribution and the vectorscope of the
// frame, shot or film, the palettes, and the barcode as a timeline.

#include <QElapsedTimer>
#include <QWidget>
#include <cmath>
#include <memory>

#include "film_session.hpp"
#include "frame_preview.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QRadioButton;

namespace huescope::gui {

class BarcodeStrip;
class ChartPanel;
class FrameView;
class PaletteStrip;
class VectorscopeWidget;

class FilmView : public QWidget {
    Q_OBJECT
  public:
    enum class Scope { Frame, Shot, Film };

    explicit FilmView(FilmSession& session, QWidget* parent = nullptr);
    ~FilmView() override;
    FilmSession& session() { return m_session; }

    void seek(double time_s);
    void set_scope(Scope scope);
    void set_family(int family);
    void set_overlay(bool on);
    double current_time() const { return m_time; }
    QString family_name() const;
    /// Time of the frame on screen; NaN until the first one arrives.
    double frame_time() const { return m_frame ? m_frame->time_s : std::nan(""); }

    // What the views show, for tests and for anyone checking the window against the files.
    QLineSeries* share_series() const { return m_share; }
    const std::vector<double>& shown_histogram() const { return m_shown_histogram; }
    QString family_share_text() const;
    const std::vector<float>& shown_scope() const;
    ChartPanel* hue_panel() const { return m_hue_panel; }

  private:
    void build();
    void fill_family_box();
    void on_probed();
    void on_updated();
    void on_ready();
    void on_failed(const QString& error);
    void on_preview(const std::shared_ptr<const PreviewFrame>& frame);
    void rebuild_share_chart();
    void refresh_distribution();
    void refresh_header();
    double duration() const;

    FilmSession& m_session;
    std::unique_ptr<PreviewRenderer> m_preview;
    std::shared_ptr<const PreviewFrame> m_frame;
    double m_time = 0.0;
    int m_family = 0;
    Scope m_scope = Scope::Film;
    bool m_wheel = true;
    std::size_t m_live_points = 0;
    std::vector<double> m_shown_histogram;
    QElapsedTimer m_live_redraw;
    int m_shown_shot = -1;  ///< the shot whose palette (and shot-scope charts) are shown

    QLabel* m_header = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_share_label = nullptr;
    QLabel* m_time_label = nullptr;
    FrameView* m_frame_view = nullptr;
    QCheckBox* m_overlay = nullptr;
    QComboBox* m_family_box = nullptr;
    QComboBox* m_scope_box = nullptr;
    QCheckBox* m_wheel_box = nullptr;
    ChartPanel* m_share_panel = nullptr;
    ChartPanel* m_hue_panel = nullptr;
    VectorscopeWidget* m_scope_view = nullptr;
    PaletteStrip* m_film_palette = nullptr;
    PaletteStrip* m_shot_palette = nullptr;
    BarcodeStrip* m_barcode = nullptr;
    QLineSeries* m_share = nullptr;
    QLineSeries* m_playhead = nullptr;
};

}  // namespace huescope::gui
