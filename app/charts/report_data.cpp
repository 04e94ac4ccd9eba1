#include "report_data.hpp"

#include <QColor>
#include <QFile>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "huescope/analysis_folder.hpp"
#include "huescope/color_math.hpp"
#include "json_read.hpp"

namespace huescope::charts {
namespace {

using nlohmann::json;

Stats stats(const json& j, const std::vector<FamilyBand>& families) {
    Stats s;
    for (const FamilyBand& f : families)
        s.shares.push_back(json_number(j["shares"][f.name.toStdString()]));
    s.hue_mean_deg = json_number(j["hue_mean_deg"]);
    s.hue_mean_lab_deg = json_number(j["hue_mean_lab_deg"]);
    s.hue_circular_variance = json_number(j["hue_circular_variance"]);
    s.chromatic_fraction = json_number(j["chromatic_fraction"]);
    s.mean_chroma = json_number(j["mean_chroma"]);
    s.mean_lightness = json_number(j["mean_lightness"]);
    return s;
}

// The per-frame series, through the core's reader of frames.csv (the one compare uses).
bool read_frames(const QString& folder, ReportData& data, QString& error) {
    Result<FilmRecord> film = read_analysis_folder(folder.toStdString());
    if (!film) {
        error = QString::fromStdString(film.status().message());
        return false;
    }
    data.frame_shares.assign(data.families.size(), {});
    std::vector<int> family_in_film;  // the report's family order, in the film record's
    for (const FamilyBand& f : data.families)
        family_in_film.push_back(film->family_index(f.name.toStdString()));
    for (const std::string& column : film->metric_columns)
        data.metric_columns << QString::fromStdString(column);
    data.metric_values.assign(film->metric_columns.size(), {});
    for (const FrameRecord& frame : film->frames) {
        data.time_s.push_back(frame.time_s);
        for (std::size_t f = 0; f < family_in_film.size(); ++f) {
            const int k = family_in_film[f];
            data.frame_shares[f].push_back(k >= 0 ? frame.shares[static_cast<std::size_t>(k)]
                                                  : std::numeric_limits<double>::quiet_NaN());
        }
        for (std::size_t m = 0; m < frame.metrics.size(); ++m)
            data.metric_values[m].push_back(frame.metrics[m]);
    }
    return true;
}

}  // namespace

QColor hue_color(double hue_deg) {
    const Vec3 srgb = hue_swatch_srgb(hue_deg, 0.70, 0.14);
    return QColor::fromRgbF(float(srgb[0]), float(srgb[1]), float(srgb[2]));
}

bool load_report_data(const QString& folder, ReportData& d, QString& error) {
    d.folder = folder;
    if (!QFile::exists(folder + "/summary.json")) {
        error = "no summary.json in '" + folder + "': run huescope analyze first";
        return false;
    }
    json j;
    if (!read_json_file(folder + "/summary.json", j, error)) return false;
    const json& input = j["input"];
    d.input = json_text(input["path"]);
    d.codec = json_text(input["codec"]);
    d.width = int(json_number(input["width"], 0));
    d.height = int(json_number(input["height"], 0));
    d.frame_rate = json_number(input["frame_rate"], 0);
    d.duration_s = json_number(input["duration_s"], 0);
    d.tool_version = json_text(j["tool"]["version"]);
    d.generated = json_text(j["generated_utc"]);
    d.frames_analyzed = static_cast<long long>(json_number(j["frames_analyzed"], 0));
    const json& color = input["color"];
    for (const char* part : {"matrix", "range", "transfer"}) {
        d.decode << QString("%1 %2 (%3)")
                        .arg(part, json_text(color[part]),
                             json_text(color[std::string(part) + "_from"]));
    }
    d.decode << QString("primaries %1 (%2)")
                    .arg(json_text(color["primaries"]["name"]), json_text(color["primaries_from"]));
    if (!json_text(color["input_colorspace"]).isEmpty())
        d.decode << "input colour space " + json_text(color["input_colorspace"]);
    for (const json& note : color["assumptions"]) d.assumptions << json_text(note);
    for (const json& note : input["notes"]) d.assumptions << json_text(note);

    const json& params = j["parameters"];
    d.hue_space = json_text(params["hue_space"]);
    d.min_chroma = json_number(params["min_chroma"], 0);
    d.near_black_l = json_number(params["near_black_l"], 0);
    d.near_white_l = json_number(params["near_white_l"], 0);
    for (const json& f : params["families"]) {
        d.families.push_back(
            {json_text(f["name"]), json_number(f["from_deg"], 0), json_number(f["to_deg"], 0)});
    }
    const json& film = j["film"];
    d.film = stats(film, d.families);
    for (const json& v : film["hue_histogram"]) d.hue_histogram.push_back(json_number(v, 0));
    d.palette = json_swatches(j["palette"]);
    int index = 0;
    for (const json& s : j["shots"]) {
        ShotRow row;
        row.index = index++;
        row.start_frame = static_cast<long long>(json_number(s["start_frame"], 0));
        row.end_frame = static_cast<long long>(json_number(s["end_frame"], 0));
        row.start_s = json_number(s["start_s"], 0);
        row.end_s = json_number(s["end_s"], 0);
        row.transition = json_text(s["transition"]);
        row.stats = stats(s, d.families);
        row.palette = json_swatches(s["palette"]);
        d.shots.push_back(row);
    }
    const json& source = j["shots_source"];
    d.shots_source = json_text(source["kind"]);
    if (d.shots_source == "file") {
        d.shots_source = QString("shots from the cut list %1 (%2)")
                             .arg(json_text(source["path"]), json_text(source["format"]));
    } else if (d.shots_source == "detected") {
        d.shots_source = "shots found by huescope's detector";
    }
    d.average_shot_length_s = json_number(j["cutting"]["average_shot_length_s"]);
    d.median_shot_length_s = json_number(j["cutting"]["median_shot_length_s"]);
    const json& box = j["letterbox"];
    if (box.is_object()) {
        const json& p = box["picture"];
        d.letterbox =
            QString(
                "picture area %1x%2 at (%3, %4) of the %5x%6 analysis grid; bars in %7 frames; %8")
                .arg(int(json_number(p["width"], 0)))
                .arg(int(json_number(p["height"], 0)))
                .arg(int(json_number(p["x"], 0)))
                .arg(int(json_number(p["y"], 0)))
                .arg(int(json_number(box["grid"][0], 0)))
                .arg(int(json_number(box["grid"][1], 0)))
                .arg(static_cast<long long>(json_number(box["frames_with_bars"], 0)))
                .arg(box["excluded"].is_boolean() && box["excluded"].get<bool>()
                         ? "bars left out of every statistic"
                         : "bars kept as picture");
    }
    d.barcode.load(folder + "/barcode.png");
    d.hue_barcode.load(folder + "/hue_barcode.png");
    if (!read_frames(folder, d, error)) return false;
    for (const QString& column : d.metric_columns) {
        const int colon = column.lastIndexOf(':');
        d.metric_film.push_back(json_number(j["metrics"][column.left(colon).toStdString()]["film"]
                                             [column.mid(colon + 1).toStdString()]));
    }
    return true;
}

}  // namespace huescope::charts
