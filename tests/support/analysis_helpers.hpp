#pragma once
// Small helpers the integration tests share: run an analysis, read one family's share.

#include <filesystem>
#include <string>

#include "huescope/analyze.hpp"

namespace testing_support {

/// Analyses `input` into `out` with the default parameters (and optional decode overrides).
inline huescope::Result<huescope::AnalysisResult> analyze_into(
    const std::string& input, const std::filesystem::path& out,
    const huescope::ColorOverrides& overrides = {}) {
    huescope::AnalyzeOptions o;
    o.input = input;
    o.output_dir = out.string();
    o.source.overrides = overrides;
    return huescope::analyze(o);
}

/// A family's chroma-weighted share (or pixel share); -1 when the family is not reported.
inline double family_share(const huescope::HueSummary& s, const std::string& family,
                           bool pixel = false) {
    for (const auto& [name, value] : pixel ? s.pixel_shares : s.shares)
        if (name == family) return value;
    return -1;
}

}  // namespace testing_support
