// What viewers rely on: seeking lands on the right frame with the same pixels as reading
// through, vectorscopes bin known colours where an independent computation says, and the
// per-shot files written for viewers agree with the rest of the analysis.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis_helpers.hpp"
#include "exr_writer.hpp"
#include "huescope/analysis_folder.hpp"
#include "huescope/hue_time.hpp"
#include "huescope/source.hpp"
#include "huescope/vectorscope.hpp"
#include "reference_color.hpp"
#include "test_paths.hpp"

using namespace huescope;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<FrameSource> open(const std::string& path) {
    Result<std::unique_ptr<FrameSource>> source = open_source(path, SourceOptions{});
    EXPECT_TRUE(source.is_ok()) << source.status().message();
    return source ? std::move(source.value()) : nullptr;
}

}  // namespace

TEST(Seek, VideoSeekGivesTheFrameReadingThroughGives) {
    const std::string clip = testing_support::media("blue_edit.mp4");
    auto through = open(clip);
    ASSERT_TRUE(through);
    std::map<int64_t, Frame> wanted;
    Frame frame;
    while (through->next(frame).value()) {
        if (frame.number == 12 || frame.number == 48 || frame.number == 119)
            wanted[frame.number] = frame;
    }
    ASSERT_EQ(wanted.size(), 3u);
    auto source = open(clip);
    ASSERT_TRUE(source);
    // Forward, backward, between two frames, at and past the end: each time the frame showing
    // then (the last one at or past the end).
    for (const auto& [number, time] : {std::pair<int64_t, double>{48, 2.0},
                                       {12, 0.5},
                                       {119, 4.96},
                                       {48, 2.03},
                                       {119, 5.0},
                                       {119, 60.0},
                                       {12, 0.52}}) {
        ASSERT_TRUE(source->seek(time).is_ok());
        Frame got;
        ASSERT_TRUE(source->next(got).value());
        EXPECT_EQ(got.number, number) << time;
        EXPECT_NEAR(got.time_s, wanted[number].time_s, 1e-9);
        EXPECT_EQ(got.image.rgb, wanted[number].image.rgb) << "same pixels at frame " << number;
    }
}

TEST(Seek, SequenceSeekFindsTheFrameByNumberAcrossGaps) {
    const fs::path dir = testing_support::scratch_dir();
    for (int n : {10, 11, 12, 15, 16}) {  // a gap: 13 and 14 are missing
        const float grey[3] = {0.1f * float(n - 9), 0.2f, 0.2f};
        char name[32];
        std::snprintf(name, sizeof name, "shot.%04d.exr", n);
        testing_support::write_exr(dir / name, grey, grey, Imf::FLOAT);
    }
    SourceOptions options;
    options.frame_rate = 10.0;
    Result<std::unique_ptr<FrameSource>> source =
        open_source((dir / "shot.%04d.exr").string(), options);
    ASSERT_TRUE(source.is_ok()) << source.status().message();
    Frame frame;
    ASSERT_TRUE(source.value()->seek(0.35).is_ok());  // frame 13.5: 12 is still showing
    ASSERT_TRUE(source.value()->next(frame).value());
    EXPECT_EQ(frame.number, 12);
    ASSERT_TRUE(source.value()->seek(0.5).is_ok());
    ASSERT_TRUE(source.value()->next(frame).value());
    EXPECT_EQ(frame.number, 15);
    EXPECT_NEAR(frame.image.rgb[0], 0.6f, 1e-6);
}

