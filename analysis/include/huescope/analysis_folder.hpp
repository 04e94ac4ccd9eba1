#pragma once
// An analysis folder read back: what `compare` (and later `merge` and the corpus index) need
// from summary.json and frames.csv. Everything downstream of `analyze` works from these
// published outputs, never from private state.

#include <string>
#include <vector>

#include "huescope/hue_distance.hpp"
#include "huescope/hue_families.hpp"
#include "huescope/palette.hpp"
#include "huescope/shots.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// One frames.csv row, reduced to what inference needs.
struct FrameRecord {
    double time_s = 0.0;
    long long shot = 0;
    double hue_weight = 0.0;      ///< the frame's weight in the chroma-weighted shares
    std::vector<double> shares;   ///< per family, in `families` order; NaN when undefined
    std::vector<double> metrics;  ///< per plugin output, in `metric_columns` order; NaN if none
};

struct FilmRecord {
    std::string folder;
    std::string label;       ///< a short name: the input's file name without extension
    std::string input_path;  ///< as summary.json records it
    std::string tool_version, generated_utc;
    std::string input_json, parameters_json;  ///< provenance, verbatim JSON objects
    HueSpace hue_space = HueSpace::Oklch;
    double min_chroma = 0.0, near_black_l = 0.0, near_white_l = 0.0;  ///< what counts as chromatic
    std::vector<HueBand> families;
    std::vector<double> shares;  ///< film shares per family (summary.json)
    HueHistogram hue_histogram{}, hue_histogram_lab{};
    std::vector<PaletteColor> palette;
    double frame_rate = 0.0, duration_s = 0.0;
    std::size_t shot_count = 0;
    ShotLengths shot_lengths;  ///< from shots.csv; NaN lengths for an analysis without one
    std::vector<std::string> metric_columns;  ///< plugin outputs in frames.csv, "id:output"
    std::vector<FrameRecord> frames;

    /// Index of a family by name, or -1.
    int family_index(const std::string& name) const;
};

/// Reads summary.json and frames.csv of a folder written by `huescope analyze`. BadData names
/// the file and what is wrong; NoInput when the folder has no summary.json.
Result<FilmRecord> read_analysis_folder(const std::string& folder);

/// True when `path` is a folder holding a summary.json.
bool is_analysis_folder(const std::string& path);

}  // namespace huescope
