#pragma once
// Encodes a linear-light BT.709 scene into professional signal formats, written from the standards
// for the tests and sharing no code with huescope: published conversion matrices (ITU-R BT.2087,
// Display P3, ACES, ARRI), ST 2084 and BT.2100 HLG encoders, ARRI's LogC3 formula, and a Bradford
// adaptation of its own for DCI white.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace scene {

using Rgb = std::array<double, 3>;
using Matrix = std::array<Rgb, 3>;

inline Rgb mul(const Matrix& m, const Rgb& v) {
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

inline Matrix mul(const Matrix& a, const Matrix& b) {
    Matrix r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
    return r;
}

inline Matrix inverse(const Matrix& m) {
    const double det = m[0][0] * (m[1][1] * m[2][2] - m[2][1] * m[1][2]) -
                       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    Matrix r{};
    r[0] = {(m[1][1] * m[2][2] - m[2][1] * m[1][2]) / det,
            (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det,
            (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det};
    r[1] = {(m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det,
            (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det,
            (m[1][0] * m[0][2] - m[0][0] * m[1][2]) / det};
    r[2] = {(m[1][0] * m[2][1] - m[2][0] * m[1][1]) / det,
            (m[2][0] * m[0][1] - m[0][0] * m[2][1]) / det,
            (m[0][0] * m[1][1] - m[1][0] * m[0][1]) / det};
    return r;
}

// Published matrices from linear BT.709 / sRGB.
inline const Matrix kTo2020{
    {{0.6274, 0.3293, 0.0433}, {0.0691, 0.9195, 0.0114}, {0.0164, 0.0880, 0.8956}}};
inline const Matrix kToDisplayP3{
    {{0.8225, 0.1774, 0.0000}, {0.0332, 0.9669, 0.0000}, {0.0171, 0.0724, 0.9108}}};
inline const Matrix kToAcesCg{
    {{0.6131, 0.3395, 0.0474}, {0.0702, 0.9164, 0.0134}, {0.0206, 0.1096, 0.8698}}};
inline const Matrix kToAces2065{
    {{0.4397, 0.3830, 0.1773}, {0.0898, 0.8134, 0.0968}, {0.0175, 0.1115, 0.8707}}};
// IEC 61966-2-1 sRGB -> XYZ, and ARRI's published ALEXA Wide Gamut -> XYZ.
inline const Matrix kSrgbToXyz{
    {{0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}}};
inline const Matrix kAwgToXyz{{{0.638008, 0.214704, 0.097744},
                               {0.291954, 0.823841, -0.115795},
                               {0.002798, -0.067034, 1.153294}}};

inline Rgb to_awg(const Rgb& linear709) {
    return mul(inverse(kAwgToXyz), mul(kSrgbToXyz, linear709));
}

// DCI-P3 with its own white (0.314, 0.351): XYZ adapted from D65 by Bradford, then the P3 matrix
// derived from the chromaticities.
inline Rgb to_dci_p3(const Rgb& linear709) {
    const Matrix bradford{
        {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};
    auto xyz_of = [](double x, double y) { return Rgb{x / y, 1.0, (1 - x - y) / y}; };
    const Rgb d65 = mul(bradford, xyz_of(0.3127, 0.3290)),
              dci = mul(bradford, xyz_of(0.314, 0.351));
    const Matrix scale{{{dci[0] / d65[0], 0, 0}, {0, dci[1] / d65[1], 0}, {0, 0, dci[2] / d65[2]}}};
    const Matrix adapt = mul(inverse(bradford), mul(scale, bradford));
    const Rgb r = xyz_of(0.680, 0.320), g = xyz_of(0.265, 0.690), b = xyz_of(0.150, 0.060);
    const Matrix columns{{{r[0], g[0], b[0]}, {r[1], g[1], b[1]}, {r[2], g[2], b[2]}}};
    const Rgb s = mul(inverse(columns), xyz_of(0.314, 0.351));
    Matrix p3_to_xyz = columns;
    for (auto& row : p3_to_xyz)
        for (int j = 0; j < 3; ++j) row[j] *= s[j];
    return mul(inverse(p3_to_xyz), mul(adapt, mul(kSrgbToXyz, linear709)));
}

inline double inverse_bt1886(double linear) {
    return std::pow(std::max(linear, 0.0), 1.0 / 2.4);
}

// SMPTE ST 2084 inverse EOTF, from cd/m2.
inline double pq_encode(double nits) {
    const double m1 = 2610.0 / 16384, m2 = 2523.0 / 4096 * 128, c1 = 3424.0 / 4096,
                 c2 = 2413.0 / 4096 * 32, c3 = 2392.0 / 4096 * 32;
    const double y = std::pow(std::max(nits, 0.0) / 10000.0, m1);
    return std::pow((c1 + c2 * y) / (1 + c3 * y), m2);
}

// BT.2100 HLG: display light (cd/m2, BT.2020 RGB, 1000 cd/m2 display) -> scene light -> signal.
inline Rgb hlg_encode(const Rgb& display_nits) {
    const double lw = 1000.0, gamma = 1.2;
    const double yd =
        0.2627 * display_nits[0] + 0.6780 * display_nits[1] + 0.0593 * display_nits[2];
    const double ys = std::pow(yd / lw, 1.0 / gamma);
    Rgb out{};
    for (int c = 0; c < 3; ++c) {
        const double e = display_nits[c] / (lw * std::pow(ys, gamma - 1.0));
        const double a = 0.17883277, b = 1 - 4 * a, cc = 0.5 - a * std::log(4 * a);
        out[c] = e <= 1.0 / 12 ? std::sqrt(3 * e) : a * std::log(12 * e - b) + cc;
    }
    return out;
}

// ARRI LogC3, EI 800 (ARRI, "ALEXA Log C Curve - Usage in VFX", 2017).
inline double logc3_encode(double x) {
    const double cut = 0.010591, a = 5.555556, b = 0.052272, c = 0.247190, d = 0.385537,
                 e = 5.367655, f = 0.092809;
    return x > cut ? c * std::log10(a * x + b) + d : e * x + f;
}

// Y'CbCr with luma coefficients kr, kb, quantised to limited range at `bits`.
inline std::array<uint16_t, 3> ycbcr_limited(const Rgb& rgb_prime, double kr, double kb, int bits) {
    const double y = kr * rgb_prime[0] + (1 - kr - kb) * rgb_prime[1] + kb * rgb_prime[2];
    const double cb = (rgb_prime[2] - y) / (2 * (1 - kb)), cr = (rgb_prime[0] - y) / (2 * (1 - kr));
    const double s = std::ldexp(1.0, bits - 8);
    return {static_cast<uint16_t>(std::lround((219 * y + 16) * s)),
            static_cast<uint16_t>(std::lround((224 * cb + 128) * s)),
            static_cast<uint16_t>(std::lround((224 * cr + 128) * s))};
}

}  // namespace scene
