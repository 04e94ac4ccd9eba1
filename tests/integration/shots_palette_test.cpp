// Shots, palettes, barcodes and letterbox on generated clips with known answers.
#include <ImfRgbaFile.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "huescope/analyze.hpp"
#include "reference_color.hpp"
#include "test_paths.hpp"

using namespace huescope;
using testing_support::media;
namespace fs = std::filesystem;

namespace {

Result<AnalysisResult> run(const std::string& clip, bool keep_letterbox = false,
                           const std::string& out_name = "out") {
    AnalyzeOptions o;
    o.input = media(clip);
    o.output_dir = (testing_support::scratch_dir() / out_name).string();
    o.keep_letterbox = keep_letterbox;
    return analyze(o);
}

struct Event {
    std::string kind;
    int64_t first = 0, last = 0;  // the span a detection may fall in
};

std::vector<Event> read_truth(const std::string& path) {
    std::vector<Event> events;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        Event e;
        s >> e.kind >> e.first;
        if (e.kind == "cut" || e.kind == "flash") {
            e.last = e.first;
        } else {
            s >> e.last;
        }
        events.push_back(e);
    }
    return events;
}

struct Score {
    int truth = 0, found = 0, correct = 0;
    double precision() const { return found ? double(correct) / found : 1.0; }
    double recall() const { return truth ? double(correct) / truth : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

// Scores the shots found in a generated edit against its truth file.
void score_edit(const std::string& name) {
    Result<AnalysisResult> r = run(name + ".mkv");
    ASSERT_TRUE(r) << r.status().message();
    const std::vector<Event> truth = read_truth(media(name + "_truth.txt"));
    std::vector<int64_t> detected;  // start frames of every shot after the first
    for (std::size_t i = 1; i < r->shots.size(); ++i) detected.push_back(r->shots[i].start_frame);

    // Hard cuts must be found on the exact frame; gradual transitions anywhere in their span
    // (two frames of slack either side). Each detection can match one event only.
    Score cuts, gradual;
    std::vector<Score*> matched(detected.size(), nullptr);
    for (const Event& e : truth) {
        const bool is_cut = e.kind == "cut";
        const bool is_gradual = e.kind == "fade" || e.kind == "dissolve";
        if (!is_cut && !is_gradual) continue;
        Score& score = is_cut ? cuts : gradual;
        ++score.truth;
        const int64_t slack = is_cut ? 0 : 2;
        for (std::size_t d = 0; d < detected.size(); ++d) {
            if (!matched[d] && detected[d] >= e.first - slack && detected[d] <= e.last + slack) {
                matched[d] = &score;
                ++score.correct;
                break;
            }
        }
    }
    // A detection that matches nothing is a false positive of the kind it claims to be.
    for (std::size_t d = 0; d < detected.size(); ++d) {
        const bool claims_cut = r->shots[d + 1].transition == Transition::Cut;
        ++(matched[d] ? *matched[d] : claims_cut ? cuts : gradual).found;
    }
    std::printf("%s cuts: %d/%d found, precision %.3f recall %.3f F1 %.3f\n", name.c_str(),
                cuts.correct, cuts.truth, cuts.precision(), cuts.recall(), cuts.f1());
    std::printf("%s fades and dissolves: %d/%d found, precision %.3f recall %.3f F1 %.3f\n",
                name.c_str(), gradual.correct, gradual.truth, gradual.precision(), gradual.recall(),
                gradual.f1());
    EXPECT_GE(cuts.f1(), 0.95);
    EXPECT_GE(gradual.f1(), 0.8);

    // Events that are not boundaries: no shot may start inside a flash or a pan (except where a
    // fade or dissolve overlaps the pan's last frames: the boundary is the transition's).
    const auto in_transition = [&](int64_t frame) {
        return std::any_of(truth.begin(), truth.end(), [&](const Event& t) {
            return (t.kind == "fade" || t.kind == "dissolve") && frame >= t.first &&
                   frame <= t.last;
        });
    };
    for (const Event& e : truth) {
        if (e.kind != "flash" && e.kind != "pan") continue;
        for (int64_t start : detected) {
            if (e.kind == "pan" && in_transition(start)) continue;
            const bool inside = e.kind == "flash" ? std::abs(start - e.first) <= 1
                                                  : start > e.first && start <= e.last;
            EXPECT_FALSE(inside) << e.kind << " at " << e.first << " taken for a boundary at "
                                 << start;
        }
    }
}

}  // namespace

// The edit the thresholds were tuned on.
TEST(ShotDetection, GeneratedEditPrecisionAndRecall) {
    score_edit("shot_edit");
}

// A second edit, not used for tuning: other shot and transition lengths, another order.
TEST(ShotDetection, SecondEditNotUsedForTuning) {
    score_edit("shot_edit_b");
}

TEST(Palette, ThreeColoursInKnownProportions) {
    Result<AnalysisResult> r = run("palette_three.mkv");
    ASSERT_TRUE(r) << r.status().message();
    struct Want {
        int rgb;
        double weight;
    };
    const Want wants[] = {{0xC0392B, 0.5}, {0x2E86C1, 0.3}, {0xF1C40F, 0.2}};
    ASSERT_GE(r->film_palette.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        const int c = wants[i].rgb;
        // The clip is tagged BT.709: its light is the BT.1886 decode of these code values.
        const reference::Lch lch =
            reference::oklch(c >> 16, (c >> 8) & 255, c & 255, reference::Eotf::Gamma24);
        const double rad = lch.h * std::numbers::pi / 180.0;
        const double want[3] = {lch.l, lch.c * std::cos(rad), lch.c * std::sin(rad)};
        const PaletteColor& got = r->film_palette[i];
        const double de =
            std::sqrt(std::pow(got.oklab[0] - want[0], 2) + std::pow(got.oklab[1] - want[1], 2) +
                      std::pow(got.oklab[2] - want[2], 2));
        EXPECT_LT(de, 0.02) << "colour " << i << " " << got.hex;
        EXPECT_NEAR(got.weight, wants[i].weight, 0.02) << "colour " << i;
    }
    // The shot's palette is the film's (one shot), and every run gives the same palette.
    ASSERT_EQ(r->shots.size(), 1u);
    Result<AnalysisResult> again = run("palette_three.mkv", false, "again");
    ASSERT_TRUE(again);
    ASSERT_EQ(again->film_palette.size(), r->film_palette.size());
    for (std::size_t i = 0; i < r->film_palette.size(); ++i) {
        EXPECT_EQ(again->film_palette[i].hex, r->film_palette[i].hex);
        EXPECT_EQ(again->film_palette[i].weight, r->film_palette[i].weight);
        EXPECT_EQ(r->shots[0].palette[i].hex, r->film_palette[i].hex);
    }
}

TEST(Barcode, CheckerboardAveragesInLinearLight) {
    // Half black, half white pixels: the mean light is 0.5, which sRGB encodes as 188, not 128.
    const fs::path dir = testing_support::scratch_dir() / "out";
    AnalyzeOptions o;
    o.input = media("checkerboard.mkv");
    o.output_dir = dir.string();
    Result<AnalysisResult> r = analyze(o);
    ASSERT_TRUE(r) << r.status().message();
    const cv::Mat png = cv::imread((dir / "barcode.png").string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(png.empty());
    EXPECT_EQ(png.cols, 2);  // one column per frame
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(png.at<cv::Vec3b>(0, 0)[c], 188, 1);
    Imf::RgbaInputFile exr((dir / "barcode.exr").c_str());
    const Imath::Box2i window = exr.dataWindow();
    std::vector<Imf::Rgba> pixels((window.max.x + 1) * (window.max.y + 1));
    exr.setFrameBuffer(pixels.data(), 1, window.max.x + 1);
    exr.readPixels(window.min.y, window.max.y);
    EXPECT_NEAR(float(pixels[0].r), 0.5f, 0.01f);
    EXPECT_NEAR(float(pixels[0].g), 0.5f, 0.01f);
    EXPECT_TRUE(fs::exists(dir / "hue_barcode.png"));
}

TEST(Letterbox, BarsDoNotCountAsPicture) {
    Result<AnalysisResult> plain = run("scope.mkv", false, "plain");
    Result<AnalysisResult> boxed = run("scope_letterboxed.mkv", false, "boxed");
    ASSERT_TRUE(plain && boxed);
    EXPECT_EQ(boxed->letterbox.picture, (Rect{0, 22, 320, 136}));  // 44 rows each side, chroma grid
    EXPECT_EQ(boxed->letterbox.frames_with_bars, 6);
    EXPECT_EQ(plain->letterbox.frames_with_bars, 0);
    const HueSummary& a = plain->film_summary;
    const HueSummary& b = boxed->film_summary;
    EXPECT_EQ(a.pixels, b.pixels);
    EXPECT_NEAR(a.chromatic_fraction, b.chromatic_fraction, 1e-9);
    EXPECT_NEAR(a.mean_chroma, b.mean_chroma, 1e-9);
    EXPECT_NEAR(a.mean_lightness, b.mean_lightness, 1e-9);
    EXPECT_NEAR(a.hue_mean_deg, b.hue_mean_deg, 1e-9);
    for (std::size_t i = 0; i < a.shares.size(); ++i)
        EXPECT_NEAR(a.shares[i].second, b.shares[i].second, 1e-9);
    // Kept as picture, the bars would dilute the statistics: the check above can fail.
    Result<AnalysisResult> kept = run("scope_letterboxed.mkv", true, "kept");
    ASSERT_TRUE(kept);
    EXPECT_LT(kept->film_summary.chromatic_fraction, a.chromatic_fraction - 0.1);
}
