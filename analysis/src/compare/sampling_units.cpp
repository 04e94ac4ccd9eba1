#include "huescope/sampling_units.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace huescope {
namespace {

/// Adds frames to units keyed by `key(frame)`, in order of first appearance.
template <typename Key>
std::vector<SampleUnit> group_frames(const FilmRecord& film, int family, Key key) {
    std::map<long long, std::size_t> index;
    std::vector<SampleUnit> units;
    for (const FrameRecord& frame : film.frames) {
        const long long k = key(frame);
        auto [it, inserted] = index.emplace(k, units.size());
        if (inserted) units.emplace_back();
        SampleUnit& u = units[it->second];
        u.frames += 1.0;
        const double share = frame.shares[static_cast<std::size_t>(family)];
        if (frame.hue_weight > 0.0 && std::isfinite(share)) {
            u.hue_weight += frame.hue_weight;
            u.family_weight += share * frame.hue_weight;
        }
    }
    return units;
}

}  // namespace

const char* unit_mode_name(UnitMode mode) {
    switch (mode) {
        case UnitMode::Auto:
            return "auto";
        case UnitMode::Shots:
            return "shots";
        case UnitMode::Blocks:
            return "blocks";
    }
    return "auto";
}

bool parse_unit_mode(const std::string& text, UnitMode& out) {
    for (UnitMode m : {UnitMode::Auto, UnitMode::Shots, UnitMode::Blocks}) {
        if (text == unit_mode_name(m)) {
            out = m;
            return true;
        }
    }
    return false;
}

FilmUnits sampling_units(const FilmRecord& film, int family, const UnitOptions& options) {
    FilmUnits result;
    std::vector<SampleUnit> shots =
        group_frames(film, family, [](const FrameRecord& f) { return f.shot; });
    const std::size_t coloured = units_with_hue(shots);  // a grey shot has no share to resample
    const bool enough = coloured >= options.min_shots;
    if (options.mode == UnitMode::Shots || (options.mode == UnitMode::Auto && enough)) {
        result.kind = UnitMode::Shots;
        result.units = std::move(shots);
        result.reason = options.mode == UnitMode::Shots
                            ? "shots, as asked"
                            : "shots (" + std::to_string(result.units.size()) + " found)";
        return result;
    }
    result.kind = UnitMode::Blocks;
    result.block_seconds = std::max(options.block_seconds, 1e-3);  // keeps the index finite
    const double start = film.frames.front().time_s;
    result.units = group_frames(film, family, [&](const FrameRecord& f) {
        return static_cast<long long>(std::floor((f.time_s - start) / result.block_seconds));
    });
    char length[32];
    std::snprintf(length, sizeof length, "%g", options.block_seconds);
    result.reason = options.mode == UnitMode::Blocks
                        ? std::string("blocks of ") + length + " s, as asked"
                        : "blocks of " + std::string(length) + " s: only " +
                              std::to_string(coloured) + " shots with colour, fewer than " +
                              std::to_string(options.min_shots);
    return result;
}

}  // namespace huescope
