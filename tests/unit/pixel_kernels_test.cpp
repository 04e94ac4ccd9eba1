// The single-precision kernels against the double-precision reference functions: speed must
// never change a measurement beyond float rounding.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "color/fast_float.hpp"
#include "huescope/code_decoder.hpp"
#include "huescope/color_math.hpp"
#include "metrics/pixel_lab.hpp"

using namespace huescope;

namespace {

double hue_gap(double a, double b) {
    const double d = std::fabs(a - b);
    return std::min(d, 360.0 - d);
}

}  // namespace

TEST(FastFloat, CubeRootMatchesCbrtToFloatPrecision) {
    EXPECT_EQ(fast::cube_root(0.0f), 0.0f);
    EXPECT_EQ(fast::cube_root(-0.0f), 0.0f);
    EXPECT_FLOAT_EQ(fast::cube_root(27.0f), 3.0f);
    EXPECT_FLOAT_EQ(fast::cube_root(-8.0f), -2.0f);
    double worst = 0.0;
    for (double e = -30.0; e <= 6.0; e += 0.001) {
        const float x = static_cast<float>(std::pow(10.0, e));
        for (const float v : {x, -x}) {
            const double exact = std::cbrt(static_cast<double>(v));
            worst = std::max(worst, std::fabs(fast::cube_root(v) - exact) / std::fabs(exact));
        }
    }
    EXPECT_LT(worst, 3e-7);
}

TEST(FastFloat, HueDegreesMatchesAtan2) {
    EXPECT_EQ(fast::hue_degrees(0.0f, 0.0f), 0.0f);
    EXPECT_FLOAT_EQ(fast::hue_degrees(1.0f, 0.0f), 0.0f);
    EXPECT_FLOAT_EQ(fast::hue_degrees(0.0f, 1.0f), 90.0f);
    EXPECT_FLOAT_EQ(fast::hue_degrees(-1.0f, 0.0f), 180.0f);
    EXPECT_FLOAT_EQ(fast::hue_degrees(0.0f, -1.0f), 270.0f);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> angle(0.0, 2.0 * M_PI);
    std::uniform_real_distribution<double> log_radius(-8.0, 2.0);
    double worst = 0.0;
    for (int i = 0; i < 200000; ++i) {
        const double r = std::pow(10.0, log_radius(rng)), t = angle(rng);
        const float a = static_cast<float>(r * std::cos(t)),
                    b = static_cast<float>(r * std::sin(t));
        const float h = fast::hue_degrees(a, b);
        ASSERT_GE(h, 0.0f);
        ASSERT_LT(h, 360.0f);
        worst = std::max(worst, hue_gap(h, hue_degrees(a, b)));
    }
    EXPECT_LT(worst, 5e-5);  // degrees; float rounding of a 0..360 value is 1.5e-5 at most
}

TEST(PixelLab, MatchesTheDoublePrecisionConversions) {
    // Colours from the whole cube and beyond it (wide gamut negatives, HDR highlights), plus a
    // NaN and an infinity, which must be flagged.
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-0.1f, 3.0f);
    std::vector<float> rgb(3 * PixelLabRun::kMaxPixels);
    for (float& v : rgb) v = u(rng);
    for (int c = 0; c < 3; ++c) rgb[c] = 0.18f;  // a neutral
    rgb[3 * 7 + 1] = std::nanf("");
    rgb[3 * 9 + 2] = INFINITY;
    PixelLabRun run;
    const MeasureParams params;
    pixel_lab(rgb.data(), PixelLabRun::kMaxPixels, PixelRules::from(params), run);
    for (int i = 0; i < PixelLabRun::kMaxPixels; ++i) {
        const Vec3 px{rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]};
        const bool finite = std::isfinite(px[0]) && std::isfinite(px[1]) && std::isfinite(px[2]);
        ASSERT_EQ(run.code[i] != kInvalidPixel, finite) << i;
        if (!finite) continue;
        const Vec3 xyz = working_rgb_to_xyz(px);
        const Vec3 ok = xyz_to_oklab(xyz);
        const Vec3 lab = xyz_to_cielab(xyz);
        EXPECT_NEAR(run.ok_l[i], ok[0], 2e-6) << i;
        EXPECT_NEAR(run.ok_a[i], ok[1], 2e-6) << i;
        EXPECT_NEAR(run.ok_b[i], ok[2], 2e-6) << i;
        EXPECT_NEAR(run.ok_c[i], std::hypot(ok[1], ok[2]), 2e-6) << i;
        EXPECT_NEAR(run.lab_a[i], lab[1], 5e-4) << i;
        EXPECT_NEAR(run.lab_b[i], lab[2], 5e-4) << i;
        if (std::hypot(ok[1], ok[2]) > 1e-3) {
            EXPECT_LT(hue_gap(run.ok_h[i], hue_degrees(ok[1], ok[2])), 1e-3) << i;
        }
        if (std::hypot(lab[1], lab[2]) > 0.1) {
            EXPECT_LT(hue_gap(run.lab_h[i], hue_degrees(lab[1], lab[2])), 1e-3) << i;
        }
    }
    EXPECT_NEAR(run.ok_c[0], 0.0, 1e-6);  // the neutral stays neutral
}

