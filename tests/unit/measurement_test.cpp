#include "huescope/measurement.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "reference_color.hpp"

using namespace huescope;

namespace {

// A width x 1 image whose first `left` pixels are colour a and the rest colour b (linear sRGB).
LinearImage two_colours(int width, int left, const float a[3], const float b[3]) {
    LinearImage img;
    img.width = width;
    img.height = 1;
    for (int x = 0; x < width; ++x) {
        const float* c = x < left ? a : b;
        img.rgb.insert(img.rgb.end(), c, c + 3);
    }
    return img;
}

double share(const std::vector<std::pair<std::string, double>>& shares, const std::string& name) {
    for (const auto& [n, v] : shares)
        if (n == name) return v;
    return -1;
}

const float kBlue[3] = {0, 0, 1};
const float kOrange[3] = {1, static_cast<float>(reference::to_linear(128, reference::Eotf::Srgb)),
                          0};
const float kGrey[3] = {0.2f, 0.2f, 0.2f};

}  // namespace

TEST(CircularStatistics, MeanOf350And10IsZeroNot180) {
    double mean = 0, variance = 0;
    circular_mean({350.0, 10.0}, {1.0, 1.0}, mean, variance);
    EXPECT_LT(reference::hue_distance(mean, 0.0), 1e-9);
    EXPECT_NEAR(variance, 1.0 - std::cos(10.0 * std::numbers::pi / 180.0), 1e-12);
    circular_mean({90.0, 270.0}, {1.0, 1.0}, mean, variance);
    EXPECT_NEAR(variance, 1.0, 1e-12);  // opposite hues: no mean direction
    circular_mean({}, {}, mean, variance);
    EXPECT_TRUE(std::isnan(mean));
}

TEST(Measurement, HalfBlueHalfOrangeShares) {
    MeasureParams params;
    HueAccumulator acc;
    accumulate(two_colours(100, 50, kBlue, kOrange), params, acc);
    const HueSummary s = summarize(acc, params);
    const double c_blue = reference::oklch(0, 0, 255).c;
    const double c_orange = reference::oklch(255, 128, 0).c;
    EXPECT_NEAR(share(s.shares, "blue"), c_blue / (c_blue + c_orange), 1e-4);
    EXPECT_NEAR(share(s.shares, "orange"), c_orange / (c_blue + c_orange), 1e-4);
    EXPECT_DOUBLE_EQ(share(s.pixel_shares, "blue"), 0.5);
    EXPECT_DOUBLE_EQ(share(s.pixel_shares, "orange"), 0.5);
    EXPECT_DOUBLE_EQ(s.chromatic_fraction, 1.0);
    EXPECT_NEAR(s.mean_chroma, (c_blue + c_orange) / 2, 1e-4);
    double hist_total = 0;
    for (double v : s.hue_histogram) hist_total += v;
    EXPECT_NEAR(hist_total, 1.0, 1e-9);
    EXPECT_NEAR(s.hue_histogram[static_cast<int>(reference::oklch(0, 0, 255).h)],
                c_blue / (c_blue + c_orange), 1e-4);
}

TEST(Measurement, GreyHasNoHue) {
    MeasureParams params;
    HueAccumulator acc;
    accumulate(two_colours(10, 10, kGrey, kGrey), params, acc);
    const HueSummary s = summarize(acc, params);
    EXPECT_EQ(s.chromatic_fraction, 0.0);
    EXPECT_TRUE(std::isnan(share(s.shares, "blue")));
    EXPECT_TRUE(std::isnan(s.hue_mean_deg));
    EXPECT_NEAR(s.mean_chroma, 0.0, 1e-6);
}

TEST(Measurement, NearBlackAndNearWhiteHaveNoHue) {
    MeasureParams params;
    const float dark_blue[3] = {0, 0, 0.0005f};  // OKLab L about 0.07
    const float white[3] = {1, 1, 1};
    HueAccumulator acc;
    accumulate(two_colours(4, 2, dark_blue, white), params, acc);
    EXPECT_EQ(acc.near_black, 2u);
    EXPECT_EQ(acc.near_white, 2u);
    EXPECT_EQ(acc.chromatic, 0u);
}

