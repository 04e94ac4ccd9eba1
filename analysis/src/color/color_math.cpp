#include "huescope/color_math.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numbers>

namespace huescope {
namespace {

// Ottosson, "A perceptual color space for image processing" (2020): linear sRGB -> LMS, and
// LMS' (cube-rooted) -> Lab. The XYZ -> LMS matrix is this one composed with XYZ -> linear BT.709
// derived from the chromaticities (as CSS Color 4 recomputes it), so that every neutral, of any
// lightness, has a = b = 0 exactly. Ottosson's own XYZ matrix assumed a slightly different D65
// XYZ and leaves neutrals at a chroma of about 1e-4.
const Mat3 kOklabM1Srgb{{{{0.4122214708, 0.5363325363, 0.0514459929},
                          {0.2119034982, 0.6806995451, 0.1073969566},
                          {0.0883024619, 0.2817188376, 0.6299787005}}}};
const Mat3 kOklabM2{{{{0.2104542553, 0.7936177850, -0.0040720468},
                      {1.9779984951, -2.4285922050, 0.4505937099},
                      {0.0259040371, 0.7827717662, -0.8086757660}}}};

// Bradford cone response matrix (Lam 1985, as used in ICC.1 Annex E).
const Mat3 kBradford{
    {{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}}};

double lab_f(double t) {
    return t > kCielabEpsilon ? cube_root(t) : (kCielabKappa * t + 16.0) / 116.0;
}

}  // namespace

double cube_root(double x) {
    if (x == 0.0 || !std::isfinite(x)) return x;  // cbrt of 0, inf and NaN is itself
    // A bit-level first guess (exponent divided by three, within a few percent), then two Halley
    // steps, each of which cubes the relative error: libm's cbrt was a quarter of a frame's time.
    const double ax = std::fabs(x);
    uint64_t bits = 0;
    std::memcpy(&bits, &ax, sizeof bits);
    bits = bits / 3 + 0x2A9F7893782DA1CEull;
    double y = 0.0;
    std::memcpy(&y, &bits, sizeof y);
    for (int i = 0; i < 2; ++i) {
        const double y3 = y * y * y;
        y = y * (y3 + 2.0 * ax) / (2.0 * y3 + ax);
    }
    return std::copysign(y, x);
}

Mat3 Mat3::identity() {
    return Mat3{{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}};
}

Vec3 Mat3::operator*(const Vec3& v) const {
    Vec3 r{};
    for (int i = 0; i < 3; ++i) r[i] = m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2];
    return r;
}

Mat3 Mat3::operator*(const Mat3& o) const {
    Mat3 r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            r.m[i][j] = m[i][0] * o.m[0][j] + m[i][1] * o.m[1][j] + m[i][2] * o.m[2][j];
    return r;
}

Mat3 Mat3::inverse() const {
    const auto& a = m;
    const double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
                       a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
                       a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    const double inv = 1.0 / det;
    Mat3 r;
    r.m[0][0] = (a[1][1] * a[2][2] - a[1][2] * a[2][1]) * inv;
    r.m[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) * inv;
    r.m[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) * inv;
    r.m[1][0] = (a[1][2] * a[2][0] - a[1][0] * a[2][2]) * inv;
    r.m[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) * inv;
    r.m[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) * inv;
    r.m[2][0] = (a[1][0] * a[2][1] - a[1][1] * a[2][0]) * inv;
    r.m[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) * inv;
    r.m[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) * inv;
    return r;
}

Vec3 white_xyz(const Chromaticity& w) {
    return {w.x / w.y, 1.0, (1.0 - w.x - w.y) / w.y};
}

Mat3 rgb_to_xyz_matrix(const Primaries& p) {
    const Vec3 r = white_xyz(p.red), g = white_xyz(p.green), b = white_xyz(p.blue);
    const Mat3 columns{{{{r[0], g[0], b[0]}, {r[1], g[1], b[1]}, {r[2], g[2], b[2]}}}};
    // Scale each primary so that R = G = B = 1 lands on the white point.
    const Vec3 s = columns.inverse() * white_xyz(p.white);
    Mat3 out = columns;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) out.m[i][j] *= s[j];
    return out;
}

Mat3 bradford_adaptation(const Chromaticity& from, const Chromaticity& to) {
    if (from.x == to.x && from.y == to.y) return Mat3::identity();
    const Vec3 src = kBradford * white_xyz(from);
    const Vec3 dst = kBradford * white_xyz(to);
    Mat3 scale = Mat3::identity();
    for (int i = 0; i < 3; ++i) scale.m[i][i] = dst[i] / src[i];
    return kBradford.inverse() * scale * kBradford;
}

Chromaticity d65_white() {
    return {0.3127, 0.3290};
}

namespace {
const Mat3& working_to_xyz() {
    static const Mat3 m = [] {
        Primaries bt709;
        standard_primaries("bt709", bt709);
        return rgb_to_xyz_matrix(bt709);
    }();
    return m;
}
}  // namespace

Mat3 to_working_space_matrix(const Primaries& primaries) {
    const Mat3 to_xyz = rgb_to_xyz_matrix(primaries);
    const Mat3 adapt = bradford_adaptation(primaries.white, d65_white());
    return working_to_xyz().inverse() * adapt * to_xyz;
}

