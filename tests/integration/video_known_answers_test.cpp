// Known answers on real encoded clips: the expected values come from the independent reference in
// tests/support, applied to the RGB colour the clip was generated from.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "analysis_helpers.hpp"
#include "huescope/analyze.hpp"
#include "reference_color.hpp"
#include "test_paths.hpp"

using namespace huescope;
using reference::Eotf;
using testing_support::family_share;
using testing_support::media;

namespace {

// Options that analyse a test clip into this test's scratch folder.
AnalyzeOptions options_for(const std::string& clip) {
    AnalyzeOptions o;
    o.input = media(clip);
    o.output_dir = testing_support::scratch_dir().string();
    return o;
}

AnalysisResult run(const std::string& clip, const ColorOverrides& overrides = {}) {
    AnalyzeOptions o = options_for(clip);
    o.source.overrides = overrides;
    Result<AnalysisResult> r = analyze(o);
    EXPECT_TRUE(r) << clip << ": " << (r ? "" : r.status().message());
    return r ? r.value() : AnalysisResult{};
}

struct Solid {
    const char* hex;
    int r, g, b;
    const char* family;
};

}  // namespace

TEST(VideoKnownAnswers, SolidColoursHaveTheirHueAndFamily) {
    for (const Solid& c :
         {Solid{"0000FF", 0, 0, 255, "blue"}, Solid{"FF8000", 255, 128, 0, "orange"},
          Solid{"00FF00", 0, 255, 0, "green"}}) {
        const AnalysisResult r = run(std::string("solid_") + c.hex + "_709_tv_8.mkv");
        const reference::Lch ok = reference::oklch(c.r, c.g, c.b, Eotf::Gamma24);
        const reference::Lch lab = reference::cielab_lch(c.r, c.g, c.b, Eotf::Gamma24);
        EXPECT_EQ(r.frames_analyzed, 3) << c.hex;
        EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, ok.h), 1.0) << c.hex;
        EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_lab_deg, lab.h), 1.0) << c.hex;
        EXPECT_NEAR(r.film_summary.mean_chroma, ok.c, 0.03 * ok.c) << c.hex;
        EXPECT_NEAR(r.film_summary.mean_lightness, ok.l, 0.01) << c.hex;
        EXPECT_DOUBLE_EQ(family_share(r.film_summary, c.family), 1.0) << c.hex;
        EXPECT_DOUBLE_EQ(r.film_summary.chromatic_fraction, 1.0) << c.hex;
        EXPECT_LT(r.film_summary.hue_circular_variance, 1e-4) << c.hex;
    }
}

TEST(VideoKnownAnswers, NeutralGreyHasNoHue) {
    const AnalysisResult r = run("solid_808080_709_tv_8.mkv");
    EXPECT_EQ(r.film_summary.chromatic_fraction, 0.0);
    EXPECT_LT(r.film_summary.mean_chroma, 0.002);
    EXPECT_TRUE(std::isnan(family_share(r.film_summary, "blue")));
}

TEST(VideoKnownAnswers, HalfBlueHalfOrangeSplitsByChroma) {
    const AnalysisResult r = run("split_blue_orange.mkv");
    const double c_blue = reference::oklch(0, 0, 255, Eotf::Gamma24).c;
    const double c_orange = reference::oklch(255, 128, 0, Eotf::Gamma24).c;
    EXPECT_NEAR(family_share(r.film_summary, "blue"), c_blue / (c_blue + c_orange), 0.005);
    EXPECT_NEAR(family_share(r.film_summary, "orange"), c_orange / (c_blue + c_orange), 0.005);
    EXPECT_DOUBLE_EQ(family_share(r.film_summary, "blue", true), 0.5);
    EXPECT_DOUBLE_EQ(family_share(r.film_summary, "orange", true), 0.5);
}

TEST(VideoKnownAnswers, CircularMeanAcrossZero) {
    // Left half OKLCh 350.0 degrees, right half 9.9 degrees (sRGB-tagged RGB, lossless).
    const AnalysisResult r = run("split_red_wrap.mkv");
    const reference::Lch a = reference::oklch(0xFF, 0x00, 0xA9),
                         b = reference::oklch(0xFF, 0x00, 0x68);
    const double rad = std::numbers::pi / 180.0;
    const double x = a.c * std::cos(a.h * rad) + b.c * std::cos(b.h * rad);
    const double y = a.c * std::sin(a.h * rad) + b.c * std::sin(b.h * rad);
    const double expected = reference::hue_of(x, y);
    EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, expected), 0.3);
    EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, 0.0), 1.0);
}

