#include "huescope/measurement.hpp"

#include <gtest/gtest.h>

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