double eotf(Transfer transfer, double v) {
    switch (transfer) {
        case Transfer::Bt1886:
            // ITU-R BT.1886 with a black level of zero: L = V^2.4 on a display normalised to 1.
            return v <= 0.0 ? 0.0 : std::pow(v, 2.4);
        case Transfer::Srgb:
            if (v <= 0.04045) return v / 12.92;
            return std::pow((v + 0.055) / 1.055, 2.4);
        case Transfer::Gamma22:
            return v <= 0.0 ? 0.0 : std::pow(v, 2.2);
        case Transfer::Gamma28:
            return v <= 0.0 ? 0.0 : std::pow(v, 2.8);
        case Transfer::Linear:
            return v;
        case Transfer::Pq: {
            // SMPTE ST 2084: absolute luminance, 10000 cd/m2 at V = 1.
            constexpr double m1 = 2610.0 / 16384.0, m2 = 2523.0 / 4096.0 * 128.0;
            constexpr double c1 = 3424.0 / 4096.0, c2 = 2413.0 / 4096.0 * 32.0;
            constexpr double c3 = 2392.0 / 4096.0 * 32.0;
            const double p = std::pow(std::max(v, 0.0), 1.0 / m2);
            const double nits = 10000.0 * std::pow(std::max(p - c1, 0.0) / (c2 - c3 * p), 1.0 / m1);
            return nits / kHdrReferenceWhiteNits;
        }
        case Transfer::Hlg: {
            // ARIB STD-B67 / BT.2100 inverse OETF.
            constexpr double a = 0.17883277, b = 0.28466892, c = 0.55991073;
            if (v <= 0.0) return 0.0;
            if (v <= 0.5) return v * v / 3.0;
            return (std::exp((v - c) / a) + b) / 12.0;
        }
        case Transfer::Ocio:
            break;
    }
    return std::nan("");
}

Vec3 hlg_ootf(const Vec3& e, const Vec3& luma) {
    const double gamma = 1.2 + 0.42 * std::log10(kHlgDisplayPeakNits / 1000.0);
    const double ys = std::max(luma[0] * e[0] + luma[1] * e[1] + luma[2] * e[2], 0.0);
    const double scale = kHlgDisplayPeakNits * std::pow(ys, gamma - 1.0) / kHdrReferenceWhiteNits;
    return {e[0] * scale, e[1] * scale, e[2] * scale};
}

double srgb_encode(double linear) {
    if (linear <= 0.0031308) return 12.92 * linear;
    return 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

uint8_t srgb8(double linear) {
    return static_cast<uint8_t>(std::lround(255.0 * srgb_encode(std::clamp(linear, 0.0, 1.0))));
}

Vec3 working_rgb_from_xyz(const Vec3& xyz) {
    static const Mat3 from_xyz = working_to_xyz().inverse();
    return from_xyz * xyz;
}

Vec3 working_rgb_to_xyz(const Vec3& rgb) {
    return working_to_xyz() * rgb;
}

namespace {
const Mat3& oklab_m1() {
    static const Mat3 m = kOklabM1Srgb * working_to_xyz().inverse();
    return m;
}
}  // namespace

Vec3 xyz_to_oklab(const Vec3& xyz) {
    Vec3 lms = oklab_m1() * xyz;
    for (double& c : lms) c = cube_root(c);
    return kOklabM2 * lms;
}

const PerceptualMatrices& perceptual_matrices() {
    static const PerceptualMatrices m{working_to_xyz(), oklab_m1() * working_to_xyz(), kOklabM2,
                                      white_xyz(d65_white())};
    return m;
}

Vec3 oklab_to_xyz(const Vec3& lab) {
    static const Mat3 m1_inv = oklab_m1().inverse();
    static const Mat3 m2_inv = kOklabM2.inverse();
    Vec3 lms = m2_inv * lab;
    for (double& c : lms) c = c * c * c;
    return m1_inv * lms;
}

Vec3 xyz_to_cielab(const Vec3& xyz) {
    static const Vec3 white = white_xyz(d65_white());
    const double fx = lab_f(xyz[0] / white[0]);
    const double fy = lab_f(xyz[1] / white[1]);
    const double fz = lab_f(xyz[2] / white[2]);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Vec3 hue_swatch_srgb(double hue_deg, double lightness, double max_chroma) {
    const double rad = hue_deg * (std::numbers::pi / 180.0);
    for (double chroma = max_chroma; chroma > 0.0; chroma -= 0.005) {
        const Vec3 rgb = working_rgb_from_xyz(
            oklab_to_xyz({lightness, chroma * std::cos(rad), chroma * std::sin(rad)}));
        if (rgb[0] >= 0 && rgb[1] >= 0 && rgb[2] >= 0 && rgb[0] <= 1 && rgb[1] <= 1 &&
            rgb[2] <= 1) {
            return {srgb_encode(rgb[0]), srgb_encode(rgb[1]), srgb_encode(rgb[2])};
        }
    }
    const double grey = srgb_encode(std::clamp(lightness * lightness * lightness, 0.0, 1.0));
    return {grey, grey, grey};
}

double hue_degrees(double a, double b) {
    if (a == 0.0 && b == 0.0) return 0.0;
    double h = std::atan2(b, a) * (180.0 / std::numbers::pi);
    if (h < 0.0) h += 360.0;
    if (h >= 360.0) h -= 360.0;
    return h;
}

}  // namespace huescope
