#pragma once
// What the desktop app remembers between sessions (QSettings): the measurement settings (hue
// family bands and thresholds) and the recently opened files.

#include <QString>
#include <QStringList>

#include "huescope/measurement.hpp"

namespace huescope::gui {

MeasureParams load_measure_params();
void save_measure_params(const MeasureParams& params);

QStringList recent_files();
/// Puts `path` first in the list (at most ten entries).
void remember_recent_file(const QString& path);

}  // namespace huescope::gui
