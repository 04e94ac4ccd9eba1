#include "gui_settings.hpp"

#include <QSettings>

namespace huescope::gui {

MeasureParams load_measure_params() {
    QSettings settings;
    MeasureParams p;
    p.min_chroma = settings.value("measure/min_chroma", p.min_chroma).toDouble();
    p.near_black_l = settings.value("measure/near_black_l", p.near_black_l).toDouble();
    p.near_white_l = settings.value("measure/near_white_l", p.near_white_l).toDouble();
    const int count = settings.beginReadArray("measure/families");
    if (count > 0) {
        p.families.clear();
        for (int i = 0; i < count; ++i) {
            settings.setArrayIndex(i);
            p.families.push_back({settings.value("name").toString().toStdString(),
                                  settings.value("from_deg").toDouble(),
                                  settings.value("to_deg").toDouble()});
        }
    }
    settings.endArray();
    return p;
}

void save_measure_params(const MeasureParams& p) {
    QSettings settings;
    settings.setValue("measure/min_chroma", p.min_chroma);
    settings.setValue("measure/near_black_l", p.near_black_l);
    settings.setValue("measure/near_white_l", p.near_white_l);
    settings.beginWriteArray("measure/families", static_cast<int>(p.families.size()));
    for (std::size_t i = 0; i < p.families.size(); ++i) {
        settings.setArrayIndex(static_cast<int>(i));
        settings.setValue("name", QString::fromStdString(p.families[i].name));
        settings.setValue("from_deg", p.families[i].from_deg);
        settings.setValue("to_deg", p.families[i].to_deg);
    }
    settings.endArray();
}

QStringList recent_files() {
    return QSettings().value("recent_files").toStringList();
}

void remember_recent_file(const QString& path) {
    QStringList files = recent_files();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > 10) files.removeLast();
    QSettings().setValue("recent_files", files);
}

}  // namespace huescope::gui
