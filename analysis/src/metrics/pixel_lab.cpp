#include "pixel_lab.hpp"

#include <cmath>
#include <cstring>

#include "../color/fast_float.hpp"
#include "../vector_clones.hpp"
#include "huescope/color_math.hpp"

namespace huescope {
namespace {

struct FloatMatrices {
    float rgb_to_xyz[3][3];
    float rgb_to_lms[3][3];
    float lms_to_oklab[3][3];
    float inv_white[3];
};

FloatMatrices make_float_matrices() {
    const PerceptualMatrices& m = perceptual_matrices();
    FloatMatrices f{};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            f.rgb_to_xyz[r][c] = static_cast<float>(m.rgb_to_xyz.m[r][c]);
            f.rgb_to_lms[r][c] = static_cast<float>(m.rgb_to_lms.m[r][c]);
            f.lms_to_oklab[r][c] = static_cast<float>(m.lms_to_oklab.m[r][c]);
        }
        f.inv_white[r] = static_cast<float>(1.0 / m.white_xyz[r]);
    }
    return f;
}

// 1 or 0 rather than a bool: the three are combined with & (no branch) in the vector loop.
int is_finite_bits(float v) {
    uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return (bits & 0x7F800000u) != 0x7F800000u ? 1 : 0;
}

float lab_f(float t) {
    constexpr float kEpsilon = static_cast<float>(kCielabEpsilon);
    constexpr float kSlope = static_cast<float>(kCielabKappa / 116.0);
    const float root = fast::cube_root(t);  // computed either way: no branch in the loop
    return t > kEpsilon ? root : kSlope * t + 16.0f / 116.0f;
}

// The level bin, clamped before the conversion to int (no undefined conversion for the garbage
// of invalid pixels). In double, as the accumulator's sums are.
int16_t level_bin(float value, double bins_per_unit) {
    double v = static_cast<double>(value) * bins_per_unit;
    v = v > 0.0 ? v : 0.0;
    v = v < kLevelBins - 1 ? v : kLevelBins - 1;
    return static_cast<int16_t>(v);
}

int16_t hue_bin(float hue_deg) {
    const float h = hue_deg < kHueBins - 1 ? hue_deg : kHueBins - 1;  // also catches NaN garbage
    return static_cast<int16_t>(h > 0.0f ? h : 0.0f);
}

float float_at_or_above(double t) {
    const float f = static_cast<float>(t);
    return static_cast<double>(f) < t ? std::nextafter(f, INFINITY) : f;
}

float float_at_or_below(double t) {
    const float f = static_cast<float>(t);
    return static_cast<double>(f) > t ? std::nextafter(f, -INFINITY) : f;
}

}  // namespace

PixelRules PixelRules::from(const MeasureParams& params) {
    return {float_at_or_above(params.near_black_l), float_at_or_below(params.near_white_l),
            params.min_chroma, dark_chroma_floor(params)};
}

HUESCOPE_VECTOR_CLONES
void pixel_lab(const float* __restrict rgb, int count, const PixelRules& rules,
               PixelLabRun& __restrict out) {
    static const FloatMatrices m = make_float_matrices();
    const float black_below = rules.black_below, white_above = rules.white_above;
    const double min_chroma = rules.min_chroma, dark_floor = rules.dark_floor;
    constexpr double kChromaBinsPerUnit = kLevelBins / kChromaHistMax;
    constexpr double kLightnessBinsPerUnit = kLevelBins / kLightnessHistMax;
    for (int i = 0; i < count; ++i) {
        const float r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
        const bool finite = (is_finite_bits(r) & is_finite_bits(g) & is_finite_bits(b)) != 0;
        const float l = fast::cube_root(m.rgb_to_lms[0][0] * r + m.rgb_to_lms[0][1] * g +
                                        m.rgb_to_lms[0][2] * b);
        const float mm = fast::cube_root(m.rgb_to_lms[1][0] * r + m.rgb_to_lms[1][1] * g +
                                         m.rgb_to_lms[1][2] * b);
        const float s = fast::cube_root(m.rgb_to_lms[2][0] * r + m.rgb_to_lms[2][1] * g +
                                        m.rgb_to_lms[2][2] * b);
        const float ok_a =
            m.lms_to_oklab[1][0] * l + m.lms_to_oklab[1][1] * mm + m.lms_to_oklab[1][2] * s;
        const float ok_b =
            m.lms_to_oklab[2][0] * l + m.lms_to_oklab[2][1] * mm + m.lms_to_oklab[2][2] * s;
        const float ok_l =
            m.lms_to_oklab[0][0] * l + m.lms_to_oklab[0][1] * mm + m.lms_to_oklab[0][2] * s;
        const float ok_c = __builtin_sqrtf(ok_a * ok_a + ok_b * ok_b);
        out.ok_l[i] = ok_l;
        out.ok_a[i] = ok_a;
        out.ok_b[i] = ok_b;
        out.ok_c[i] = ok_c;
        const float ok_h = fast::hue_degrees(ok_a, ok_b);
        out.ok_h[i] = ok_h;
        out.ok_bin[i] = hue_bin(ok_h);
        out.chroma_bin[i] = level_bin(ok_c, kChromaBinsPerUnit);
        out.lightness_bin[i] = level_bin(ok_l, kLightnessBinsPerUnit);
        // classify_pixel(): the tests applied last take precedence, as the first return there.
        // Separate selects rather than one chain of ?: so that the loop stays vectorisable. The
        // chroma floor in double, the same expression as has_hue(), so that both agree exactly.
        const double l_d = ok_l, c_d = ok_c;
        const bool hue = (l_d > 0.0) & (c_d >= min_chroma * (l_d > 1.0 ? l_d : 1.0)) &
                         (c_d * l_d * l_d >= dark_floor);
        int code = kLowChromaPixel;
        code = ok_l > white_above ? kNearWhitePixel : code;
        code = ok_l < black_below ? kNearBlackPixel : code;
        code = hue ? kChromaticPixel : code;
        code = finite ? code : kInvalidPixel;
        out.code[i] = static_cast<uint8_t>(code);

        const float fx =
            lab_f((m.rgb_to_xyz[0][0] * r + m.rgb_to_xyz[0][1] * g + m.rgb_to_xyz[0][2] * b) *
                  m.inv_white[0]);
        const float fy =
            lab_f((m.rgb_to_xyz[1][0] * r + m.rgb_to_xyz[1][1] * g + m.rgb_to_xyz[1][2] * b) *
                  m.inv_white[1]);
        const float fz =
            lab_f((m.rgb_to_xyz[2][0] * r + m.rgb_to_xyz[2][1] * g + m.rgb_to_xyz[2][2] * b) *
                  m.inv_white[2]);
        const float lab_a = 500.0f * (fx - fy);
        const float lab_b = 200.0f * (fy - fz);
        out.lab_a[i] = lab_a;
        out.lab_b[i] = lab_b;
        out.lab_c[i] = __builtin_sqrtf(lab_a * lab_a + lab_b * lab_b);
        const float lab_h = fast::hue_degrees(lab_a, lab_b);
        out.lab_h[i] = lab_h;
        out.lab_bin[i] = hue_bin(lab_h);
    }
}

}  // namespace huescope