TEST(Measurement, NonFiniteValuesAreCountedAndLeftOut) {
    MeasureParams params;
    const float nan[3] = {std::nanf(""), 0, 0};
    HueAccumulator acc;
    accumulate(two_colours(4, 1, nan, kBlue), params, acc);
    EXPECT_EQ(acc.invalid, 1u);
    EXPECT_EQ(acc.pixels, 3u);
}

TEST(Measurement, MergingEqualsMeasuringTogether) {
    MeasureParams params;
    HueAccumulator a, b, both;
    accumulate(two_colours(10, 10, kBlue, kBlue), params, a);
    accumulate(two_colours(30, 0, kBlue, kOrange), params, b);
    a.merge(b);
    accumulate(two_colours(40, 10, kBlue, kOrange), params, both);
    const HueSummary merged = summarize(a, params), direct = summarize(both, params);
    EXPECT_NEAR(share(merged.shares, "blue"), share(direct.shares, "blue"), 1e-12);
    EXPECT_NEAR(merged.hue_mean_deg, direct.hue_mean_deg, 1e-9);
    EXPECT_EQ(merged.pixels, direct.pixels);
}

TEST(Measurement, CielabFamiliesUseCielabHue) {
    MeasureParams params;
    params.hue_space = HueSpace::Cielab;
    params.families = default_hue_families(HueSpace::Cielab);
    HueAccumulator acc;
    accumulate(two_colours(10, 10, kBlue, kBlue), params, acc);
    const HueSummary s = summarize(acc, params);
    EXPECT_DOUBLE_EQ(share(s.shares, "blue"), 1.0);  // CIELAB blue hue 306.3 is in 251..317
    EXPECT_LT(reference::hue_distance(s.hue_mean_lab_deg, 306.29), 0.5);
    EXPECT_LT(reference::hue_distance(s.hue_mean_deg, 264.05), 0.5);
}

TEST(Measurement, ChromaPercentilesComeFromTheHistogram) {
    MeasureParams params;
    HueAccumulator acc;
    accumulate(two_colours(100, 90, kGrey, kBlue), params, acc);
    const HueSummary s = summarize(acc, params);
    EXPECT_LT(s.chroma_p50, 0.001);
    EXPECT_NEAR(s.chroma_p99, reference::oklch(0, 0, 255).c, 0.001);
}

// The rule of docs/color-science.md, "Which pixels have a hue", case by case: the chroma a pixel
// needs is min_chroma * max(1, L, (near_black_l / L)^2); lightness alone takes no hue away.
TEST(Measurement, HueRuleFollowsTheChromaFloor) {
    const MeasureParams p;  // min_chroma 0.02, near_black_l 0.10, near_white_l 0.95
    struct Case {
        double l, c;
        PixelKind kind;
    };
    const Case cases[] = {
        {0.50, 0.019, PixelKind::LowChroma}, {0.50, 0.020, PixelKind::Chromatic},
        {0.97, 0.200, PixelKind::Chromatic},  // a bright yellow keeps its hue
        {0.97, 0.010, PixelKind::NearWhite}, {0.07, 0.050, PixelKind::Chromatic},
        {0.07, 0.040, PixelKind::NearBlack},  // needs 0.02 * (0.10 / 0.07)^2 = 0.0408
        {2.00, 0.039, PixelKind::NearWhite},  // an HDR highlight needs C / L >= 0.02
        {2.00, 0.041, PixelKind::Chromatic}, {0.00, 0.500, PixelKind::NearBlack},
    };
    for (const Case& k : cases) {
        EXPECT_EQ(classify_pixel(k.l, k.c, p), k.kind) << k.l << " " << k.c;
        EXPECT_EQ(has_hue(k.l, k.c, p), k.kind == PixelKind::Chromatic) << k.l << " " << k.c;
    }
    // The dark floor, computed here from its definition rather than taken from the code.
    const double l = 0.05, needed = p.min_chroma * (p.near_black_l / l) * (p.near_black_l / l);
    EXPECT_TRUE(has_hue(l, needed * 1.001, p));
    EXPECT_FALSE(has_hue(l, needed * 0.999, p));
}

