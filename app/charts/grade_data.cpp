#include "grade_data.hpp"

#include <nlohmann/json.hpp>

#include "json_read.hpp"

namespace huescope::charts {

using nlohmann::json;

namespace {

std::vector<double> numbers(const json& list) {
    std::vector<double> out;
    if (list.is_array())
        for (const json& v : list) out.push_back(json_number(v));
    return out;
}

}  // namespace

bool load_grade_data(const QString& folder, GradeData& d, QString& error) {
    d.folder = folder;
    json j;
    if (!read_json_file(folder + "/grade.json", j, error)) return false;
    const json& film = j["film"];
    if (!film.is_object() || !film["transfer_matrix"].is_object()) {
        error = "'" + folder + "/grade.json' has no film transfer: not a huescope grade analysis";
        return false;
    }
    d.tool_version = json_text(j["tool"]["version"]);
    d.before_input = json_text(j["before"]["path"]);
    d.after_input = json_text(j["after"]["path"]);
    d.hue_space = json_text(j["parameters"]["hue_space"]);
    d.focus_family = json_text(j["focus"]["family"]);
    const json& pairing = j["pairing"];
    d.pairs = static_cast<long long>(json_number(pairing["pairs"], 0));
    d.unpaired_before = static_cast<long long>(json_number(pairing["unpaired_before"], 0));
    d.unpaired_after = static_cast<long long>(json_number(pairing["unpaired_after"], 0));
    d.grid_width = int(json_number(pairing["grid"][0], 0));
    d.grid_height = int(json_number(pairing["grid"][1], 0));
    d.shots = j["shots"].is_array() ? static_cast<long long>(j["shots"].size()) : 0;
    for (const json& s : film["summary"]) d.summary << json_text(s);
    for (const json& s : j["notes"]) d.notes << json_text(s);
    for (const json& f : film["families"]) {
        GradeFamilyData family;
        family.name = json_text(f["name"]);
        family.share_before = json_number(f["share_before"]);
        family.share_after = json_number(f["share_after"]);
        family.chroma_gain = json_number(f["chroma_gain"]);
        family.hue_shift_deg = json_number(f["mean_hue_shift_deg"]);
        for (const auto& [name, share] : f["moved_to"].items())
            family.moved_to[QString::fromStdString(name)] = json_number(share);
        d.families.push_back(family);
    }
    const json& bins = film["hue_bins"];
    d.bin_share = numbers(bins["share_before"]);
    d.bin_gain = numbers(bins["chroma_gain"]);
    d.bin_shift = numbers(bins["hue_shift_deg"]);
    for (const json& row : film["transfer_matrix"]["shares"]) d.matrix.push_back(numbers(row));
    d.hue_before = numbers(film["hue_histogram_before"]);
    d.hue_after = numbers(film["hue_histogram_after"]);
    d.barcode_before.load(folder + "/" + json_text(j["barcodes"]["before"]));
    d.barcode_after.load(folder + "/" + json_text(j["barcodes"]["after"]));
    for (const json& f : j["focus"]["frames"]) {
        GradeFrameData frame;
        frame.before_s = json_number(f["before_s"]);
        frame.after_s = json_number(f["after_s"]);
        frame.chroma_removed = json_number(f["chroma_removed_per_pixel"]);
        frame.before.load(folder + "/" + json_text(f["before"]));
        frame.after.load(folder + "/" + json_text(f["after"]));
        d.frames.push_back(frame);
    }
    const json& lut = j["lut"];
    d.lut_size = int(json_number(lut["size"], 0));
    d.cells_with_data = static_cast<long long>(json_number(lut["cells_with_data"], 0));
    d.cells = static_cast<long long>(json_number(lut["cells"], 0));
    d.nodes_filled = static_cast<long long>(json_number(lut["nodes_filled"], 0));
    d.held_out_frames = static_cast<long long>(json_number(lut["fit_error"]["held_out_frames"], 0));
    d.mean_delta_e = json_number(lut["fit_error"]["mean_delta_e_ok"]);
    d.p95_delta_e = json_number(lut["fit_error"]["p95_delta_e_ok"]);
    return true;
}

}  // namespace huescope::charts
