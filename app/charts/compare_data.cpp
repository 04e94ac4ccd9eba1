#include "compare_data.hpp"

#include <QColor>

#include "json_read.hpp"

namespace huescope::charts {

using nlohmann::json;

QColor film_color(std::size_t index) {
    static const char* const kOkabeIto[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                            "#56B4E9", "#D55E00", "#F0E442", "#000000"};
    return QColor(kOkabeIto[index % 8]);
}

bool load_compare_data(const QString& folder, CompareData& d, QString& error) {
    d.folder = folder;
    json j;
    if (!read_json_file(folder + "/compare.json", j, error)) return false;
    if (!j["films"].is_array() || !j["pairs"].is_array()) {
        error = "'" + folder + "/compare.json' has no films or pairs: not a huescope comparison";
        return false;
    }
    d.tool_version = json_text(j["tool"]["version"]);
    const json& p = j["parameters"];
    d.family = json_text(p["family"]);
    d.mode = json_text(p["mode"]);
    d.alternative = json_text(p["alternative"]);
    d.seed = QString::fromStdString(p["seed"].dump());
    d.bootstrap_replicates = int(json_number(p["bootstrap_replicates"], 0));
    d.permutations = int(json_number(p["permutations"], 0));
    d.confidence = json_number(p["confidence"], 0);
    for (const json& f : j["families"]) {
        d.families.push_back(
            {json_text(f["name"]), json_number(f["from_deg"], 0), json_number(f["to_deg"], 0)});
    }
    for (const json& f : j["films"]) {
        CompareFilmData film;
        film.label = json_text(f["label"]);
        film.folder = json_text(f["folder"]);
        film.input = json_text(f["input"]["path"]);
        film.family_share = json_number(f["family_share"]);
        film.shots = static_cast<std::size_t>(json_number(f["shots"], 0));
        film.average_shot_length_s = json_number(f["average_shot_length_s"]);
        film.median_shot_length_s = json_number(f["median_shot_length_s"]);
        for (const FamilyBand& band : d.families)
            film.shares.push_back(json_number(f["shares"][band.name.toStdString()]));
        for (const json& v : f["hue_histogram"]) film.hue_histogram.push_back(json_number(v, 0));
        film.palette = json_swatches(f["palette"]);
        film.units_kind = json_text(f["units"]["kind"]);
        film.units_reason = json_text(f["units"]["reason"]);
        for (const json& v : f["units"]["share"]) film.unit_shares.push_back(json_number(v));
        for (const json& v : f["units"]["frames"]) film.unit_frames.push_back(json_number(v, 0));
        film.barcode.load(film.folder + "/barcode.png");  // compare records absolute folders
        d.films.push_back(std::move(film));
    }
    for (const json& pair : j["pairs"]) {
        ComparePairData c;
        c.a = json_text(pair["a"]);
        c.b = json_text(pair["b"]);
        const json& t = pair["test"];
        c.sentence = json_text(t["sentence"]);
        c.difference_points = json_number(t["difference_points"]);
        c.p_value = json_number(t["p_value"]);
        c.p_holm = json_number(t["p_holm"]);
        c.cliffs_delta = json_number(t["cliffs_delta"]);
        c.emd_oklch_deg = json_number(pair["hue_distance"]["emd_oklch_deg"]);
        c.emd_cielab_deg = json_number(pair["hue_distance"]["emd_cielab_deg"]);
        c.a_palette_covered = json_number(pair["palette"]["a_weight_with_close_match"]);
        c.b_palette_covered = json_number(pair["palette"]["b_weight_with_close_match"]);
        d.pairs.push_back(c);
    }
    d.reference_sentence = json_text(j["reference"]["sentence"]);
    return true;
}

}  // namespace huescope::charts
