#include "grade_json.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/json_fields.hpp"

#ifndef HUESCOPE_VERSION
#define HUESCOPE_VERSION "unknown"
#endif

namespace huescope {
namespace {

using json = nlohmann::json;

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : std::nan("");
}

// The share of a family's chroma (before) in each AFTER column (family, then achromatic). Chroma
// that went to hues outside every family is in no column: the shares then add up to less than 1.
json moves_json(const std::vector<double>& row, double total,
                const std::vector<HueBand>& families) {
    json j = json::object();
    for (std::size_t g = 0; g < row.size(); ++g) {
        const std::string name = g < families.size() ? families[g].name : "achromatic";
        j[name] = number_or_null(ratio(row[g], total));
    }
    return j;
}

json families_json(const HueTransfer& t, const std::vector<HueBand>& families) {
    json list = json::array();
    for (std::size_t f = 0; f < families.size(); ++f) {
        list.push_back({
            {"name", families[f].name},
            {"from_deg", families[f].from_deg},
            {"to_deg", families[f].to_deg},
            {"share_before",
             number_or_null(ratio(t.family_share_before[f], t.chromatic_chroma_before))},
            {"share_after",
             number_or_null(ratio(t.family_share_after[f], t.chromatic_chroma_after))},
            {"chroma_gain",
             number_or_null(ratio(t.family_chroma_after[f], t.family_chroma_before[f]))},
            {"mean_hue_shift_deg",
             number_or_null(ratio(t.family_shift[f], t.family_shift_weight[f]))},
            {"moved_to", moves_json(t.family_moves[f], t.family_chroma_before[f], families)},
        });
    }
    return list;
}

json bins_json(const HueTransfer& t) {
    json gain = json::array(), shift = json::array(), weight = json::array(),
         gained = json::array();
    for (int i = 0; i < kTransferBins; ++i) {
        gain.push_back(number_or_null(ratio(t.bin_chroma_after[i], t.bin_chroma_before[i])));
        shift.push_back(number_or_null(ratio(t.bin_shift[i], t.bin_shift_weight[i])));
        weight.push_back(number_or_null(ratio(t.bin_chroma_before[i], t.chromatic_chroma_before)));
        gained.push_back(number_or_null(ratio(t.bin_gained[i], double(t.pixels))));
    }
    return {{"width_deg", 360.0 / kTransferBins},
            {"share_before", weight},
            {"chroma_gain", gain},
            {"hue_shift_deg", shift},
            {"chroma_from_achromatic", gained}};
}

json matrix_json(const HueTransfer& t) {
    json rows = json::array(), totals = json::array();
    for (int i = 0; i < kTransferBins; ++i) {
        double total = 0.0;
        for (double v : t.matrix[i]) total += v;
        json row = json::array();
        for (double v : t.matrix[i]) row.push_back(number_or_null(ratio(v, total)));
        rows.push_back(row);
        totals.push_back(number_or_null(ratio(total, t.chromatic_chroma_before)));
    }
    return {{"rows", "BEFORE's hue bin"},
            {"columns", "AFTER's hue bin, then achromatic"},
            {"row_share_before", totals},
            {"shares", rows}};
}

json transfer_json(const HueTransfer& t, const std::vector<HueBand>& families, bool matrix) {
    const double n = double(t.pixels);
    json j = {{"pixels", t.pixels},
              {"chromatic_before", t.chromatic_before},
              {"chromatic_after", t.chromatic_after},
              {"mean_chroma_before", number_or_null(ratio(t.chroma_before, n))},
              {"mean_chroma_after", number_or_null(ratio(t.chroma_after, n))},
              {"chroma_gain", number_or_null(ratio(t.chroma_after, t.chroma_before))},
              {"mean_lightness_before", number_or_null(ratio(t.lightness_before, n))},
              {"mean_lightness_after", number_or_null(ratio(t.lightness_after, n))},
              {"families", families_json(t, families)},
              {"hue_bins", bins_json(t)}};
    if (matrix) j["transfer_matrix"] = matrix_json(t);
    return j;
}

json lut_json(const LutFitReport& lut) {
    json ranges = json::array();
    for (const auto& [first, last] : lut.filled_ranges) ranges.push_back({first, last});
    return {{"file", "grade.cube"},
            {"size", lut.size},
            {"domain", "BEFORE's normalised R'G'B' code values, 0..1"},
            {"range", "AFTER's normalised R'G'B' code values"},
            {"samples", lut.samples},
            {"cells_with_data", lut.cells_with_data},
            {"cells", int64_t(lut.size - 1) * (lut.size - 1) * (lut.size - 1)},
            {"nodes_filled", lut.nodes_filled},
            {"filled_node_ranges", ranges},
            {"before_outside_0_1", lut.before_outside_unit},
            {"fit_error",
             {{"held_out_frames", lut.held_out_frames},
              {"held_out_pixels", lut.held_out_pixels},
              {"mean_delta_e_ok", number_or_null(lut.mean_delta_e)},
              {"p95_delta_e_ok", number_or_null(lut.p95_delta_e)}}}};
}

constexpr double kNegligibleShare = 0.005;

std::string percent(double share) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", 100.0 * share);
    return text;
}

}  // namespace

