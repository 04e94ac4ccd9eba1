#pragma once
// An independent reference for the tests: written from the published definitions, sharing no code
// with huescope's colour path. It goes from 8-bit sRGB-primaries R'G'B' straight to OKLab with
// Ottosson's *linear sRGB* matrices (huescope goes through XYZ with matrices it derives from the
// primaries), and to CIELAB with the rounded sRGB -> XYZ matrix printed in IEC 61966-2-1.

#include <cmath>
#include <numbers>

namespace reference {

enum class Eotf { Srgb, Gamma24 };

struct Lch {
    double l, c, h;
};

inline double to_linear(int code, Eotf eotf) {
    const double v = code / 255.0;
    if (eotf == Eotf::Gamma24) return std::pow(v, 2.4);
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

inline double hue_of(double a, double b) {
    double h = std::atan2(b, a) * 180.0 / std::numbers::pi;
    return h < 0 ? h + 360.0 : h;
}

/// OKLCh of linear sRGB / BT.709 light.
inline Lch oklch_linear(double r, double g, double b) {
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    const double L = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
    const double A = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
    const double B = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
    return {L, std::hypot(A, B), hue_of(A, B)};
}

inline Lch oklch(int r8, int g8, int b8, Eotf eotf = Eotf::Srgb) {
    return oklch_linear(to_linear(r8, eotf), to_linear(g8, eotf), to_linear(b8, eotf));
}

inline Lch cielab_lch(int r8, int g8, int b8, Eotf eotf = Eotf::Srgb) {
    const double r = to_linear(r8, eotf), g = to_linear(g8, eotf), b = to_linear(b8, eotf);
    const double x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    const double fx = f(x / 0.9505), fy = f(y), fz = f(z / 1.0890);
    const double a = 500 * (fx - fy), bb = 200 * (fy - fz);
    return {116 * fy - 16, std::hypot(a, bb), hue_of(a, bb)};
}

/// Smallest angle between two hues, in degrees (0..180).
inline double hue_distance(double a, double b) {
    const double d = std::fmod(std::fabs(a - b), 360.0);
    return d > 180.0 ? 360.0 - d : d;
}

}  // namespace reference
