#include "huescope/hue_families.hpp"

#include <cstdlib>

namespace huescope {

const char* hue_space_name(HueSpace space) {
    return space == HueSpace::Oklch ? "oklch" : "cielab";
}

bool parse_hue_space(const std::string& text, HueSpace& out) {
    if (text == "oklch") {
        out = HueSpace::Oklch;
    } else if (text == "cielab" || text == "lch") {
        out = HueSpace::Cielab;
    } else {
        return false;
    }
    return true;
}

bool HueBand::contains(double h) const {
    if (from_deg < to_deg) return h >= from_deg && h < to_deg;
    return h >= from_deg || h < to_deg;  // wraps through 0 degrees
}

double HueBand::width_deg() const {
    return from_deg < to_deg ? to_deg - from_deg : 360.0 - from_deg + to_deg;
}

std::vector<HueBand> default_hue_families(HueSpace space) {
    // Edges: midpoints between the hues of sRGB red, orange (#FF8000), yellow, green, cyan, blue
    // and magenta in each space, rounded to whole degrees. The table and the derivation are in
    // docs/color-science.md; tests recompute the midpoints from the colours.
    if (space == HueSpace::Oklch) {
        return {{"red", 359, 41},   {"orange", 41, 81}, {"yellow", 81, 126}, {"green", 126, 169},
                {"cyan", 169, 230}, {"blue", 230, 296}, {"purple", 296, 359}};
    }
    return {{"red", 4, 50},     {"orange", 50, 81}, {"yellow", 81, 119}, {"green", 119, 166},
            {"cyan", 166, 251}, {"blue", 251, 317}, {"purple", 317, 4}};
}

Result<HueBand> parse_hue_band(const std::string& spec) {
    const auto eq = spec.find('=');
    const auto colon = spec.find(':', eq == std::string::npos ? 0 : eq);
    if (eq == std::string::npos || eq == 0 || colon == std::string::npos) {
        return Status(ErrorCode::InvalidArgument,
                      "band '" + spec + "' is not of the form NAME=FROM:TO (degrees)");
    }
    HueBand band;
    band.name = spec.substr(0, eq);
    for (char c : band.name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return Status(
                ErrorCode::InvalidArgument,
                "band name '" + band.name + "' may only use letters, digits, '_' and '-'");
        }
    }
    const std::string from = spec.substr(eq + 1, colon - eq - 1);
    const std::string to = spec.substr(colon + 1);
    char* end = nullptr;
    band.from_deg = std::strtod(from.c_str(), &end);
    const bool from_ok = !from.empty() && *end == '\0';
    band.to_deg = std::strtod(to.c_str(), &end);
    const bool to_ok = !to.empty() && *end == '\0';
    if (!from_ok || !to_ok || band.from_deg < 0 || band.from_deg > 360 || band.to_deg < 0 ||
        band.to_deg > 360) {
        return Status(ErrorCode::InvalidArgument,
                      "band '" + spec + "': FROM and TO must be numbers from 0 to 360");
    }
    if (band.from_deg == 360) band.from_deg = 0;
    if (band.from_deg == band.to_deg) {
        return Status(ErrorCode::InvalidArgument, "band '" + spec + "' is empty (FROM equals TO)");
    }
    return band;
}

void set_hue_band(std::vector<HueBand>& families, const HueBand& band) {
    for (HueBand& existing : families) {
        if (existing.name == band.name) {
            existing = band;
            return;
        }
    }
    families.push_back(band);
}

}  // namespace huescope