TEST(Vectorscope, KnownColoursLandInTheirBins) {
    // Pure BT.709 blue and orange, OKLab from the independent reference.
    for (const auto& rgb : {std::array<double, 3>{0, 0, 1}, std::array<double, 3>{1, 0.5, 0}}) {
        const reference::Lch lch = reference::oklch_linear(rgb[0], rgb[1], rgb[2]);
        const double a = lch.c * std::cos(lch.h * M_PI / 180),
                     b = lch.c * std::sin(lch.h * M_PI / 180);
        const float pixel[3] = {float(lch.l), float(a), float(b)};
        Vectorscope scope;
        scope.add(pixel, 1);
        const int n = Vectorscope::kSize;
        const int col = int(std::floor((a + Vectorscope::kRange) / (2 * Vectorscope::kRange) * n));
        const int row =
            n - 1 - int(std::floor((b + Vectorscope::kRange) / (2 * Vectorscope::kRange) * n));
        EXPECT_EQ(scope.counts[std::size_t(row * n + col)], 1u) << rgb[0] << rgb[1] << rgb[2];
        EXPECT_EQ(scope.samples, 1u);
    }
    // Out of range lands on the edge; NaN is left out.
    const float far_out[6] = {0.5f, 1.0f, -1.0f, 0.5f, NAN, 0.0f};
    Vectorscope edge;
    edge.add(far_out, 2);
    EXPECT_EQ(edge.samples, 1u);
    EXPECT_EQ(edge.counts[std::size_t((Vectorscope::kSize - 1) * Vectorscope::kSize +
                                      Vectorscope::kSize - 1)],
              1u);
}

TEST(ViewerFiles, VectorscopesAndHueRowsAgreeWithTheAnalysis) {
    const fs::path out = testing_support::scratch_dir() / "out";
    Result<AnalysisResult> r =
        testing_support::analyze_into(testing_support::media("blue_edit.mp4"), out);
    ASSERT_TRUE(r.is_ok()) << r.status().message();
    Result<std::vector<std::vector<float>>> scopes =
        read_vectorscopes((out / "vectorscope.exr").string());
    ASSERT_TRUE(scopes.is_ok()) << scopes.status().message();
    ASSERT_EQ(scopes->size(), r->shots.size() + 1);  // the film, then each shot
    // Every thumbnail has as many pixels, so the film's scope is the shots' weighted by frames.
    const int bins = Vectorscope::kSize * Vectorscope::kSize;
    int64_t frames = 0;
    for (const ShotResult& s : r->shots) frames += s.frames;
    for (int i = 0; i < bins; ++i) {
        double expected = 0;
        for (std::size_t s = 0; s < r->shots.size(); ++s)
            expected +=
                (*scopes)[s + 1][std::size_t(i)] * double(r->shots[s].frames) / double(frames);
        ASSERT_NEAR((*scopes)[0][std::size_t(i)], expected, 1e-6) << i;
    }
    for (const auto& block : *scopes) {
        double sum = 0;
        for (float v : block) sum += v;
        EXPECT_NEAR(sum, 1.0, 1e-4);
    }
    // hue_time.exr rows: one per frame, each summing to the frame's hue weight per pixel.
    Result<FilmRecord> film = read_analysis_folder(out.string());
    ASSERT_TRUE(film.is_ok());
    std::vector<double> row_sums;
    ASSERT_TRUE(read_hue_time((out / "hue_time.exr").string(), [&](int64_t, const float* row) {
                    double s = 0;
                    for (int i = 0; i < kHueBins; ++i) s += row[i];
                    row_sums.push_back(s);
                }).is_ok());
    ASSERT_EQ(row_sums.size(), film->frames.size());
    const double pixels = film->frames[0].hue_weight / row_sums[0];
    for (std::size_t i = 0; i < row_sums.size(); ++i)
        EXPECT_NEAR(row_sums[i] * pixels, film->frames[i].hue_weight,
                    1e-3 * film->frames[i].hue_weight + 1e-3);
}

TEST(PixelKind, ThresholdsDecideWhatHasHue) {
    MeasureParams p;
    EXPECT_EQ(classify_pixel(0.05, 0.03, p), PixelKind::NearBlack);  // needs 0.08 at L 0.05
    EXPECT_EQ(classify_pixel(0.05, 0.2, p), PixelKind::Chromatic);
    EXPECT_EQ(classify_pixel(0.97, 0.01, p), PixelKind::NearWhite);
    EXPECT_EQ(classify_pixel(0.97, 0.2, p), PixelKind::Chromatic);  // lightness takes no hue away
    EXPECT_EQ(classify_pixel(0.5, 0.019, p), PixelKind::LowChroma);
    EXPECT_EQ(classify_pixel(0.5, 0.02, p), PixelKind::Chromatic);
}
