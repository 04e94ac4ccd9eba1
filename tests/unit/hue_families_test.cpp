#include "huescope/hue_families.hpp"

#include <gtest/gtest.h>

using namespace huescope;

TEST(HueFamilies, BandsAreHalfOpenAndMayWrap) {
    const HueBand blue{"blue", 230, 296};
    EXPECT_TRUE(blue.contains(230.0));
    EXPECT_TRUE(blue.contains(295.999));
    EXPECT_FALSE(blue.contains(296.0));
    const HueBand red{"red", 359, 41};
    EXPECT_TRUE(red.contains(359.5));
    EXPECT_TRUE(red.contains(0.0));
    EXPECT_TRUE(red.contains(40.9));
    EXPECT_FALSE(red.contains(41.0));
    EXPECT_FALSE(red.contains(358.9));
    EXPECT_DOUBLE_EQ(red.width_deg(), 42.0);
}

TEST(HueFamilies, DefaultsPartitionTheCircle) {
    for (HueSpace space : {HueSpace::Oklch, HueSpace::Cielab}) {
        const auto families = default_hue_families(space);
        double total = 0;
        for (const HueBand& f : families) total += f.width_deg();
        EXPECT_DOUBLE_EQ(total, 360.0);
        for (double h = 0.25; h < 360.0; h += 0.5) {
            int hits = 0;
            for (const HueBand& f : families) hits += f.contains(h) ? 1 : 0;
            EXPECT_EQ(hits, 1) << "hue " << h;
        }
    }
    const auto ok = default_hue_families(HueSpace::Oklch);
    EXPECT_EQ(ok[5].name, "blue");
    EXPECT_EQ(ok[5].from_deg, 230);
    EXPECT_EQ(ok[5].to_deg, 296);
}

TEST(HueFamilies, ParsesBandSpecifications) {
    Result<HueBand> band = parse_hue_band("teal=170:200");
    ASSERT_TRUE(band);
    EXPECT_EQ(band->name, "teal");
    EXPECT_EQ(band->from_deg, 170);
    EXPECT_EQ(band->to_deg, 200);
    band = parse_hue_band("warm=330:60");
    ASSERT_TRUE(band);
    EXPECT_TRUE(band->contains(10));
    band = parse_hue_band("all=0:360");  // the whole circle
    ASSERT_TRUE(band);
    EXPECT_TRUE(band->contains(0.0));
    EXPECT_TRUE(band->contains(359.99));
}

TEST(HueFamilies, RejectsMalformedBands) {
    for (const char* bad : {"blue", "=1:2", "blue=1", "blue=a:b", "blue=10:10", "blue=-5:20",
                            "blue=10:400", "bl ue=1:2", "blue=1:2x"}) {
        Result<HueBand> band = parse_hue_band(bad);
        EXPECT_FALSE(band) << bad;
        if (!band) {
            EXPECT_EQ(band.status().code(), ErrorCode::InvalidArgument);
        }
    }
}

TEST(HueFamilies, SetReplacesOrAppends) {
    auto families = default_hue_families(HueSpace::Oklch);
    set_hue_band(families, {"blue", 220, 300});
    EXPECT_EQ(families.size(), 7u);
    EXPECT_EQ(families[5].from_deg, 220);
    set_hue_band(families, {"teal", 170, 200});
    EXPECT_EQ(families.size(), 8u);
}
