// Unit-level checks of the palette accumulator, the letterbox finder and the shot signals.
#include <gtest/gtest.h>

#include "huescope/letterbox.hpp"
#include "huescope/palette.hpp"
#include "huescope/shots.hpp"
#include "huescope/vectorscope.hpp"

#include <cmath>
#include <iterator>

using namespace huescope;

namespace {

LinearImage solid(int w, int h, float r, float g, float b) {
    LinearImage img;
    img.width = w;
    img.height = h;
    for (int i = 0; i < w * h; ++i) img.rgb.insert(img.rgb.end(), {r, g, b});
    return img;
}

}  // namespace

TEST(Palette, CellsKeepExactMeansAndMerge) {
    ColorCells cells;
    const float lab[] = {0.5f, 0.1f, 0.0f, 0.5f, 0.1f, 0.0f, 0.7f, -0.05f, 0.08f};
    cells.add(lab, 3);
    std::vector<PaletteColor> p = cells.palette();
    ASSERT_EQ(p.size(), 2u);
    EXPECT_NEAR(p[0].weight, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(p[0].oklab[0], 0.5, 1e-6);
    EXPECT_NEAR(p[0].oklab[1], 0.1, 1e-6);
    EXPECT_NEAR(p[1].oklab[2], 0.08, 1e-6);

    // Two colours 0.03 apart (in neighbouring cells) merge at the default threshold (0.04) and
    // stay apart at 0.005.
    ColorCells close;
    const float near[] = {0.5f, 0.10f, 0.0f, 0.5f, 0.13f, 0.0f};
    close.add(near, 2);
    EXPECT_EQ(close.palette().size(), 1u);
    PaletteParams strict;
    strict.merge_de = 0.005;
    EXPECT_EQ(close.palette(strict).size(), 2u);

    ColorCells both;
    both.merge(cells);
    both.merge(close);
    EXPECT_EQ(both.pixels(), 5u);
    both.clear();
    EXPECT_TRUE(both.palette().empty());
}

TEST(Palette, DescribesColoursInEverySpace) {
    PaletteColor white;
    white.oklab = {1.0, 0.0, 0.0};
    describe_color(white);
    EXPECT_EQ(white.hex, "#FFFFFF");
    EXPECT_NEAR(white.cielab[0], 100.0, 0.01);
    EXPECT_NEAR(white.oklch[1], 0.0, 1e-12);
}

TEST(Letterbox, FindsBarsOnEverySide) {
    LinearImage img = solid(100, 60, 0.4f, 0.2f, 0.1f);
    auto paint_black = [&](int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                for (int c = 0; c < 3; ++c) img.rgb[(y * 100 + x) * 3 + c] = 0.0001f;
    };
    paint_black(0, 0, 100, 6);    // top
    paint_black(0, 52, 100, 60);  // bottom
    paint_black(0, 0, 10, 60);    // left
    EXPECT_EQ(detect_picture_area(img), (Rect{10, 6, 90, 46}));
    EXPECT_EQ(detect_picture_area(solid(100, 60, 0, 0, 0)), (Rect{0, 0, 100, 60}));
    EXPECT_EQ(detect_picture_area(solid(100, 60, 0.5f, 0.5f, 0.5f)), (Rect{0, 0, 100, 60}));
}

TEST(ShotSignals, ExposureChangeIsNotANewPicture) {
    const Rect all{0, 0, 64, 36};
    LinearImage a = solid(64, 36, 0.4f, 0.2f, 0.1f);
    for (int i = 0; i < 64 * 36 / 2; ++i) a.rgb[i * 3] = 0.05f;  // some structure
    LinearImage darker = a;
    for (float& v : darker.rgb) v *= 0.3f;
    const FrameSignature sa = make_signature(a, all), sd = make_signature(darker, all);
    EXPECT_LT(exposure_residual(sa, sd), 1e-3);
    const FrameSignature other = make_signature(solid(64, 36, 0.1f, 0.3f, 0.5f), all);
    EXPECT_GT(exposure_residual(sa, other), 0.1);
    EXPECT_GT(histogram_distance(sa, other), 0.9);
    EXPECT_NEAR(histogram_distance(sa, sa), 0.0, 1e-12);
    EXPECT_TRUE(make_signature(solid(64, 36, 0, 0, 0), all).black);
}

TEST(ShotSignals, DetectorFindsACutAndIgnoresAFlash) {
    ShotDetector detector;
    const Rect all{0, 0, 64, 36};
    const FrameSignature red = make_signature(solid(64, 36, 0.5f, 0.05f, 0.05f), all);
    const FrameSignature blue = make_signature(solid(64, 36, 0.05f, 0.05f, 0.5f), all);
    const FrameSignature white = make_signature(solid(64, 36, 1, 1, 1), all);
    for (int i = 0; i < 30; ++i) detector.push(i == 10 ? white : i < 20 ? red : blue);
    detector.finish();
    ASSERT_EQ(detector.boundaries().size(), 2u);
    EXPECT_EQ(detector.boundaries()[1].index, 20);
    EXPECT_EQ(detector.boundaries()[1].kind, Transition::Cut);
    EXPECT_EQ(detector.final_count(), 30);
}

// Values a damaged EXR can hold: huge finite ones and NaN or infinity. Every binning must stay
// defined (the sanitizer build turns an out-of-range float-to-int conversion into a failure: the
// EXR fuzzer found one here), and a thumbnail cell is the mean of its finite pixels only.
TEST(ShotSignals, HugeAndNonFiniteValuesStayDefined) {
    LinearImage image;
    image.width = 128;
    image.height = 72;
    image.rgb.assign(std::size_t(image.width) * image.height * 3, 0.5f);
    const float specials[] = {1e30f, -1e30f, std::nanf(""), INFINITY, -INFINITY};
    for (std::size_t i = 0; i < image.rgb.size(); i += 7)
        image.rgb[i] = specials[(i / 7) % std::size(specials)];
    const FrameSignature s = make_signature(image, {0, 0, image.width, image.height});
    float sum = 0.0f;
    for (float v : s.histogram) sum += v;
    EXPECT_NEAR(sum, 1.0f, 1e-5f);
    for (float v : s.oklab) EXPECT_FALSE(std::isnan(v));
    ColorCells cells;
    cells.add(s.oklab.data(), s.oklab.size() / 3);
    Vectorscope scope;
    scope.add(s.oklab.data(), s.oklab.size() / 3);

    LinearImage nan_cell;
    nan_cell.width = 64 * 2;
    nan_cell.height = 36 * 2;
    nan_cell.rgb.assign(std::size_t(nan_cell.width) * nan_cell.height * 3, 0.25f);
    nan_cell.rgb[0] = std::nanf("");  // one NaN in the first cell: left out of its mean
    const FrameSignature t = make_signature(nan_cell, {0, 0, nan_cell.width, nan_cell.height});
    EXPECT_FLOAT_EQ(t.thumbnail[0], 0.25f);
    EXPECT_FLOAT_EQ(t.thumbnail[3], 0.25f);
}