TEST(VideoKnownAnswers, SrgbTaggedRgbUsesTheSrgbCurve) {
    const AnalysisResult r = run("rgb_FF8000_srgb.mkv");
    EXPECT_EQ(r.source.color.matrix, Matrix::Identity);
    EXPECT_EQ(r.source.color.transfer, Transfer::Srgb);
    const reference::Lch ok = reference::oklch(255, 128, 0, Eotf::Srgb);
    EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, ok.h), 0.2);
    EXPECT_NEAR(r.film_summary.mean_chroma, ok.c, 0.002);
}

// The same picture through every matrix, range and bit depth must measure the same.
class EncodingInvariance : public ::testing::TestWithParam<std::string> {};

TEST_P(EncodingInvariance, SameHueWithinOneDegree) {
    const std::string colour = GetParam();
    const int rgb = std::stoi(colour, nullptr, 16);
    const reference::Lch want =
        reference::oklch(rgb >> 16, (rgb >> 8) & 255, rgb & 255, Eotf::Gamma24);
    for (const char* matrix : {"bt601", "bt709"}) {
        for (const char* range : {"tv", "pc"}) {
            for (const char* bits : {"8", "10"}) {
                const std::string clip =
                    "enc_" + colour + "_" + matrix + "_" + range + "_" + bits + ".mkv";
                const AnalysisResult r = run(clip);
                EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, want.h), 1.0)
                    << clip;
                EXPECT_NEAR(r.film_summary.mean_chroma, want.c, 0.03 * want.c) << clip;
                EXPECT_EQ(r.source.bit_depth, std::stoi(bits)) << clip;
                EXPECT_EQ(r.source.color.range,
                          std::string(range) == "pc" ? Range::Full : Range::Limited);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Colours, EncodingInvariance, ::testing::Values("FF8000", "3366CC"));

TEST(VideoKnownAnswers, WrongMatrixIsCaught) {
    // Proof that the invariance test can fail: decode BT.709 as BT.601 and the hue moves.
    ColorOverrides wrong;
    wrong.matrix = "bt601";
    const AnalysisResult right = run("enc_3366CC_bt709_tv_8.mkv");
    const AnalysisResult bad = run("enc_3366CC_bt709_tv_8.mkv", wrong);
    EXPECT_EQ(bad.source.color.matrix_from, Provenance::User);
    EXPECT_GT(
        reference::hue_distance(bad.film_summary.hue_mean_deg, right.film_summary.hue_mean_deg),
        1.0);
}

TEST(VideoKnownAnswers, UntaggedClipsFollowTheDocumentedConvention) {
    // Both clips hold #3366CC, encoded with the matrix the convention predicts for their height.
    const reference::Lch want = reference::oklch(0x33, 0x66, 0xCC, Eotf::Gamma24);
    const AnalysisResult sd = run("untagged_480.mp4");
    EXPECT_EQ(sd.source.color.matrix, Matrix::Bt601);
    EXPECT_EQ(sd.source.color.matrix_from, Provenance::Assumed);
    EXPECT_EQ(sd.source.color.primaries.name, "bt601-525");  // 480 lines: the 525-line system
    EXPECT_EQ(sd.source.color.notes.size(), 4u);
    // SMPTE C primaries are assumed for SD, so to compare with the sRGB-built picture, fix the
    // primaries and leave the matrix to the convention.
    ColorOverrides srgb_primaries;
    srgb_primaries.primaries = "bt709";
    const AnalysisResult sd709 = run("untagged_480.mp4", srgb_primaries);
    EXPECT_EQ(sd709.source.color.matrix_from, Provenance::Assumed);
    EXPECT_LT(reference::hue_distance(sd709.film_summary.hue_mean_deg, want.h), 1.0);
    const AnalysisResult hd = run("untagged_720.mp4");
    EXPECT_EQ(hd.source.color.matrix, Matrix::Bt709);
    EXPECT_EQ(hd.source.color.primaries.name, "bt709");
    EXPECT_LT(reference::hue_distance(hd.film_summary.hue_mean_deg, want.h), 1.0);
}

TEST(VideoKnownAnswers, TimeRangeAndSampling) {
    AnalyzeOptions o = options_for("testsrc_709.mp4");  // 48 frames at 24 fps
    Result<AnalysisResult> all = analyze(o);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->frames_analyzed, 48);
    o.start_s = 0.5;
    o.duration_s = 1.0;
    o.every = 4;
    Result<AnalysisResult> some = analyze(o);
    ASSERT_TRUE(some);
    EXPECT_EQ(some->frames_analyzed, 6);  // frames 12..35, every 4th
    EXPECT_NEAR(some->first_time_s, 0.5, 1e-6);
}

