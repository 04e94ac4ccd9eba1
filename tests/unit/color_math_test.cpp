// Known answers for the colour maths, against published values.
#include "huescope/color_math.hpp"

#include <gtest/gtest.h>

#include "huescope/hue_families.hpp"
#include "reference_color.hpp"

using namespace huescope;

namespace {

Vec3 oklab_of_srgb8(int r, int g, int b) {
    const Vec3 linear{eotf(Transfer::Srgb, r / 255.0), eotf(Transfer::Srgb, g / 255.0),
                      eotf(Transfer::Srgb, b / 255.0)};
    return xyz_to_oklab(working_rgb_to_xyz(linear));
}

Vec3 cielab_of_srgb8(int r, int g, int b) {
    const Vec3 linear{eotf(Transfer::Srgb, r / 255.0), eotf(Transfer::Srgb, g / 255.0),
                      eotf(Transfer::Srgb, b / 255.0)};
    return xyz_to_cielab(working_rgb_to_xyz(linear));
}

struct PublishedHue {
    const char* name;
    int r, g, b;
    double oklch_h;   // CSS Color 4 / Ottosson
    double cielab_h;  // CIE 15 with D65, e.g. Lindbloom's calculator
};

const PublishedHue kPublished[] = {
    {"red", 255, 0, 0, 29.23, 40.00},     {"yellow", 255, 255, 0, 109.77, 102.85},
    {"green", 0, 255, 0, 142.50, 136.02}, {"cyan", 0, 255, 255, 194.77, 196.38},
    {"blue", 0, 0, 255, 264.05, 306.29},  {"magenta", 255, 0, 255, 328.36, 328.23},
};

}  // namespace

TEST(ColorMath, OttossonPublishedXyzExamples) {
    // Ottosson (2020), table of XYZ -> OKLab examples, published to three decimals.
    struct Example {
        Vec3 xyz, lab;
    };
    const Example examples[] = {
        {{0.950, 1.000, 1.089}, {1.000, 0.000, 0.000}},
        {{1.000, 0.000, 0.000}, {0.450, 1.236, -0.019}},
        {{0.000, 1.000, 0.000}, {0.922, -0.671, 0.263}},
        {{0.000, 0.000, 1.000}, {0.153, -1.415, -0.449}},
    };
    for (const Example& e : examples) {
        const Vec3 lab = xyz_to_oklab(e.xyz);
        for (int i = 0; i < 3; ++i) EXPECT_NEAR(lab[i], e.lab[i], 0.0015) << "component " << i;
    }
}

TEST(ColorMath, HueOfPrimariesAndSecondariesMatchesPublishedValues) {
    for (const PublishedHue& p : kPublished) {
        const Vec3 ok = oklab_of_srgb8(p.r, p.g, p.b);
        const Vec3 lab = cielab_of_srgb8(p.r, p.g, p.b);
        EXPECT_LT(reference::hue_distance(hue_degrees(ok[1], ok[2]), p.oklch_h), 0.5) << p.name;
        EXPECT_LT(reference::hue_distance(hue_degrees(lab[1], lab[2]), p.cielab_h), 0.5) << p.name;
    }
}

TEST(ColorMath, AgreesWithIndependentReferenceOnManyColours) {
    for (int r = 0; r <= 255; r += 51)
        for (int g = 0; g <= 255; g += 51)
            for (int b = 0; b <= 255; b += 51) {
                const reference::Lch want = reference::oklch(r, g, b);
                const Vec3 got = oklab_of_srgb8(r, g, b);
                EXPECT_NEAR(got[0], want.l, 2e-4);
                EXPECT_NEAR(std::hypot(got[1], got[2]), want.c, 2e-4);
                if (want.c > 0.02) {
                    EXPECT_LT(reference::hue_distance(hue_degrees(got[1], got[2]), want.h), 0.1);
                }
            }
}

TEST(ColorMath, Bt709MatrixMatchesIec61966) {
    Primaries bt709;
    ASSERT_TRUE(standard_primaries("bt709", bt709));
    const Mat3 m = rgb_to_xyz_matrix(bt709);
    const double published[3][3] = {
        {0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) EXPECT_NEAR(m.m[i][j], published[i][j], 1.5e-4);
}

TEST(ColorMath, Bt2020ToBt709MatchesBt2087) {
    Primaries bt2020;
    ASSERT_TRUE(standard_primaries("bt2020", bt2020));
    const Mat3 m = to_working_space_matrix(bt2020);
    // ITU-R BT.2087-0, the inverse of its BT.709 -> BT.2020 matrix, to four decimals.
    const double published[3][3] = {
        {1.6605, -0.5876, -0.0728}, {-0.1246, 1.1329, -0.0083}, {-0.0182, -0.1006, 1.1187}};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) EXPECT_NEAR(m.m[i][j], published[i][j], 2e-4);
}