std::vector<std::string> grade_family_sentences(const HueTransfer& t,
                                                const std::vector<HueBand>& families) {
    std::vector<std::string> lines;
    for (std::size_t f = 0; f < families.size(); ++f) {
        const double before = t.family_chroma_before[f];
        // A family with under half a percent of the chroma is a handful of pixels: whatever
        // happened to them would read as news ("red: moved 46% to orange") and be noise.
        if (!(before > kNegligibleShare * t.chromatic_chroma_before)) continue;
        const double gain = t.family_chroma_after[f] / before;
        // Within half a percent, "0% removed" or "0% more" would only be rounding.
        const std::string change = std::fabs(gain - 1.0) < 0.005 ? "chroma unchanged"
                                   : gain < 1.0 ? percent(1.0 - gain) + " of its chroma removed"
                                                : percent(gain - 1.0) + " more chroma";
        std::string line = families[f].name + ": " + change;
        std::string moved;
        for (std::size_t g = 0; g < t.family_moves[f].size(); ++g) {
            const double share = t.family_moves[f][g] / before;
            if (g == f || share < 0.005) continue;
            moved += (moved.empty() ? "" : ", ") + percent(share) + " to " +
                     (g < families.size() ? families[g].name : std::string("achromatic"));
        }
        if (!moved.empty()) line += "; moved " + moved;
        lines.push_back(line);
    }
    return lines;
}

Status write_grade_json(const GradeResult& r, const GradeOptions& o, const std::string& path) {
    const std::vector<HueBand>& families = o.measure.families;
    json shots = json::array();
    for (const GradeShot& shot : r.shots) {
        json s = transfer_json(shot.transfer, families, false);
        s["first_pair"] = shot.first_pair;
        s["pairs"] = shot.pairs;
        s["start_s"] = shot.start_s;
        s["end_s"] = shot.end_s;
        s["transition"] = shot.transition;
        shots.push_back(s);
    }
    json families_list = json::array();
    for (const HueBand& band : families)
        families_list.push_back(
            {{"name", band.name}, {"from_deg", band.from_deg}, {"to_deg", band.to_deg}});
    json film = transfer_json(r.film, families, true);
    film["summary"] = grade_family_sentences(r.film, families);
    film["hue_histogram_before"] = r.film.hue_hist_before;
    film["hue_histogram_after"] = r.film.hue_hist_after;
    json frames = json::array();
    for (const GradeFrame& f : r.frames) {
        frames.push_back({{"pair", f.pair},
                          {"before_s", f.before_s},
                          {"after_s", f.after_s},
                          {"chroma_removed_per_pixel", f.chroma_removed},
                          {"before", f.before_png},
                          {"after", f.after_png}});
    }
    const json j = {
        {"tool", {{"name", "huescope"}, {"version", HUESCOPE_VERSION}}},
        {"command_line", o.command_line},
        {"before", source_json(r.before)},
        {"after", source_json(r.after)},
        {"pairing",
         {{"pairs", r.pairs},
          {"offset_frames", o.offset_frames},
          {"unpaired_before", r.unpaired_before},
          {"unpaired_after", r.unpaired_after},
          {"verified_pairs", r.verified_pairs},
          {"mismatched_pairs", r.mismatched_pairs},
          {"grid", {r.grid_width, r.grid_height}}}},
        {"parameters",
         {{"hue_space", hue_space_name(o.measure.hue_space)},
          {"min_chroma", o.measure.min_chroma},
          {"near_black_l", o.measure.near_black_l},
          {"near_white_l", o.measure.near_white_l},
          {"families", families_list},
          {"lut_size", o.lut_size},
          {"holdout_every", o.holdout_every},
          {"holdout_block", o.holdout_block}}},
        {"film", film},
        {"shots", shots},
        {"lut", lut_json(r.lut)},
        {"barcodes", {{"before", "barcode_before.png"}, {"after", "barcode_after.png"}}},
        {"focus", {{"family", o.focus_family}, {"frames", frames}}},
        {"notes", r.notes},
    };
    return write_json_file(path, j);
}

}  // namespace huescope
