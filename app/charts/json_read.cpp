#include "json_read.hpp"

#include <QFile>

namespace huescope::charts {

using nlohmann::json;

double json_number(const json& j, double fallback) {
    return j.is_number() ? j.get<double>() : fallback;
}

QString json_text(const json& j) {
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

std::vector<Swatch> json_swatches(const json& list) {
    std::vector<Swatch> out;
    for (const json& c : list) {
        Swatch s;
        s.hex = json_text(c["hex"]);
        s.weight = json_number(c["weight"], 0);
        for (int i = 0; i < 3; ++i) {
            s.oklch[i] = json_number(c["oklch"][i], 0);
            s.cielab[i] = json_number(c["cielab"][i], 0);
        }
        out.push_back(s);
    }
    return out;
}

bool read_json_file(const QString& path, json& out, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot read '" + path + "'";
        return false;
    }
    try {
        out = json::parse(file.readAll().toStdString());
    } catch (const std::exception& e) {
        error = "'" + path + "' is not valid JSON: " + e.what();
        return false;
    }
    return true;
}

}  // namespace huescope::charts
