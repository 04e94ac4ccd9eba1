// The comparison's building blocks against known answers: circular distance, CIEDE2000 (Sharma,
// Wu & Dalal 2005 test data), and the share test's calibration on simulated films.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "huescope/color_difference.hpp"
#include "huescope/hue_distance.hpp"
#include "huescope/sampling_units.hpp"
#include "huescope/share_inference.hpp"

using namespace huescope;

namespace {

HueHistogram point_mass(int bin) {
    HueHistogram h{};
    h[static_cast<std::size_t>(bin)] = 1.0;
    return h;
}

/// A simulated film: shots of random length and colourfulness, the family's share per shot
/// drawn around `mean_share`. Weight and share are independent, so the population share is the
/// mean of the per-shot share distribution.
std::vector<SampleUnit> simulated_film(std::mt19937_64& rng, int shots, double mean_share) {
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<SampleUnit> film;
    for (int s = 0; s < shots; ++s) {
        SampleUnit unit;
        unit.frames = std::floor(24.0 + 216.0 * u(rng) * u(rng));
        unit.hue_weight = unit.frames * 1000.0 * (0.5 + u(rng));
        const double spread = (u(rng) + u(rng) + u(rng) - 1.5) * 0.25;  // sd about 0.125
        unit.family_weight = unit.hue_weight * std::clamp(mean_share + spread, 0.0, 1.0);
        film.push_back(unit);
    }
    return film;
}

/// The population share of simulated_film, by a large independent Monte Carlo average.
double population_share(double mean_share) {
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    double sum = 0.0;
    const int n = 2000000;
    for (int i = 0; i < n; ++i)
        sum += std::clamp(mean_share + (u(rng) + u(rng) + u(rng) - 1.5) * 0.25, 0.0, 1.0);
    return sum / n;
}

}  // namespace

TEST(CircularEmd, MovingMassAcrossZeroCostsTheShortWay) {
    EXPECT_NEAR(circular_emd_deg(point_mass(350), point_mass(10)), 20.0, 1e-9);
    EXPECT_NEAR(circular_emd_deg(point_mass(10), point_mass(350)), 20.0, 1e-9);
    EXPECT_NEAR(circular_emd_deg(point_mass(0), point_mass(180)), 180.0, 1e-9);
    EXPECT_NEAR(circular_emd_deg(point_mass(100), point_mass(100)), 0.0, 1e-12);
}

TEST(CircularEmd, ShiftedSpreadAndSplitMass) {
    HueHistogram p{}, q{};
    for (int i = 0; i < 30; ++i) {  // a 30-degree block moved 40 degrees, through 0
        p[static_cast<std::size_t>((345 + i) % 360)] = 1.0;
        q[static_cast<std::size_t>((25 + i) % 360)] = 1.0;
    }
    EXPECT_NEAR(circular_emd_deg(p, q), 40.0, 1e-9);
    // Half the mass stays, half moves 90 degrees: 45. Unnormalised input is normalised.
    HueHistogram a{}, b{};
    a[200] = 2.0;
    a[20] = 2.0;
    b[200] = 5.0;
    b[110] = 5.0;
    EXPECT_NEAR(circular_emd_deg(a, b), 45.0, 1e-9);
    EXPECT_TRUE(std::isnan(circular_emd_deg(HueHistogram{}, b)));
    EXPECT_NEAR(total_variation(a, b), 0.5, 1e-12);
}

TEST(ColorDifference, Ciede2000MatchesSharmaTestData) {
    struct Row {
        Vec3 lab1, lab2;
        double expected;
    };
    // Pairs 1, 2, 3, 7, 11, 17, 18, 25 and 34 of Sharma, Wu & Dalal (2005), Table 1.
    const Row rows[] = {
        {{50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}, 2.0425},
        {{50.0, 3.1571, -77.2803}, {50.0, 0.0, -82.7485}, 2.8615},
        {{50.0, 2.8361, -74.0200}, {50.0, 0.0, -82.7485}, 3.4412},
        {{50.0, 0.0, 0.0}, {50.0, -1.0, 2.0}, 2.3669},
        {{50.0, 2.4900, -0.0010}, {50.0, -2.4900, 0.0011}, 7.2195},
        {{50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}, 27.1492},
        {{50.0, 2.5, 0.0}, {61.0, -5.0, 29.0}, 22.8977},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    };
    for (const Row& r : rows) {
        EXPECT_NEAR(delta_e_2000(r.lab1, r.lab2), r.expected, 5e-5);
        EXPECT_NEAR(delta_e_2000(r.lab2, r.lab1), r.expected, 5e-5);  // symmetric
    }
    EXPECT_NEAR(delta_e_ok({0.5, 0.1, 0.0}, {0.5, 0.1, 0.04}), 0.04, 1e-12);
}