TEST(ColorMath, BradfordMapsWhiteToWhite) {
    const Chromaticity dci{0.314, 0.351};
    const Mat3 adapt = bradford_adaptation(dci, d65_white());
    const Vec3 mapped = adapt * white_xyz(dci);
    const Vec3 d65 = white_xyz(d65_white());
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(mapped[i], d65[i], 1e-9);
    const Mat3 same = bradford_adaptation(d65_white(), d65_white());
    for (int i = 0; i < 3; ++i) EXPECT_DOUBLE_EQ(same.m[i][i], 1.0);
}

TEST(ColorMath, OklabRoundTrip) {
    const Vec3 xyz{0.3, 0.4, 0.5};
    const Vec3 back = oklab_to_xyz(xyz_to_oklab(xyz));
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(back[i], xyz[i], 1e-9);
}

TEST(ColorMath, TransferFunctions) {
    EXPECT_NEAR(eotf(Transfer::Bt1886, 0.5), std::pow(0.5, 2.4), 1e-12);
    EXPECT_NEAR(eotf(Transfer::Srgb, 0.04045), 0.04045 / 12.92, 1e-12);
    EXPECT_NEAR(eotf(Transfer::Srgb, 1.0), 1.0, 1e-12);
    EXPECT_NEAR(srgb_encode(eotf(Transfer::Srgb, 0.7)), 0.7, 1e-12);
    EXPECT_EQ(eotf(Transfer::Bt1886, -0.1), 0.0);
    EXPECT_TRUE(std::isnan(eotf(Transfer::Ocio, 0.5)));
}

TEST(ColorMath, HdrTransfersMatchPublishedSignalLevels) {
    // SMPTE ST 2084: V = 1 is 10000 cd/m2; ITU-R BT.2408 table 1: 203 cd/m2 reference white is
    // PQ 58% (0.5807) and HLG 75%; 100 cd/m2 is PQ 0.5081.
    EXPECT_NEAR(eotf(Transfer::Pq, 1.0) * kHdrReferenceWhiteNits, 10000.0, 1e-6);
    EXPECT_NEAR(eotf(Transfer::Pq, 0.508078) * kHdrReferenceWhiteNits, 100.0, 0.01);
    EXPECT_NEAR(eotf(Transfer::Pq, 0.580689), 1.0, 0.001);
    EXPECT_EQ(eotf(Transfer::Pq, 0.0), 0.0);
    EXPECT_NEAR(eotf(Transfer::Hlg, 0.5), 1.0 / 12.0, 1e-12);
    EXPECT_NEAR(eotf(Transfer::Hlg, 1.0), 1.0, 1e-6);
    const double e = eotf(Transfer::Hlg, 0.75);
    const Vec3 bt2020_luma{0.2627, 0.6780, 0.0593};
    const Vec3 white = hlg_ootf({e, e, e}, bt2020_luma);
    EXPECT_NEAR(white[0], 1.0, 0.002);  // 75% HLG grey is 203 cd/m2 on a 1000 cd/m2 display
    const Vec3 peak = hlg_ootf({1, 1, 1}, bt2020_luma);
    EXPECT_NEAR(peak[1] * kHdrReferenceWhiteNits, kHlgDisplayPeakNits, 1e-9);
}

TEST(ColorMath, DefaultFamilyEdgesAreMidpointsOfReferenceColours) {
    // red, orange (#FF8000), yellow, green, cyan, blue, magenta, in hue order.
    const int colours[7][3] = {{255, 0, 0},   {255, 128, 0}, {255, 255, 0}, {0, 255, 0},
                               {0, 255, 255}, {0, 0, 255},   {255, 0, 255}};
    for (HueSpace space : {HueSpace::Oklch, HueSpace::Cielab}) {
        double hues[7];
        for (int i = 0; i < 7; ++i) {
            const Vec3 v = space == HueSpace::Oklch
                               ? oklab_of_srgb8(colours[i][0], colours[i][1], colours[i][2])
                               : cielab_of_srgb8(colours[i][0], colours[i][1], colours[i][2]);
            hues[i] = hue_degrees(v[1], v[2]);
        }
        const std::vector<HueBand> families = default_hue_families(space);
        ASSERT_EQ(families.size(), 7u);
        for (int i = 0; i < 7; ++i) {
            // Family i ends where family i+1 starts: at the midpoint of their reference hues.
            double a = hues[i], b = hues[(i + 1) % 7];
            if (b < a) b += 360.0;
            const double midpoint = std::fmod((a + b) / 2.0, 360.0);
            EXPECT_LT(reference::hue_distance(families[i].to_deg, midpoint), 1.0)
                << hue_space_name(space) << " " << families[i].name;
            EXPECT_EQ(families[i].to_deg, families[(i + 1) % 7].from_deg);
        }
    }
}

TEST(ColorMath, CubeRootMatchesLibm) {
    double worst = 0.0;
    for (double x = 1e-12; x < 1e6; x *= 1.01) {
        for (double v : {x, -x})
            worst = std::max(worst, std::fabs(cube_root(v) / std::cbrt(v) - 1.0));
    }
    EXPECT_LT(worst, 1e-14);
    EXPECT_EQ(cube_root(0.0), 0.0);
    EXPECT_TRUE(std::isnan(cube_root(std::nan(""))));
}
