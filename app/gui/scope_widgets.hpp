#pragma once
// Small painted views: the vectorscope, the barcode timeline, palette swatches, the frame.

#include <QImage>
#include <QWidget>
#include <vector>

#include "../charts/report_data.hpp"

namespace huescope::gui {

/// OKLab (a, b) density on a log scale, with the hue circle's directions marked.
class VectorscopeWidget : public QWidget {
    Q_OBJECT
  public:
    explicit VectorscopeWidget(QWidget* parent = nullptr);
    /// Fractions per bin, Vectorscope::kSize squared (row = b from the top).
    void set_density(const std::vector<float>& fractions, const QString& caption);
    const std::vector<float>& density() const { return m_density; }
    QSize sizeHint() const override { return {260, 260}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<float> m_density;
    QString m_caption;
};

/// The movie barcode with a playhead; click or drag to seek.
class BarcodeStrip : public QWidget {
    Q_OBJECT
  public:
    explicit BarcodeStrip(QWidget* parent = nullptr);
    void set_barcode(const QImage& barcode);
    void set_position(double fraction);
    QSize sizeHint() const override { return {600, 48}; }

  signals:
    void seek_requested(double fraction);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

  private:
    QImage m_barcode;
    double m_position = 0.0;
};

/// A palette as swatches sized by weight, with hex codes where they fit.
class PaletteStrip : public QWidget {
    Q_OBJECT
  public:
    explicit PaletteStrip(QWidget* parent = nullptr);
    void set_palette(const std::vector<charts::Swatch>& palette);
    const std::vector<charts::Swatch>& palette() const { return m_palette; }
    QSize sizeHint() const override { return {300, 36}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<charts::Swatch> m_palette;
};

/// The frame, scaled to fit; with the overlay on, pixels outside the family are greyed out.
class FrameView : public QWidget {
    Q_OBJECT
  public:
    explicit FrameView(QWidget* parent = nullptr);
    void set_frame(const QImage& picture, const QImage& mask);
    void set_overlay(bool on);
    void set_message(const QString& message);
    QSize sizeHint() const override { return {480, 270}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QImage m_picture, m_mask, m_composed;
    bool m_overlay = false;
    QString m_message;
    void compose();
};

}  // namespace huescope::gui
