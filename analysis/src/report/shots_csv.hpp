#pragma once
// shots.csv: one row per shot, for the tools scholars and colorists use (a spreadsheet, pandas,
// R, an NLE's marker import). Columns: docs/cli.md, "shots.csv".

#include <ostream>
#include <vector>

#include "huescope/analyze.hpp"

namespace huescope {

/// Writes the header and a row per shot (RFC 4180, CRLF, empty field for "undefined").
/// `frame_rate` gives the last shot its last frame's duration (0 when unknown).
void write_shots_csv(std::ostream& out, const std::vector<ShotResult>& shots,
                     const std::vector<HueBand>& families, double frame_rate);

/// Each shot's length on screen: to the next shot's start, the last one to its last frame's end.
std::vector<double> shot_durations(const std::vector<ShotResult>& shots, double frame_rate);

}  // namespace huescope