TEST(VideoKnownAnswers, UnsupportedMatrixIsRefusedNotGuessed) {
    AnalyzeOptions o = options_for("ycgco_tagged.mkv");
    Result<AnalysisResult> r = analyze(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.status().code(), ErrorCode::Unsupported);
    EXPECT_NE(r.status().message().find("ycgco"), std::string::npos);
}

TEST(VideoKnownAnswers, EveryChromaLayoutMeasuresTheSame) {
    const reference::Lch want = reference::oklch(0x33, 0x66, 0xCC, Eotf::Gamma24);
    for (const char* pixfmt : {"yuv444p", "yuv422p10le", "yuv411p", "nv12", "uyvy422", "yuyv422"}) {
        const AnalysisResult r = run(std::string("layout_") + pixfmt + ".mkv");
        EXPECT_EQ(r.source.pixel_format, pixfmt);
        EXPECT_LT(reference::hue_distance(r.film_summary.hue_mean_deg, want.h), 1.0) << pixfmt;
        EXPECT_NEAR(r.film_summary.mean_chroma, want.c, 0.03 * want.c) << pixfmt;
    }
    const AnalysisResult gray = run("layout_gray.mkv");
    EXPECT_EQ(gray.film_summary.chromatic_fraction, 0.0);
    EXPECT_EQ(gray.source.chroma_subsampling, "gray");
}

TEST(VideoKnownAnswers, StreamChoice) {
    AnalyzeOptions o = options_for("two_streams.mkv");
    Result<AnalysisResult> first = analyze(o);
    ASSERT_TRUE(first);
    EXPECT_DOUBLE_EQ(family_share(first->film_summary, "blue"), 1.0);
    o.source.stream_index = 1;
    Result<AnalysisResult> second = analyze(o);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->source.stream_index, 1);
    EXPECT_DOUBLE_EQ(family_share(second->film_summary, "orange"), 1.0);
    o.source.stream_index = 7;
    Result<AnalysisResult> none = analyze(o);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.status().code(), ErrorCode::InvalidArgument);
}

TEST(VideoKnownAnswers, VariableFrameRateTimestampsComeFromTheStream) {
    AnalyzeOptions o = options_for("vfr.mkv");
    Result<AnalysisResult> r = analyze(o);
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->frames_analyzed, 5);
    EXPECT_NEAR(r->last_time_s, 1.0, 0.002);
    std::ifstream csv(o.output_dir + "/frames.csv");
    std::string line;
    std::getline(csv, line);
    std::vector<double> times;
    while (std::getline(csv, line)) times.push_back(std::stod(line.substr(line.find(',') + 1)));
    const std::vector<double> want = {0.0, 1.0 / 24, 2.0 / 24, 0.5, 1.0};
    ASSERT_EQ(times.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(times[i], want[i], 0.002) << i;
}

TEST(VideoKnownAnswers, InterlacedFieldsDoNotMixIntoFalseColour) {
    // Every other line blue / orange, coded as interlaced 4:2:0: each chroma sample belongs to one
    // field, so the measurement must see exactly the two colours, as the progressive split does.
    const AnalysisResult r = run("interlaced_fields.mp4");
    const double c_blue = reference::oklch(0, 0, 255, Eotf::Gamma24).c;
    const double c_orange = reference::oklch(255, 128, 0, Eotf::Gamma24).c;
    EXPECT_NEAR(family_share(r.film_summary, "blue"), c_blue / (c_blue + c_orange), 0.005);
    EXPECT_DOUBLE_EQ(family_share(r.film_summary, "blue", true), 0.5);
    EXPECT_DOUBLE_EQ(family_share(r.film_summary, "orange", true), 0.5);
    bool noted = false;
    for (const std::string& note : r.source.notes)
        noted |= note.find("interlaced") != std::string::npos;
    EXPECT_TRUE(noted);
}
