#pragma once
// Colour differences between palette colours.

#include "huescope/color_math.hpp"

namespace huescope {

/// Euclidean distance in OKLab (about 0.02 is one just-noticeable difference).
double delta_e_ok(const Vec3& oklab1, const Vec3& oklab2);

/// CIEDE2000 (CIE 142-2001) between two CIELAB colours, parametric factors kL = kC = kH = 1,
/// implemented after Sharma, Wu & Dalal (2005), whose test data the unit tests use.
double delta_e_2000(const Vec3& lab1, const Vec3& lab2);

}  // namespace huescope
