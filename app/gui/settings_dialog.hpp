#pragma once
// The measurement settings: hue family bands and the thresholds of what counts as chromatic.

#include <QDialog>

#include "huescope/measurement.hpp"

class QDoubleSpinBox;
class QTableWidget;

namespace huescope::gui {

class SettingsDialog : public QDialog {
    Q_OBJECT
  public:
    SettingsDialog(const MeasureParams& params, QWidget* parent = nullptr);
    /// The settings as edited; families with an empty name are dropped.
    MeasureParams params() const;

  private:
    void fill_bands(const std::vector<HueBand>& families);

    QTableWidget* m_bands = nullptr;
    QDoubleSpinBox* m_min_chroma = nullptr;
    QDoubleSpinBox* m_near_black = nullptr;
    QDoubleSpinBox* m_near_white = nullptr;
};

}  // namespace huescope::gui
