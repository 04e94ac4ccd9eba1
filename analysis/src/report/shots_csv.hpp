#pragma once
// shots.csv: one row per shot, for the tools scholars and colorists use (a spreadsheet, pandas,
// R, an NLE's marker import). Columns: docs/cli.md, "shots.csv".

#include <ostream>
#include <string>
#include <vector>

#include "huescope/analyze.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// Writes the header and a row per shot (RFC 4180, CRLF, empty field for "undefined").
/// `frame_rate` gives the last shot its last frame's duration (0 when unknown).
void write_shots_csv(std::ostream& out, const std::vector<ShotResult>& shots,
                     const std::vector<HueBand>& families, double frame_rate);

/// Each shot's length on screen: to the next shot's start, the last one to its last frame's end.
std::vector<double> shot_durations(const std::vector<ShotResult>& shots, double frame_rate);

/// One shots.csv row read back (by `compare` and the corpus index); NaN where the file has an
/// empty field ("undefined").
struct ShotRecord {
    long long shot = 0, start_frame = 0, end_frame = 0, frames = 0;
    double start_s = 0, end_s = 0, duration_s = 0;
    std::string transition;
    std::vector<std::pair<std::string, double>> shares;  ///< family name, share; file order
    double hue_mean_deg = 0, chromatic_fraction = 0, mean_chroma = 0, mean_lightness = 0;
    std::string palette;  ///< sRGB hex codes, space-separated, heaviest first
};

/// Reads a shots.csv written by write_shots_csv. BadData names the file, row and what is wrong
/// (a missing column, a row that is not a number where one must be, shots out of order).
Result<std::vector<ShotRecord>> read_shots_csv(const std::string& path);

}  // namespace huescope
