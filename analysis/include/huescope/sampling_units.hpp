#pragma once
// The sampling units of a film for inference: its shots, or fixed-length blocks of frames when
// it has too few shots to resample (docs/statistics.md, "Sampling units").

#include <string>
#include <vector>

#include "huescope/analysis_folder.hpp"
#include "huescope/share_inference.hpp"

namespace huescope {

enum class UnitMode { Auto, Shots, Blocks };
const char* unit_mode_name(UnitMode mode);
bool parse_unit_mode(const std::string& text, UnitMode& out);

struct UnitOptions {
    UnitMode mode = UnitMode::Auto;
    std::size_t min_shots = 8;    ///< Auto: fewer shots than this falls back to blocks
    double block_seconds = 10.0;  ///< length of a block
};

struct FilmUnits {
    UnitMode kind = UnitMode::Shots;  ///< Shots or Blocks, never Auto
    double block_seconds = 0.0;       ///< when kind is Blocks
    std::string reason;               ///< why this kind, in words (stated in the outputs)
    std::vector<SampleUnit> units;
};

/// Groups a film's frames into units and sums each unit's weights for family `family_index`.
FilmUnits sampling_units(const FilmRecord& film, int family_index, const UnitOptions& options);

}  // namespace huescope
