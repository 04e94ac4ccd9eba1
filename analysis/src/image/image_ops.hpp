#pragma once
// The OpenCV adapter: resampling. No other file includes OpenCV.

#include <cstdint>
#include <string>
#include <vector>

#include "huescope/image.hpp"
#include "huescope/rect.hpp"
#include "huescope/status.hpp"

namespace huescope {

/// Area-averages the `roi` of a linear image down to width x height (box filter, so every source
/// pixel contributes its share of light). Interleaved RGB floats out. NaN and infinite pixels are
/// left out of their cell's mean, as the measurement leaves them out.
void area_downsample(const LinearImage& image, const Rect& roi, int width, int height,
                     std::vector<float>& out);

}  // namespace huescope
