// EXR sequences written here with known linear values; expected answers from the reference.
#include <ImfStandardAttributes.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <optional>

#include "analysis_helpers.hpp"
#include "exr_writer.hpp"
#include "huescope/analyze.hpp"
#include "reference_color.hpp"
#include "test_paths.hpp"

using namespace huescope;
using testing_support::analyze_into;
using testing_support::family_share;
namespace fs = std::filesystem;

namespace {

const float kBlue[3] = {0, 0, 1};
const float kOrange[3] = {1, static_cast<float>(reference::to_linear(128, reference::Eotf::Srgb)),
                          0};

}  // namespace

TEST(ExrKnownAnswers, HalfSequenceFrom1001WithKnownLinearValues) {
    const fs::path dir = testing_support::scratch_dir();
    fs::create_directories(dir / "seq");
    for (int frame = 1001; frame <= 1003; ++frame) {
        char name[32];
        std::snprintf(name, sizeof name, "shot.%04d.exr", frame);
        testing_support::write_exr(dir / "seq" / name, kBlue, kOrange, Imf::HALF);
    }
    Result<AnalysisResult> r = analyze_into((dir / "seq" / "shot.%04d.exr").string(), dir / "out");
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->frames_analyzed, 3);
    EXPECT_EQ(r->source.first_frame_number, 1001);
    EXPECT_EQ(r->source.color.primaries_from, Provenance::Assumed);
    const double c_blue = reference::oklch(0, 0, 255).c, c_orange = reference::oklch(255, 128, 0).c;
    // Half floats carry about 3 significant digits: the tolerance allows for that rounding.
    EXPECT_NEAR(family_share(r->film_summary, "blue"), c_blue / (c_blue + c_orange), 0.002);
    // The other spellings of the same sequence find the same frames.
    for (const fs::path& alt : {dir / "seq", dir / "seq" / "shot.####.exr"}) {
        Result<AnalysisResult> again = analyze_into(alt.string(), dir / "out2");
        ASSERT_TRUE(again) << alt;
        EXPECT_EQ(again->frames_analyzed, 3) << alt;
    }
}

TEST(ExrKnownAnswers, ChromaticitiesAttributeIsHonoured) {
    // sRGB blue expressed in BT.2020 primaries (ITU-R BT.2087 matrix, third column).
    const float blue_in_2020[3] = {0.0433f, 0.0114f, 0.8956f};
    const Imf::Chromaticities bt2020(Imath::V2f(0.708f, 0.292f), Imath::V2f(0.170f, 0.797f),
                                     Imath::V2f(0.131f, 0.046f), Imath::V2f(0.3127f, 0.3290f));
    const fs::path dir = testing_support::scratch_dir();
    testing_support::write_exr(dir / "wide.0001.exr", blue_in_2020, blue_in_2020, Imf::FLOAT,
                               bt2020);
    Result<AnalysisResult> r = analyze_into((dir / "wide.0001.exr").string(), dir / "out");
    ASSERT_TRUE(r) << r.status().message();
    EXPECT_EQ(r->source.color.primaries.name, "bt2020");
    EXPECT_EQ(r->source.color.primaries_from, Provenance::Tag);
    const reference::Lch blue = reference::oklch(0, 0, 255);
    EXPECT_LT(reference::hue_distance(r->film_summary.hue_mean_deg, blue.h), 0.5);
    EXPECT_NEAR(r->film_summary.mean_chroma, blue.c, 0.01 * blue.c);

    // Ignoring the attribute (reading the values as BT.709) measures a different blue.
    ColorOverrides as709;
    as709.primaries = "bt709";
    Result<AnalysisResult> wrong =
        analyze_into((dir / "wide.0001.exr").string(), dir / "out2", as709);
    ASSERT_TRUE(wrong);
    EXPECT_GT(reference::hue_distance(wrong->film_summary.hue_mean_deg, blue.h), 1.0);
}

TEST(ExrKnownAnswers, GapsAreReportedAndBrokenFilesRefused) {
    const fs::path dir = testing_support::scratch_dir();
    testing_support::write_exr(dir / "g.0010.exr", kBlue, kBlue, Imf::HALF);
    testing_support::write_exr(dir / "g.0012.exr", kBlue, kBlue, Imf::HALF);
    Result<AnalysisResult> r = analyze_into((dir / "g.%04d.exr").string(), dir / "out");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->frames_analyzed, 2);
    bool gap_noted = false;
    for (const std::string& note : r->source.notes)
        gap_noted |= note.find("gap") != std::string::npos;
    EXPECT_TRUE(gap_noted);

    std::FILE* f = std::fopen((dir / "bad.0001.exr").c_str(), "w");
    std::fputs("not an exr", f);
    std::fclose(f);
    Result<AnalysisResult> bad = analyze_into((dir / "bad.0001.exr").string(), dir / "out3");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.status().code(), ErrorCode::BadData);
    Result<AnalysisResult> missing = analyze_into((dir / "none.%04d.exr").string(), dir / "out4");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.status().code(), ErrorCode::NoInput);
}