// The class and bins the vector loop gives a pixel are exactly those that classify_pixel() and
// the bin definitions give for the same float values in double, thresholds included (0.02 is
// the case where rounding the threshold to float would misclassify a float step).
TEST(PixelLab, ClassesAndBinsAreExactlyTheDefinitions) {
    MeasureParams params;
    params.near_black_l = 0.1;  // not representable in float: the rounding matters
    params.near_white_l = 0.95;
    params.min_chroma = 0.02;
    const PixelRules rules = PixelRules::from(params);
    std::mt19937 rng(2);
    std::uniform_int_distribution<int> steps(-3, 3);
    std::uniform_real_distribution<float> u(0.0f, 1.2f);
    const auto near = [&](double edge) {
        float f = static_cast<float>(edge);
        for (int k = steps(rng); k != 0; k += k > 0 ? -1 : 1)
            f = std::nextafter(f, k > 0 ? INFINITY : -INFINITY);
        return f;
    };
    int checked = 0;
    for (int round = 0; round < 400; ++round) {
        // Random colours: classes and bins against the definitions applied to the run's own
        // float L, C and hues. (Hitting a threshold exactly through RGB is left to the loop
        // below, which tests the float thresholds float by float around each edge.)
        // Every other round dark, nearly neutral colours, where the dark chroma floor decides.
        std::vector<float> rgb(3 * PixelLabRun::kMaxPixels);
        for (float& v : rgb) v = u(rng);
        if (round % 2)
            for (std::size_t i = 0; i < rgb.size(); i += 3) {
                const float grey = rgb[i] * 0.01f;
                for (int ch = 0; ch < 3; ++ch) rgb[i + ch] = grey * (0.7f + 0.5f * rgb[i + ch]);
            }
        PixelLabRun run;
        pixel_lab(rgb.data(), PixelLabRun::kMaxPixels, rules, run);
        for (int i = 0; i < PixelLabRun::kMaxPixels; ++i, ++checked) {
            const double l = run.ok_l[i], c = run.ok_c[i];
            const PixelKind kind = classify_pixel(l, c, params);
            const uint8_t expected = kind == PixelKind::NearBlack   ? kNearBlackPixel
                                     : kind == PixelKind::NearWhite ? kNearWhitePixel
                                     : kind == PixelKind::LowChroma ? kLowChromaPixel
                                                                    : kChromaticPixel;
            ASSERT_EQ(run.code[i], expected) << l << " " << c;
            ASSERT_EQ(run.lightness_bin[i], std::clamp(int(l * kLevelBins), 0, kLevelBins - 1));
            ASSERT_EQ(run.chroma_bin[i],
                      std::clamp(int(c * (kLevelBins / kChromaHistMax)), 0, kLevelBins - 1));
            ASSERT_EQ(run.ok_bin[i], std::min(int(run.ok_h[i]), kHueBins - 1));
            ASSERT_EQ(run.lab_bin[i], std::min(int(run.lab_h[i]), kHueBins - 1));
        }
    }
    // The thresholds themselves, float by float around each edge.
    for (int k = 0; k < 1000; ++k) {
        const float l = near(k % 2 ? params.near_black_l : params.near_white_l);
        const bool black = l<rules.black_below, white = l> rules.white_above;
        EXPECT_EQ(black, double(l) < params.near_black_l) << l;
        EXPECT_EQ(white, double(l) > params.near_white_l) << l;
    }
    EXPECT_GT(checked, 100000);
}

