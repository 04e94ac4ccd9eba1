#pragma once

#include "huescope/image.hpp"
#include "huescope/rect.hpp"

namespace huescope {

/// The picture inside letterbox (top/bottom) and pillarbox (left/right) bars: edge rows and
/// columns in which no pixel reaches a luminance of 0.001 (a video black with coding noise is
/// far below it). Bars thinner than 1% of the frame, or a frame that is black all over, give
/// the whole frame. Method and limits: docs/color-science.md, "Letterbox".
Rect detect_picture_area(const LinearImage& image);

}  // namespace huescope
