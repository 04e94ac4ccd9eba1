#pragma once
// Single-precision cube root and hue angle for the per-pixel kernels. Both are branch-free
// (selects only) so that compilers vectorise the loops calling them, and both are accurate to
// float precision: the measurement must not change when the kernels get faster
// (tests/unit/pixel_kernels_test.cpp holds them to the double-precision reference functions).

#include <cstdint>
#include <cstring>

namespace huescope::fast {

/// Cube root of a normal finite float, relative error below 3e-7 (subnormals, below 1.2e-38,
/// come out with a large relative but negligible absolute error, under 1e-12). Newton's iteration
/// for the inverse cube root r = x^(-1/3), r <- r (4 - x r^3) / 3, needs no division (divisions are
/// the slow part of a vector loop); it starts from a bit-level guess within 4% and each step
/// squares the error (4e-2, 3e-3, 1e-5). Then y = x r^2, and one Newton step on y itself, with 1 /
/// (3 y^2) taken as r^2 / 3, multiplies y's error by r's: float precision.
inline float cube_root(float x) {
    const float ax = x < 0.0f ? -x : x;
    uint32_t bits = 0;
    std::memcpy(&bits, &ax, sizeof bits);
    bits = 0x54A2FA8Cu - bits / 3u;
    float r = 0.0f;
    std::memcpy(&r, &bits, sizeof r);
    // Written out, not looped: an inner loop would stop the caller's loop from vectorising.
    r = r * (4.0f - ax * r * r * r) * (1.0f / 3.0f);
    r = r * (4.0f - ax * r * r * r) * (1.0f / 3.0f);
    float y = ax * r * r;
    y = y - (y * y * y - ax) * (r * r * (1.0f / 3.0f));
    return x < 0.0f ? -y : y;
}

/// Hue angle of (a, b) in degrees, [0, 360); 0 on the neutral axis. atan of the smaller-over-
/// larger ratio t in [0, 1]: above tan(15 deg) it is reduced with atan t = 30 deg +
/// atan((t - 1/sqrt 3) / (1 + t/sqrt 3)), which leaves |t| <= tan(15 deg) = 0.268, where seven
/// terms of the Taylor series are exact to 2e-10 rad; float rounding (about 4e-6 degrees) is
/// the error left.
inline float hue_degrees(float a, float b) {
    constexpr float kDegrees = 57.29577951308232f;  // 180 / pi
    constexpr float kTan15 = 0.2679491924311227f;
    constexpr float kInvSqrt3 = 0.5773502691896258f;
    const float ax = a < 0.0f ? -a : a;
    const float ay = b < 0.0f ? -b : b;
    const float big = ax > ay ? ax : ay;
    const float small = ax > ay ? ay : ax;
    // Both branches are computed and one selected: no division is conditional, so the loops
    // calling this vectorise.
    const float t = small / (big > 0.0f ? big : 1.0f);
    const bool reduce = t > kTan15;
    const float reduced = (t - kInvSqrt3) / (1.0f + t * kInvSqrt3);
    const float u = reduce ? reduced : t;
    const float u2 = u * u;
    const float series =
        u * (1.0f + u2 * (-1.0f / 3 +
                          u2 * (1.0f / 5 +
                                u2 * (-1.0f / 7 + u2 * (1.0f / 9 + u2 * (-1.0f / 11 + u2 / 13))))));
    float deg = (reduce ? 30.0f : 0.0f) + series * kDegrees;  // 0..45: angle from the larger axis
    deg = ay > ax ? 90.0f - deg : deg;                        // 0..90: first quadrant
    deg = a < 0.0f ? 180.0f - deg : deg;                      // 0..180
    deg = b < 0.0f ? 360.0f - deg : deg;                      // 0..360
    return deg >= 360.0f ? deg - 360.0f : deg;
}

}  // namespace huescope::fast
