// compare.json: every number of a comparison with its parameters, seeds and the inputs'
// provenance, so that a reader can check and reproduce it. Layout: docs/cli.md.

#include <nlohmann/json.hpp>

#include "huescope/analyze.hpp"
#include "huescope/compare.hpp"
#include "json_fields.hpp"

namespace huescope {
namespace {

using nlohmann::json;

json units_json(const FilmUnits& u) {
    json shares = json::array(), frames = json::array(), weights = json::array();
    for (const SampleUnit& unit : u.units) {
        shares.push_back(number_or_null(unit.share()));
        frames.push_back(unit.frames);
        weights.push_back(unit.hue_weight);
    }
    json j = {{"kind", unit_mode_name(u.kind)},
              {"reason", u.reason},
              {"count", u.units.size()},
              {"share", shares},
              {"frames", frames},
              {"hue_weight", weights}};
    if (u.kind == UnitMode::Blocks) j["block_seconds"] = u.block_seconds;
    return j;
}

json film_json(const CompareFilm& f, const std::vector<HueBand>& families) {
    const FilmRecord& film = f.film;
    json shares = json::object();
    for (const HueBand& band : families)
        shares[band.name] =
            number_or_null(film.shares[static_cast<std::size_t>(film.family_index(band.name))]);
    return {{"label", film.label},
            {"folder", film.folder},
            {"input", json::parse(film.input_json)},
            {"analysis_parameters", json::parse(film.parameters_json)},
            {"analysed_with", film.tool_version},
            {"analysed_utc", film.generated_utc},
            {"frames", film.frames.size()},
            {"shots", film.shot_count},
            {"average_shot_length_s", number_or_null(film.shot_lengths.average_s)},
            {"median_shot_length_s", number_or_null(film.shot_lengths.median_s)},
            {"family_share", number_or_null(f.share)},
            {"shares", shares},
            {"hue_histogram", film.hue_histogram},
            {"hue_histogram_lab", film.hue_histogram_lab},
            {"palette", palette_json(film.palette)},
            {"units", units_json(f.units)}};
}

json matches_json(const std::vector<PaletteMatch>& matches) {
    json list = json::array();
    for (const PaletteMatch& m : matches) {
        list.push_back({{"from", m.from},
                        {"to", m.to},
                        {"delta_e_ok", m.delta_e_ok},
                        {"delta_e_2000", m.delta_e_2000},
                        {"close", m.close}});
    }
    return list;
}

json pair_json(const Comparison& c, const PairComparison& p) {
    const ShareTest& t = p.test;
    json differences = json::object();
    for (std::size_t i = 0; i < c.families.size(); ++i)
        differences[c.families[i].name] = number_or_null(p.family_differences[i]);
    return {{"a", c.films[p.a].film.label},
            {"b", c.films[p.b].film.label},
            {"a_index", p.a},
            {"b_index", p.b},
            {"hue_distance",
             {{"emd_oklch_deg", number_or_null(p.emd_oklch_deg)},
              {"emd_cielab_deg", number_or_null(p.emd_cielab_deg)},
              {"total_variation_oklch", number_or_null(p.total_variation)}}},
            {"share_differences", differences},
            {"test",
             {{"family", c.options.family},
              {"share_a", number_or_null(t.share_a)},
              {"share_b", number_or_null(t.share_b)},
              {"difference", number_or_null(t.difference)},
              {"difference_points", number_or_null(100.0 * t.difference)},
              {"ratio", number_or_null(t.ratio)},
              {"ci_low", number_or_null(t.ci_low)},
              {"ci_high", number_or_null(t.ci_high)},
              {"p_value", number_or_null(t.p_value)},
              {"p_holm", number_or_null(p.p_holm)},
              {"cliffs_delta", number_or_null(t.cliffs_delta)},
              {"cliffs_delta_magnitude", cliffs_delta_magnitude(t.cliffs_delta)},
              {"units_a", t.units_a},
              {"units_b", t.units_b},
              {"bootstrap_replicates_used", t.bootstrap_replicates},
              {"permutations_used", t.permutations},
              {"sentence", pair_sentence(c, p)}}},
            {"palette",
             {{"a_to_b", matches_json(p.a_to_b)},
              {"b_to_a", matches_json(p.b_to_a)},
              {"a_weight_with_close_match", number_or_null(p.a_covered)},
              {"b_weight_with_close_match", number_or_null(p.b_covered)}}}};
}

json parameters_json(const CompareOptions& o) {
    return {{"family", o.family},
            {"mode", o.against_references ? "reference" : "pairs"},
            {"units", unit_mode_name(o.units.mode)},
            {"min_shots", o.units.min_shots},
            {"block_seconds", o.units.block_seconds},
            {"bootstrap_replicates", o.inference.bootstrap_replicates},
            {"permutations", o.inference.permutations},
            {"confidence", o.inference.confidence},
            {"alternative", alternative_name(o.inference.alternative)},
            {"seed", o.inference.seed},
            {"palette_match_delta_e_ok", o.palette_match_delta_e_ok},
            {"p_adjustment", "holm"}};
}

}  // namespace

Status write_compare_json(const Comparison& c, const std::string& path) {
    json j;
    j["tool"] = {{"name", "huescope"}, {"version", version()}};
    j["parameters"] = parameters_json(c.options);
    json families = json::array();
    for (const HueBand& band : c.families)
        families.push_back(
            {{"name", band.name}, {"from_deg", band.from_deg}, {"to_deg", band.to_deg}});
    j["families"] = families;
    j["films"] = json::array();
    for (const CompareFilm& f : c.films) j["films"].push_back(film_json(f, c.families));
    j["pairs"] = json::array();
    for (const PairComparison& p : c.pairs) j["pairs"].push_back(pair_json(c, p));
    if (c.options.against_references) {
        const ReferencePosition& r = c.reference;
        j["reference"] = {{"film", c.films.front().film.label},
                          {"references", r.references},
                          {"mean", number_or_null(r.mean)},
                          {"sd", number_or_null(r.sd)},
                          {"z", number_or_null(r.z)},
                          {"percentile", number_or_null(r.percentile)},
                          {"p_lower", number_or_null(r.p_lower)},
                          {"p_higher", number_or_null(r.p_higher)},
                          {"sentence", reference_sentence(c)}};
    }
    return write_json_file(path, j);
}

}  // namespace huescope
