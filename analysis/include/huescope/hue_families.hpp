#pragma once
// Named hue bands ("families") whose share of the chromatic signal huescope reports.

#include <string>
#include <vector>

#include "huescope/status.hpp"

namespace huescope {

/// The hue circle a measurement uses for its families and shares.
enum class HueSpace { Oklch, Cielab };

const char* hue_space_name(HueSpace space);
bool parse_hue_space(const std::string& text, HueSpace& out);

/// A half-open arc [from, to) of the hue circle in degrees; wraps through 0 when from > to.
struct HueBand {
    std::string name;
    double from_deg = 0.0;
    double to_deg = 0.0;

    bool contains(double hue_deg) const;
    /// The same arc of the circle (whatever the name).
    bool same_arc(const HueBand& other) const {
        return from_deg == other.from_deg && to_deg == other.to_deg;
    }
    double width_deg() const;
};

/// The default partition of the circle into red, orange, yellow, green, cyan, blue and purple.
/// Edges are the midpoints between the hues of the sRGB reference colours (docs/color-science.md).
std::vector<HueBand> default_hue_families(HueSpace space);

/// Parses "NAME=FROM:TO" (degrees, 0..360, FROM != TO).
Result<HueBand> parse_hue_band(const std::string& spec);

/// Replaces the family of the same name, or appends a new one.
void set_hue_band(std::vector<HueBand>& families, const HueBand& band);

}  // namespace huescope