TEST(ShareTest, FilmAgainstItselfIsNoDifference) {
    std::mt19937_64 rng(1);
    const std::vector<SampleUnit> film = simulated_film(rng, 40, 0.2);
    const ShareTest t = compare_shares(film, film, InferenceOptions{});
    EXPECT_EQ(t.difference, 0.0);
    EXPECT_LE(t.ci_low, 0.0);
    EXPECT_GE(t.ci_high, 0.0);
    EXPECT_GT(t.p_value, 0.5);  // every relabelling is at least as extreme as 0
    EXPECT_NEAR(t.cliffs_delta, 0.0, 1e-12);
    EXPECT_NEAR(t.ratio, 1.0, 1e-12);
}

TEST(ShareTest, PooledShareIsTheRatioOfSums) {
    const std::vector<SampleUnit> units = {
        {100.0, 10.0, 24.0}, {300.0, 90.0, 48.0}, {0.0, 0.0, 5.0}};
    EXPECT_NEAR(pooled_share(units), 100.0 / 400.0, 1e-15);
    EXPECT_TRUE(std::isnan(units[2].share()));
}

TEST(ShareTest, RejectsAboutFivePercentOfPairsFromOneProcess) {
    InferenceOptions options;
    options.permutations = 999;
    options.bootstrap_replicates = 200;  // only the p-value is checked here
    std::mt19937_64 rng(2013);
    int rejected = 0;
    const int pairs = 200;
    for (int i = 0; i < pairs; ++i) {
        options.seed = 1000 + static_cast<uint64_t>(i);
        const auto a = simulated_film(rng, 30, 0.2);
        const auto b = simulated_film(rng, 45, 0.2);
        rejected += compare_shares(a, b, options).p_value < 0.05;
    }
    const double rate = static_cast<double>(rejected) / pairs;
    std::printf("rejection rate under H0: %.3f over %d pairs\n", rate, pairs);
    EXPECT_GE(rate, 0.02);
    EXPECT_LE(rate, 0.09);
}

TEST(ShareTest, RejectsNearlyAlwaysWithARealDifference) {
    InferenceOptions options;
    options.permutations = 999;
    options.bootstrap_replicates = 200;
    std::mt19937_64 rng(1963);
    int rejected = 0, rejected_one_sided = 0;
    const int pairs = 100;
    for (int i = 0; i < pairs; ++i) {
        // 15 points apart with a shot-to-shot SD of about 12.5 points and 60 shots a film (a
        // feature has hundreds): the power is close to 1.
        const auto a = simulated_film(rng, 60, 0.15);
        const auto b = simulated_film(rng, 60, 0.30);
        options.alternative = Alternative::TwoSided;
        rejected += compare_shares(a, b, options).p_value < 0.05;
        options.alternative = Alternative::Less;
        rejected_one_sided += compare_shares(a, b, options).p_value < 0.05;
    }
    std::printf("power: %d%% two-sided, %d%% one-sided\n", rejected, rejected_one_sided);
    EXPECT_GE(rejected, 95);
    EXPECT_GE(rejected_one_sided, rejected);
}

TEST(ShareTest, BootstrapIntervalCoversTheTrueDifference) {
    InferenceOptions options;
    options.permutations = 99;
    options.bootstrap_replicates = 1999;
    const double truth = population_share(0.15) - population_share(0.25);
    std::mt19937_64 rng(7);
    int covered = 0;
    const int pairs = 200;
    for (int i = 0; i < pairs; ++i) {
        options.seed = static_cast<uint64_t>(i);
        const ShareTest t =
            compare_shares(simulated_film(rng, 40, 0.15), simulated_film(rng, 40, 0.25), options);
        covered += t.ci_low <= truth && truth <= t.ci_high;
    }
    const double coverage = static_cast<double>(covered) / pairs;
    std::printf("95%% interval coverage: %.3f over %d pairs\n", coverage, pairs);
    EXPECT_GE(coverage, 0.88);  // nominal 0.95; the percentile bootstrap runs a little short
    EXPECT_LE(coverage, 0.99);
}

