#pragma once
// The colour science huescope measures with: 3x3 matrices between RGB spaces and XYZ, transfer
// functions, and the perceptual spaces OKLab and CIELAB. Formulas and references:
// docs/color-science.md.

#include <array>
#include <cstdint>

#include "huescope/color_encoding.hpp"

namespace huescope {

using Vec3 = std::array<double, 3>;

struct Mat3 {
    std::array<std::array<double, 3>, 3> m{};

    static Mat3 identity();
    Vec3 operator*(const Vec3& v) const;
    Mat3 operator*(const Mat3& other) const;
    Mat3 inverse() const;
};

/// XYZ of a chromaticity with luminance Y = 1.
Vec3 white_xyz(const Chromaticity& white);

/// Linear RGB -> CIE XYZ for the given primaries (SMPTE RP 177 derivation); white maps to Y = 1.
Mat3 rgb_to_xyz_matrix(const Primaries& primaries);

/// Bradford chromatic adaptation from one white to another (identity when they are equal).
Mat3 bradford_adaptation(const Chromaticity& from, const Chromaticity& to);

/// The D65 white huescope works in (CIE 15: x 0.3127, y 0.3290).
Chromaticity d65_white();

/// Linear RGB in `primaries` -> linear BT.709/D65 RGB (the working space), adapting the white.
Mat3 to_working_space_matrix(const Primaries& primaries);

/// Reference white of HDR signals in cd/m2 (ITU-R BT.2408): PQ and HLG light is divided by it, so
/// that an SDR master and its HDR grade of the same shot measure alike.
inline constexpr double kHdrReferenceWhiteNits = 203.0;
/// Nominal peak of the HLG reference display (ITU-R BT.2100), which fixes its system gamma (1.2).
inline constexpr double kHlgDisplayPeakNits = 1000.0;

/// Decodes one non-linear component value (0..1) to linear light, 1.0 = reference white.
/// PQ: display light / 203 cd/m2. HLG: the scene light E of the inverse OETF (0..1); the OOTF,
/// which needs all three components, is hlg_ootf(). Ocio has no closed form and returns NaN.
double eotf(Transfer transfer, double encoded);

/// HLG OOTF (ITU-R BT.2100): scene-linear RGB E to display light F_D = Lw Y_S^(gamma-1) E with
/// Lw = 1000 cd/m2 and gamma = 1.2, divided by 203 cd/m2. `luma` is the Y row of the primaries'
/// RGB -> XYZ matrix (for BT.2020: 0.2627, 0.6780, 0.0593).
Vec3 hlg_ootf(const Vec3& scene, const Vec3& luma);

/// Encode linear light with the sRGB transfer function (IEC 61966-2-1), for display colours.
double srgb_encode(double linear);
/// The 8-bit sRGB code showing a linear value (clipped to 0..1): barcodes, swatches, viewers.
uint8_t srgb8(double linear);

/// Working-space (linear BT.709, D65) RGB -> XYZ (D65).
Vec3 working_rgb_to_xyz(const Vec3& rgb);

/// XYZ (D65) -> working-space RGB.
Vec3 working_rgb_from_xyz(const Vec3& xyz);

/// XYZ (D65, Y = 1 white) -> OKLab (Ottosson 2020), L in 0..1.
Vec3 xyz_to_oklab(const Vec3& xyz);

/// XYZ (D65, Y = 1 white) -> CIELAB (CIE 15:2004) with the D65 reference white, L* in 0..100.
Vec3 xyz_to_cielab(const Vec3& xyz);

/// OKLab -> XYZ (D65), the exact inverse of xyz_to_oklab.
Vec3 oklab_to_xyz(const Vec3& lab);

/// The sRGB colour (encoded, 0..1) that shows an OKLCh hue at `lightness`, with the largest chroma
/// up to `max_chroma` that sRGB can display: how charts and barcodes paint a hue.
Vec3 hue_swatch_srgb(double hue_deg, double lightness, double max_chroma);

/// The matrices of working_rgb_to_xyz, xyz_to_oklab and xyz_to_cielab, for kernels that evaluate
/// them in single precision over many pixels at once (metrics/pixel_lab.cpp): OKLab is
/// lms_to_oklab * cbrt(rgb_to_lms * rgb), CIELAB uses rgb_to_xyz and the white's XYZ.
struct PerceptualMatrices {
    Mat3 rgb_to_xyz;
    Mat3 rgb_to_lms;
    Mat3 lms_to_oklab;
    Vec3 white_xyz;
};
const PerceptualMatrices& perceptual_matrices();

/// CIE 15:2004 constants of CIELAB's f(t), as exact rationals (CIE's improved values) to avoid
/// the kink that the rounded 0.008856 / 903.3 pair leaves at the junction.
inline constexpr double kCielabEpsilon = 216.0 / 24389.0;
inline constexpr double kCielabKappa = 24389.0 / 27.0;

/// Cube root accurate to about 1e-15 relative, several times faster than std::cbrt.
double cube_root(double x);

/// Hue angle in degrees [0, 360) of the (a, b) pair; 0 for the neutral axis.
double hue_degrees(double a, double b);

}  // namespace huescope
