#pragma once
// Reading hue_time.exr back (the file `analyze` writes: one row per analysed frame, one column
// per 1-degree hue bin): for viewers that need a shot's or a time range's hue distribution.

#include <cstdint>
#include <functional>
#include <string>

#include "huescope/status.hpp"

namespace huescope {

/// Calls `visit(row, oklch_row)` for every row in order (360 floats: the chroma in each OKLCh hue
/// bin divided by the frame's pixel count), reading a few hundred rows at a time.
Status read_hue_time(const std::string& path,
                     const std::function<void(int64_t row, const float* oklch_row)>& visit);

}  // namespace huescope