// Why the dark floor exists: every grey code value of 8-bit sRGB with one channel one code off
// (the least noise or compression error can do) makes, in the independent reference, a chroma
// within max(1e-4 / L^2, 0.0026) (the dark term rules below L 0.2), which the rule never calls a
// hue. A fixed chroma floor would: one code of
// noise on a dark grey reaches twice min_chroma, with a meaningless hue.
TEST(Measurement, OneCodeOfNoiseNearBlackHasNoHue) {
    const MeasureParams p;
    double worst_fixed_floor_chroma = 0;
    int checked = 0;
    for (int grey = 1; grey < 255; ++grey)
        for (int channel = 0; channel < 3; ++channel)
            for (int step : {-1, 1}) {
                int code[3] = {grey, grey, grey};
                code[channel] += step;
                const reference::Lch lch = reference::oklch(code[0], code[1], code[2]);
                EXPECT_LE(lch.c, std::max(1e-4 / (lch.l * lch.l), 0.0026))
                    << grey << " " << channel << " " << step;
                EXPECT_FALSE(has_hue(lch.l, lch.c, p)) << grey << " " << channel << " " << step;
                if (lch.c >= p.min_chroma)
                    worst_fixed_floor_chroma = std::max(worst_fixed_floor_chroma, lch.c);
                ++checked;
            }
    EXPECT_EQ(checked, 254 * 6);
    EXPECT_GT(worst_fixed_floor_chroma, p.min_chroma);  // the old rule would have given these a hue
}

// Full primaries and secondaries are the most saturated colours there are: every one has a hue,
// the one the reference gives. (Yellow, cyan and white-ish secondaries have L above 0.95.)
TEST(Measurement, FullPrimariesAndSecondariesHaveTheirHues) {
    const MeasureParams p;
    const float colours[6][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {0, 1, 1}, {1, 0, 1}};
    for (const auto& c : colours) {
        HueAccumulator acc;
        accumulate(two_colours(4, 4, c, c), p, acc);
        const HueSummary s = summarize(acc, p);
        const reference::Lch ref = reference::oklch_linear(c[0], c[1], c[2]);
        EXPECT_EQ(s.chromatic_fraction, 1.0) << c[0] << c[1] << c[2] << " L " << ref.l;
        EXPECT_LT(reference::hue_distance(s.hue_mean_deg, ref.h), 0.05) << c[0] << c[1] << c[2];
        EXPECT_NEAR(s.mean_chroma, ref.c, 1e-4);
    }
}

// The 24 patches of the X-Rite ColorChecker Classic in 8-bit sRGB (the values X-Rite published for
// the post-2009 chart): the 18 coloured patches have a hue, their reference hue; the six neutrals
// have none.
TEST(ColorChecker, ColouredPatchesHaveTheirHuesAndNeutralsNone) {
    const int patches[24][3] = {{115, 82, 68},   {194, 150, 130}, {98, 122, 157},  {87, 108, 67},
                                {133, 128, 177}, {103, 189, 170}, {214, 126, 44},  {80, 91, 166},
                                {193, 90, 99},   {94, 60, 108},   {157, 188, 64},  {224, 163, 46},
                                {56, 61, 150},   {70, 148, 73},   {175, 54, 60},   {231, 199, 31},
                                {187, 86, 149},  {8, 133, 161},   {243, 243, 242}, {200, 200, 200},
                                {160, 160, 160}, {122, 122, 121}, {85, 85, 85},    {52, 52, 52}};
    const MeasureParams p;
    for (int i = 0; i < 24; ++i) {
        const int* c = patches[i];
        const float linear[3] = {
            static_cast<float>(reference::to_linear(c[0], reference::Eotf::Srgb)),
            static_cast<float>(reference::to_linear(c[1], reference::Eotf::Srgb)),
            static_cast<float>(reference::to_linear(c[2], reference::Eotf::Srgb))};
        HueAccumulator acc;
        accumulate(two_colours(2, 2, linear, linear), p, acc);
        const HueSummary s = summarize(acc, p);
        if (i < 18) {
            EXPECT_EQ(s.chromatic_fraction, 1.0) << "patch " << i + 1;
            EXPECT_LT(reference::hue_distance(s.hue_mean_deg, reference::oklch(c[0], c[1], c[2]).h),
                      0.05)
                << "patch " << i + 1;
        } else {
            EXPECT_EQ(s.chromatic_fraction, 0.0) << "patch " << i + 1;
        }
    }
}