TEST(ShareTest, SameSeedSameNumbersAndTooFewUnitsGiveNoTest) {
    std::mt19937_64 rng(3);
    const auto a = simulated_film(rng, 12, 0.1), b = simulated_film(rng, 15, 0.3);
    const ShareTest t1 = compare_shares(a, b, InferenceOptions{});
    const ShareTest t2 = compare_shares(a, b, InferenceOptions{});
    EXPECT_EQ(t1.ci_low, t2.ci_low);
    EXPECT_EQ(t1.p_value, t2.p_value);
    const ShareTest none = compare_shares({a.front()}, b, InferenceOptions{});
    EXPECT_TRUE(std::isnan(none.p_value));
    EXPECT_TRUE(std::isnan(none.ci_low));
    EXPECT_FALSE(std::isnan(none.difference));
}

TEST(ShareTest, CliffsDeltaHolmAndReferenceRank) {
    const std::vector<SampleUnit> high = {{10, 8, 1}, {10, 9, 3}};
    const std::vector<SampleUnit> low = {{10, 1, 2}, {10, 2, 2}};
    EXPECT_DOUBLE_EQ(cliffs_delta(high, low), 1.0);
    EXPECT_DOUBLE_EQ(cliffs_delta(low, high), -1.0);
    EXPECT_STREQ(cliffs_delta_magnitude(0.2), "small");

    const std::vector<double> adjusted = holm_adjust({0.01, 0.04, 0.03, std::nan("")});
    EXPECT_NEAR(adjusted[0], 0.03, 1e-15);
    EXPECT_NEAR(adjusted[1], 0.06, 1e-15);
    EXPECT_NEAR(adjusted[2], 0.06, 1e-15);
    EXPECT_TRUE(std::isnan(adjusted[3]));

    std::vector<double> refs;
    for (int i = 1; i <= 19; ++i) refs.push_back(0.01 * i);
    const ReferencePosition below = reference_position(0.001, refs);
    EXPECT_DOUBLE_EQ(below.p_lower, 1.0 / 20.0);
    EXPECT_DOUBLE_EQ(below.p_higher, 1.0);
    EXPECT_DOUBLE_EQ(below.percentile, 0.0);
    const ReferencePosition middle = reference_position(0.10, refs);
    EXPECT_DOUBLE_EQ(middle.percentile, 100.0 * 9.5 / 19.0);
    EXPECT_NEAR(middle.z, 0.0, 1e-12);
}

TEST(ShareTest, UnitRngIsUniformAndReproducible) {
    UnitRng a(42), b(42);
    std::array<int, 7> counts{};
    for (int i = 0; i < 70000; ++i) {
        const std::size_t x = a.below(7);
        ASSERT_EQ(x, b.below(7));
        ++counts[x];
    }
    for (int c : counts) EXPECT_NEAR(c, 10000, 400);  // 4 standard deviations
}

TEST(SamplingUnits, ShotsOrBlocksByCount) {
    FilmRecord film;
    film.families = {{"blue", 220, 300}};
    for (int f = 0; f < 100; ++f) {  // 4 shots of 25 frames at 10 fps; shot s has share s/10
        FrameRecord frame;
        frame.time_s = f * 0.1;
        frame.shot = f / 25;
        frame.hue_weight = f < 50 ? 2.0 : 1.0;
        frame.shares = {0.1 * static_cast<double>(f / 25)};
        film.frames.push_back(frame);
    }
    UnitOptions options;
    options.min_shots = 4;
    FilmUnits shots = sampling_units(film, 0, options);
    ASSERT_EQ(shots.kind, UnitMode::Shots);
    ASSERT_EQ(shots.units.size(), 4u);
    EXPECT_NEAR(shots.units[3].share(), 0.3, 1e-12);
    EXPECT_DOUBLE_EQ(shots.units[1].frames, 25.0);
    // (0 + 0.1) * 50 weight + (0.2 + 0.3) * 25 weight over 150 total
    EXPECT_NEAR(pooled_share(shots.units), (0.1 * 50 + 0.5 * 25) / 150.0, 1e-12);

    options.min_shots = 5;
    options.block_seconds = 2.0;
    FilmUnits blocks = sampling_units(film, 0, options);
    EXPECT_EQ(blocks.kind, UnitMode::Blocks);
    ASSERT_EQ(blocks.units.size(), 5u);
    EXPECT_DOUBLE_EQ(blocks.units[0].frames, 20.0);
    EXPECT_NEAR(pooled_share(blocks.units), pooled_share(shots.units), 1e-12);
    EXPECT_NE(blocks.reason.find("only 4 shots with colour"), std::string::npos);
}