namespace {

struct DecodeCase {
    int bits, sx, sy, luma_width, luma_height;
    Range range;
    Transfer transfer;
    const char* primaries;
};

// The expected decode computed independently of CodeDecoder, in double, straight from the
// definitions: each luma sample with its block's chroma, clipped, through the EOTF, averaged in
// linear light, then converted to the working space.
std::vector<double> expected_decode(const CodeImage& codes, const DecodeCase& c,
                                    const ColorEncoding& enc) {
    double kr = 0, kb = 0;
    luma_coefficients(enc.matrix, kr, kb);
    const double kg = 1.0 - kr - kb;
    const Mat3 to_working = to_working_space_matrix(enc.primaries);
    std::vector<double> out;
    for (int gy = 0; gy < codes.height; ++gy) {
        for (int gx = 0; gx < codes.width; ++gx) {
            const std::size_t ci = static_cast<std::size_t>(gy) * codes.width + gx;
            const double cb = normalize_chroma_code(codes.planes[1][ci], c.bits, c.range);
            const double cr = normalize_chroma_code(codes.planes[2][ci], c.bits, c.range);
            Vec3 sum{0, 0, 0};
            int n = 0;
            for (int y = gy << c.sy; y < std::min(c.luma_height, (gy + 1) << c.sy); ++y) {
                for (int x = gx << c.sx; x < std::min(c.luma_width, (gx + 1) << c.sx); ++x) {
                    const double yy = normalize_luma_code(
                        codes.planes[0][static_cast<std::size_t>(y) * c.luma_width + x], c.bits,
                        c.range);
                    const double r = yy + 2 * (1 - kr) * cr, b = yy + 2 * (1 - kb) * cb;
                    const double g = (yy - kr * r - kb * b) / kg;
                    for (int k = 0; k < 3; ++k) {
                        const double v = std::clamp(k == 0 ? r : k == 1 ? g : b, 0.0, 1.0);
                        sum[k] += eotf(c.transfer, v);
                    }
                    ++n;
                }
            }
            for (double& v : sum) v /= n;
            const Vec3 w = to_working * sum;
            out.insert(out.end(), w.begin(), w.end());
        }
    }
    return out;
}

}  // namespace

// The same cases through the portable loop, which on an AVX2 machine otherwise runs only for the
// blocks at the end of a row. Each test case runs in its own process, so the switch (read once)
// is set before the first decode.
void check_ycbcr_kernel_against_the_definition();

TEST(CodeDecoder, YcbcrKernelMatchesTheDefinition) {
    check_ycbcr_kernel_against_the_definition();
}

TEST(CodeDecoder, PortableYcbcrLoopMatchesTheDefinition) {
    setenv("HUESCOPE_NO_AVX2_INTRINSICS", "1", 1);
    check_ycbcr_kernel_against_the_definition();
}

void check_ycbcr_kernel_against_the_definition() {
    const DecodeCase cases[] = {
        {8, 1, 1, 37, 21, Range::Limited, Transfer::Bt1886, "bt709"},   // 4:2:0, odd sizes
        {10, 1, 1, 64, 18, Range::Full, Transfer::Pq, "bt2020"},        // HDR, full range
        {10, 1, 0, 33, 5, Range::Limited, Transfer::Srgb, "bt709"},     // 4:2:2
        {8, 0, 0, 19, 7, Range::Full, Transfer::Gamma22, "dci-p3"},     // 4:4:4, white adapted
        {12, 2, 0, 43, 3, Range::Limited, Transfer::Bt1886, "bt2020"},  // 4:1:1
    };
    std::mt19937 rng(9);
    for (const DecodeCase& c : cases) {
        SCOPED_TRACE(testing::Message() << c.bits << " bit, subsampling " << c.sx << c.sy);
        ColorEncoding enc;
        enc.matrix = std::string(c.primaries) == "bt2020" ? Matrix::Bt2020Ncl : Matrix::Bt709;
        enc.range = c.range;
        enc.transfer = c.transfer;
        ASSERT_TRUE(standard_primaries(c.primaries, enc.primaries));
        CodeImage codes;
        codes.model = PixelModel::YCbCr;
        codes.bit_depth = c.bits;
        codes.subsample_x = c.sx;
        codes.subsample_y = c.sy;
        codes.luma_width = c.luma_width;
        codes.luma_height = c.luma_height;
        codes.width = (c.luma_width + (1 << c.sx) - 1) >> c.sx;
        codes.height = (c.luma_height + (1 << c.sy) - 1) >> c.sy;
        // Codes over the whole range, beyond nominal black and white: clipping is exercised.
        std::uniform_int_distribution<int> code(0, (1 << c.bits) - 1);
        codes.planes[0].resize(static_cast<std::size_t>(c.luma_width) * c.luma_height);
        for (int p = 1; p < 3; ++p) codes.planes[p].resize(std::size_t(codes.width) * codes.height);
        for (auto& plane : codes.planes)
            for (uint16_t& v : plane) v = static_cast<uint16_t>(code(rng));

        Result<CodeDecoder> decoder = CodeDecoder::create(enc);
        ASSERT_TRUE(decoder);
        LinearImage out;
        decoder->decode(codes, out);
        const std::vector<double> expected = expected_decode(codes, c, enc);
        ASSERT_EQ(out.width, codes.width);
        ASSERT_EQ(out.rgb.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            // Float rounding relative to the value, on PQ's range of up to 49 (10,000 nits).
            ASSERT_NEAR(out.rgb[i], expected[i], 2e-6 + 2e-6 * std::fabs(expected[i])) << i;
        }
    }
}
