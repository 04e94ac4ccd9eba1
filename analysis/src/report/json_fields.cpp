#include "json_fields.hpp"

#include "atomic_file.hpp"
#include "pipeline/file_identity.hpp"
#include "shots_csv.hpp"

#include <cmath>

#include "huescope/color_math.hpp"

namespace huescope {

nlohmann::json number_or_null(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

namespace {

using nlohmann::json;

json tags_json(const RawColorTags& tags) {
    return {{"matrix", tags.matrix},
            {"range", tags.range},
            {"transfer", tags.transfer},
            {"primaries", tags.primaries}};
}

json xy(const Chromaticity& c) {
    return json::array({c.x, c.y});
}

json color_json(const ColorEncoding& c) {
    return {{"matrix", matrix_name(c.matrix)},
            {"matrix_from", provenance_name(c.matrix_from)},
            {"range", range_name(c.range)},
            {"range_from", provenance_name(c.range_from)},
            {"transfer", transfer_name(c.transfer)},
            {"transfer_from", provenance_name(c.transfer_from)},
            {"primaries",
             {{"name", c.primaries.name},
              {"red", xy(c.primaries.red)},
              {"green", xy(c.primaries.green)},
              {"blue", xy(c.primaries.blue)},
              {"white", xy(c.primaries.white)}}},
            {"primaries_from", provenance_name(c.primaries_from)},
            {"working_space", "linear BT.709 primaries, D65 white, 1.0 = reference white"},
            {"hdr_reference_white_nits", kHdrReferenceWhiteNits},
            {"input_colorspace", c.input_colorspace},
            {"ocio_builtin", c.ocio_builtin},
            {"ocio_config", c.ocio_config},
            {"assumptions", c.notes}};
}

template <typename Pairs>
json named_values(const Pairs& pairs) {
    json out = json::object();
    for (const auto& [name, value] : pairs) out[name] = number_or_null(value);
    return out;
}

json hdr_json(const HdrMetadata& hdr) {
    json j = json::object();
    if (hdr.has_mastering_display) {
        j["mastering_display"] = {
            {"red", xy(hdr.display_red)},       {"green", xy(hdr.display_green)},
            {"blue", xy(hdr.display_blue)},     {"white", xy(hdr.display_white)},
            {"min_nits", hdr.display_min_nits}, {"max_nits", hdr.display_max_nits}};
    }
    if (hdr.has_light_level)
        j["content_light_level"] = {{"max_cll", hdr.max_cll}, {"max_fall", hdr.max_fall}};
    return j;
}

}  // namespace

Status write_json_file(const std::string& path, const json& j, int indent) {
    AtomicFile out(path);
    if (Status s = out.open(); !s) return s;
    out.stream() << j.dump(indent, ' ', false, json::error_handler_t::replace) << "\n";
    return out.commit();
}

json file_identity_json(const std::string& path) {
    std::error_code ec;
    const FileIdentity id = file_identity(path, ec);
    return {{"path", id.path}, {"bytes", id.bytes}, {"modified", id.modified}};
}

json source_json(const SourceInfo& info) {
    json j = {{"path", info.path},
              {"kind", info.kind},
              {"container", info.container},
              {"codec", info.codec},
              {"stream_index", info.stream_index},
              {"width", info.width},
              {"height", info.height},
              {"analysis_width", info.analysis_width},
              {"analysis_height", info.analysis_height},
              {"frame_rate", info.frame_rate},
              {"frame_rate_from", info.frame_rate_from},
              {"duration_s", info.duration_s},
              {"frame_count", info.frame_count},
              {"frame_count_estimated", info.frame_count_estimated},
              {"pixel_format", info.pixel_format},
              {"bit_depth", info.bit_depth},
              {"chroma_subsampling", info.chroma_subsampling},
              {"tags", tags_json(info.tags)},
              {"color", color_json(info.color)},
              {"notes", info.notes},
              {"hdr_metadata", hdr_json(info.hdr)}};
    if (info.kind == "exr-sequence") j["first_frame_number"] = info.first_frame_number;
    if (info.frame_tags.matrix != "unknown" || info.frame_tags.range != "unknown" ||
        info.frame_tags.transfer != "unknown" || info.frame_tags.primaries != "unknown") {
        j["bitstream_tags"] = tags_json(info.frame_tags);
    }
    return j;
}

namespace {
// Where the shots come from: the detector with its parameters, or the user's cut list (given in
// full, so that a run with another list is another run).
json shot_parameters_json(const AnalyzeOptions& options) {
    if (options.cut_list) {
        json cuts = json::array();
        for (const GivenCut& cut : options.cut_list->cuts) {
            json c = {{"transition", transition_name(cut.kind)}};
            switch (cut.unit) {
                case GivenCut::Unit::Frame:
                    c["frame"] = cut.frame;
                    break;
                case GivenCut::Unit::Seconds:
                    c["time_s"] = cut.seconds;
                    break;
                case GivenCut::Unit::Timecode:
                    c["timecode_seconds"] = cut.timecode.seconds;
                    c["timecode_frames"] = cut.timecode.frames;
                    c["drop_frame"] = cut.timecode.drop_frame;
                    c["offset_frames"] = cut.offset_frames;
                    break;
            }
            cuts.push_back(c);
        }
        const Timecode& origin = options.cut_list->origin;
        return {{"source", "file"},
                {"path", options.cut_list->path},
                {"format", options.cut_list->format},
                {"origin_timecode", {origin.seconds, origin.frames, origin.drop_frame}},
                {"cuts", cuts}};
    }
    return {{"source", "detected"},
            {"sensitivity", options.shots.sensitivity},
            {"cut_picture", options.shots.cut_picture},
            {"cut_structure", options.shots.cut_structure},
            {"cut_colour", options.shots.cut_colour},
            {"cut_isolation", options.shots.cut_isolation},
            {"cut_neighbours", options.shots.cut_neighbours},
            {"flash_lookahead", options.shots.flash_lookahead},
            {"gradual_total", options.shots.gradual_total},
            {"dissolve_linearity", options.shots.dissolve_linearity},
            {"dissolve_variance_dip", options.shots.dissolve_variance_dip},
            {"exposure_residual", options.shots.exposure_residual},
            {"min_shot_frames", options.shots.min_shot_frames}};
}
}  // namespace

json parameters_json(const AnalyzeOptions& options) {
    const MeasureParams& m = options.measure;
    json families = json::array();
    for (const HueBand& band : m.families) {
        families.push_back(
            {{"name", band.name}, {"from_deg", band.from_deg}, {"to_deg", band.to_deg}});
    }
    return {{"hue_space", hue_space_name(m.hue_space)},
            {"families", families},
            {"min_chroma", m.min_chroma},
            {"near_black_l", m.near_black_l},
            {"near_white_l", m.near_white_l},
            {"hue_bins", kHueBins},
            {"start_s", options.start_s},
            {"duration_s", options.duration_s ? json(*options.duration_s) : json(nullptr)},
            {"every", options.every},
            {"keyframes_only", options.source.keyframes_only},
            {"keep_letterbox", options.keep_letterbox},
            {"palette",
             {{"max_colors", options.palette.max_colors},
              {"merge_delta_e_ok", options.palette.merge_de},
              {"seed", options.palette.seed},
              {"thumbnail", {kThumbWidth, kThumbHeight}}}},
            {"shots", shot_parameters_json(options)}};
}

json hue_summary_json(const HueSummary& s) {
    return {{"shares", named_values(s.shares)},
            {"pixel_shares", named_values(s.pixel_shares)},
            {"hue_weight", s.hue_weight},
            {"hue_mean_deg", number_or_null(s.hue_mean_deg)},
            {"hue_mean_lab_deg", number_or_null(s.hue_mean_lab_deg)},
            {"hue_circular_variance", number_or_null(s.hue_circular_variance)},
            {"hue_circular_variance_lab", number_or_null(s.hue_circular_variance_lab)},
            {"chromatic_fraction", number_or_null(s.chromatic_fraction)},
            {"near_black_fraction", number_or_null(s.near_black_fraction)},
            {"near_white_fraction", number_or_null(s.near_white_fraction)},
            {"mean_chroma", number_or_null(s.mean_chroma)},
            {"chroma_p50", number_or_null(s.chroma_p50)},
            {"chroma_p90", number_or_null(s.chroma_p90)},
            {"chroma_p99", number_or_null(s.chroma_p99)},
            {"mean_chroma_chromatic", number_or_null(s.mean_chroma_chromatic)},
            {"mean_lightness", number_or_null(s.mean_lightness)},
            {"lightness_p50", number_or_null(s.lightness_p50)},
            {"pixels", s.pixels},
            {"invalid_pixels", s.invalid_pixels},
            {"negative_pixels", s.negative_pixels},
            {"hue_histogram", s.hue_histogram},
            {"hue_histogram_lab", s.hue_histogram_lab}};
}

}  // namespace huescope

namespace huescope {

nlohmann::json palette_json(const std::vector<PaletteColor>& palette) {
    nlohmann::json list = nlohmann::json::array();
    for (const PaletteColor& c : palette) {
        list.push_back({{"weight", c.weight},
                        {"hex", c.hex},
                        {"oklab", c.oklab},
                        {"oklch", c.oklch},
                        {"cielab", c.cielab}});
    }
    return list;
}

nlohmann::json metric_values_json(const std::vector<std::string>& columns,
                                  const MetricValues& values) {
    nlohmann::json out = nlohmann::json::object();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::size_t colon = columns[c].rfind(':');
        const std::string id = columns[c].substr(0, colon), name = columns[c].substr(colon + 1);
        out[id][name] = number_or_null(c < values.scalars.size() ? values.scalars[c] : NAN);
    }
    for (const auto& [key, h] : values.histograms) {
        const std::size_t colon = key.rfind(':');
        out[key.substr(0, colon)]["histograms"][key.substr(colon + 1)] = {
            {"low", h.low}, {"high", h.high}, {"bins", h.bins}};
    }
    return out;
}

nlohmann::json metrics_json(const AnalysisResult& r) {
    nlohmann::json out = nlohmann::json::object();
    const nlohmann::json film = metric_values_json(r.metric_columns, r.film_metrics);
    for (const MetricStatus& s : r.metric_statuses) {
        out[s.id] = {{"version", s.version},
                     {"origin", s.origin},
                     {"status", s.active ? "ok" : "disabled"},
                     {"problem", s.problem},
                     {"film", film.contains(s.id) ? film[s.id] : nlohmann::json::object()}};
    }
    return out;
}

nlohmann::json shot_json(const ShotResult& shot, const std::vector<std::string>& metric_columns) {
    nlohmann::json j = hue_summary_json(shot.summary);
    // The per-shot hue histograms are in hue_time.exr (rows of the shot's frames); repeating
    // 720 numbers per shot here would make summary.json unreadable.
    j.erase("hue_histogram");
    j.erase("hue_histogram_lab");
    j["start_frame"] = shot.start_frame;
    j["end_frame"] = shot.end_frame;
    j["start_s"] = shot.start_s;
    j["end_s"] = shot.end_s;
    j["frames"] = shot.frames;
    j["transition"] = transition_name(shot.transition);
    j["palette"] = palette_json(shot.palette);
    if (!metric_columns.empty()) j["metrics"] = metric_values_json(metric_columns, shot.metrics);
    return j;
}

nlohmann::json completeness_json(const Completeness& c) {
    nlohmann::json j = {{"partial", c.partial},
                        {"frames_lost", c.frames_lost},
                        {"decode_errors", c.decode_errors},
                        {"concealed_frames", c.concealed_frames},
                        {"reasons", c.reasons},
                        {"notes", c.notes}};
    if (c.frames_expected > 0) {
        j["frames_expected"] = c.frames_expected;
        j["frames_expected_from"] = c.expected_is_estimate ? "duration" : "index";
    } else {
        j["frames_expected"] = nullptr;  // the container does not say, or a range was asked
    }
    return j;
}

nlohmann::json cutting_json(const std::vector<ShotResult>& shots, double frame_rate) {
    const std::vector<double> durations = shot_durations(shots, frame_rate);
    double total_s = 0;
    for (double d : durations) total_s += d;
    const ShotLengths lengths = shot_lengths(durations);
    return {{"shots", lengths.count},
            {"average_shot_length_s", number_or_null(lengths.average_s)},
            {"median_shot_length_s", number_or_null(lengths.median_s)},
            {"shots_per_minute",
             number_or_null(total_s > 0 ? 60.0 * double(lengths.count) / total_s : std::nan(""))}};
}

nlohmann::json letterbox_json(const LetterboxResult& l) {
    return {{"excluded", l.excluded},
            {"picture",
             {{"x", l.picture.x},
              {"y", l.picture.y},
              {"width", l.picture.width},
              {"height", l.picture.height}}},
            {"grid", {l.grid_width, l.grid_height}},
            {"frames_with_bars", l.frames_with_bars}};
}

}  // namespace huescope
