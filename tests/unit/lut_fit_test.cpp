// Known answers for the LUT fit (grade/lut_fit) and its .cube files through OpenColorIO
// (grade/cube_file): what goes in as a LUT, an affine or a smooth grade must come back out.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grade/lut_fit.hpp"
#include "ocio/cube_file.hpp"

using namespace huescope;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// `count` random colours in [0,1]^3 (interleaved), with the blue range given.
std::vector<float> random_colours(std::size_t count, unsigned seed, float blue_max = 1.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::uniform_real_distribution<float> blue(0.0f, blue_max);
    std::vector<float> out(count * 3);
    for (std::size_t i = 0; i < count; ++i) {
        out[i * 3] = unit(rng);
        out[i * 3 + 1] = unit(rng);
        out[i * 3 + 2] = blue(rng);
    }
    return out;
}

template <typename F>
std::vector<float> map_colours(const std::vector<float>& in, F f) {
    std::vector<float> out(in.size());
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const Vec3 y = f(Vec3{in[i], in[i + 1], in[i + 2]});
        for (std::size_t c = 0; c < 3; ++c) out[i + c] = static_cast<float>(y[c]);
    }
    return out;
}

Vec3 node_rgb(int size, int r, int g, int b) {
    const double step = 1.0 / (size - 1);
    return {r * step, g * step, b * step};
}

Vec3 node_value(const Lut3D& lut, int r, int g, int b) {
    const std::size_t i = (static_cast<std::size_t>(b) * lut.size + g) * lut.size + r;
    return {lut.values[i * 3], lut.values[i * 3 + 1], lut.values[i * 3 + 2]};
}

double max_gap(const Vec3& a, const Vec3& b) {
    return std::max({std::fabs(a[0] - b[0]), std::fabs(a[1] - b[1]), std::fabs(a[2] - b[2])});
}

/// An affine grade that moves every colour: a cross-channel matrix plus an offset.
Vec3 affine_grade(const Vec3& x) {
    return {0.9 * x[0] + 0.15 * x[1] - 0.05 * x[2] + 0.03,
            0.05 * x[0] + 0.8 * x[1] + 0.1 * x[2] - 0.02,
            -0.1 * x[0] + 0.2 * x[1] + 1.1 * x[2] + 0.01};
}

/// A smooth nonlinear grade: per-channel gamma, then a mix whose rows are positive and sum to
/// 0.96, plus a 0.02 lift, so that the output stays inside [0,1] and the clamp never bends it.
Vec3 smooth_grade(const Vec3& x) {
    const Vec3 g{std::pow(x[0], 1.3), std::pow(x[1], 1.1), std::pow(x[2], 1.5)};
    Vec3 y{0.02 + 0.96 * (0.8 * g[0] + 0.15 * g[1] + 0.05 * g[2]),
           0.02 + 0.96 * (0.1 * g[0] + 0.8 * g[1] + 0.1 * g[2]),
           0.02 + 0.96 * (0.05 * g[0] + 0.15 * g[1] + 0.8 * g[2])};
    for (double& v : y) v = std::clamp(v, 0.0, 1.0);
    return y;
}

std::string scratch_path(const std::string& name) {
    std::filesystem::create_directories(HUESCOPE_TEST_SCRATCH_DIR);
    return std::string(HUESCOPE_TEST_SCRATCH_DIR) + "/" + name;
}

}  // namespace

TEST(LutFit, IdentityDataGivesTheIdentityLut) {
    const std::vector<float> before = random_colours(400000, 1);
    LutFitter fitter(33);
    fitter.add(before.data(), before.data(), before.size() / 3);
    const auto start = Clock::now();
    Result<Lut3D> lut = fitter.solve();
    std::printf("[ timing ] solve (identity data, 33^3): %.3f s\n", seconds_since(start));
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    EXPECT_EQ(lut->size, 33);
    EXPECT_EQ(lut->samples, 400000);
    EXPECT_EQ(lut->cells_with_data, 32 * 32 * 32);
    double worst = 0.0;
    for (int b = 0; b < 33; ++b) {
        for (int g = 0; g < 33; ++g) {
            for (int r = 0; r < 33; ++r) {
                worst = std::max(worst, max_gap(node_value(*lut, r, g, b), node_rgb(33, r, g, b)));
            }
        }
    }
    EXPECT_LT(worst, 1e-5);
    EXPECT_EQ(std::count(lut->filled.begin(), lut->filled.end(), 1), 0);
}

TEST(LutFit, SmoothNonlinearGradeIsReproducedAtHeldOutPoints) {
    const std::vector<float> before = random_colours(1000000, 2);
    const std::vector<float> after = map_colours(before, smooth_grade);
    LutFitter fitter(33);
    const auto start = Clock::now();
    fitter.add(before.data(), after.data(), before.size() / 3);
    std::printf("[ timing ] add: %.3f s per million samples\n", seconds_since(start));
    Result<Lut3D> lut = fitter.solve();
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    const std::vector<float> held_out = random_colours(20000, 3);
    double worst = 0.0;
    for (std::size_t i = 0; i < held_out.size(); i += 3) {
        const Vec3 x{held_out[i], held_out[i + 1], held_out[i + 2]};
        worst = std::max(worst, max_gap(lut->apply(x), smooth_grade(x)));
    }
    std::printf("[ result ] smooth grade, worst held-out error %.2e\n", worst);
    EXPECT_LT(worst, 2e-3);
}

TEST(LutFit, EmptyHalfIsFilledByTheAffineContinuation) {
    // Data only where blue < 0.5: cells 0..15 along blue. Nodes from blue index 17 up touch no
    // occupied cell; node 16 borders cell 15.
    const std::vector<float> before = random_colours(300000, 4, 0.4999f);
    const std::vector<float> after = map_colours(before, affine_grade);
    LutFitter fitter(33);
    fitter.add(before.data(), after.data(), before.size() / 3);
    const auto start = Clock::now();
    Result<Lut3D> lut = fitter.solve();
    std::printf("[ timing ] solve (half the cube empty, 33^3): %.3f s\n", seconds_since(start));
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    EXPECT_EQ(lut->cells_with_data, 32 * 32 * 16);
    double worst_filled = 0.0;
    double worst_data = 0.0;
    int flag_errors = 0;
    for (int b = 0; b < 33; ++b) {
        for (int g = 0; g < 33; ++g) {
            for (int r = 0; r < 33; ++r) {
                const std::size_t i = (static_cast<std::size_t>(b) * 33 + g) * 33 + r;
                const bool filled = lut->filled[i] != 0;
                if (filled != (b >= 17)) ++flag_errors;
                const double gap =
                    max_gap(node_value(*lut, r, g, b), affine_grade(node_rgb(33, r, g, b)));
                (filled ? worst_filled : worst_data) =
                    std::max(filled ? worst_filled : worst_data, gap);
            }
        }
    }
    std::printf("[ result ] affine grade, worst node error: with data %.2e, filled %.2e\n",
                worst_data, worst_filled);
    EXPECT_EQ(flag_errors, 0);
    EXPECT_LT(worst_data, 1e-5);
    EXPECT_LT(worst_filled, 1e-4);
}

TEST(LutFit, RecoversTheLutThatMadeTheData) {
    // A random smooth LUT: identity plus a few random low-frequency waves per channel.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> phase(0.0, 6.2832);
    std::uniform_int_distribution<int> frequency(0, 2);
    Lut3D truth = Lut3D::identity(33);
    for (int c = 0; c < 3; ++c) {
        for (int wave = 0; wave < 3; ++wave) {
            const std::array<int, 3> k{frequency(rng), frequency(rng), frequency(rng)};
            const double p = phase(rng);
            for (int b = 0; b < 33; ++b) {
                for (int g = 0; g < 33; ++g) {
                    for (int r = 0; r < 33; ++r) {
                        const Vec3 x = node_rgb(33, r, g, b);
                        const double arg = 3.14159 * (k[0] * x[0] + k[1] * x[1] + k[2] * x[2]) + p;
                        const std::size_t i = (static_cast<std::size_t>(b) * 33 + g) * 33 + r;
                        truth.values[i * 3 + c] += static_cast<float>(0.04 * std::sin(arg));
                    }
                }
            }
        }
    }
    const std::vector<float> before = random_colours(1500000, 6);
    const std::vector<float> after =
        map_colours(before, [&](const Vec3& x) { return truth.apply(x); });
    LutFitter fitter(33);
    fitter.add(before.data(), after.data(), before.size() / 3);
    Result<Lut3D> lut = fitter.solve();
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    double worst = 0.0;
    for (std::size_t i = 0; i < truth.values.size(); ++i) {
        worst = std::max(worst, std::fabs(double(lut->values[i]) - truth.values[i]));
    }
    std::printf("[ result ] generating LUT recovered within %.2e\n", worst);
    EXPECT_LT(worst, 1e-4);
}

TEST(LutFit, PerThreadFittersMergeToTheSameFit) {
    const std::vector<float> before = random_colours(100000, 7, 0.7f);
    const std::vector<float> after = map_colours(before, smooth_grade);
    LutFitter whole(17);
    whole.add(before.data(), after.data(), 100000);
    LutFitter first(17);
    LutFitter second(17);
    first.add(before.data(), after.data(), 40000);
    second.add(before.data() + 40000 * 3, after.data() + 40000 * 3, 60000);
    first.merge(second);
    Result<Lut3D> a = whole.solve();
    Result<Lut3D> b = first.solve();
    ASSERT_TRUE(a.is_ok() && b.is_ok());
    EXPECT_EQ(b->samples, 100000);
    double worst = 0.0;
    for (std::size_t i = 0; i < a->values.size(); ++i) {
        worst = std::max(worst, std::fabs(double(a->values[i]) - b->values[i]));
    }
    EXPECT_LT(worst, 1e-6);

    LutFitter other_size(9);
    other_size.add(before.data(), after.data(), 10);
    first.merge(other_size);
    EXPECT_FALSE(first.solve().is_ok());
}

TEST(LutFit, InputsOutsideTheCubeAreClamped) {
    // The same samples twice: once with coordinates on the cube's faces, once pushed far out
    // past them. Clamping makes them the same samples, so the fits must agree exactly.
    std::vector<float> inside = random_colours(50000, 8);
    std::vector<float> outside = inside;
    std::mt19937 rng(9);
    std::uniform_int_distribution<int> pick(0, 5);
    for (std::size_t i = 0; i < inside.size(); ++i) {
        const int choice = pick(rng);
        if (choice == 0) {
            inside[i] = 0.0f;
            outside[i] = -7.5f;
        } else if (choice == 1) {
            inside[i] = 1.0f;
            outside[i] = 12.0f;
        }
    }
    const std::vector<float> after = map_colours(inside, affine_grade);
    LutFitter a(17);
    LutFitter b(17);
    a.add(inside.data(), after.data(), 50000);
    b.add(outside.data(), after.data(), 50000);
    Result<Lut3D> fa = a.solve();
    Result<Lut3D> fb = b.solve();
    ASSERT_TRUE(fa.is_ok() && fb.is_ok());
    EXPECT_EQ(fa->values, fb->values);
    EXPECT_EQ(fa->cells_with_data, fb->cells_with_data);
    // And apply() clamps the same way.
    EXPECT_LT(max_gap(fa->apply({-3.0, 0.5, 9.0}), fa->apply({0.0, 0.5, 1.0})), 1e-12);
}

TEST(LutFit, NoSamplesIsAnError) {
    LutFitter fitter(33);
    Result<Lut3D> lut = fitter.solve();
    ASSERT_FALSE(lut.is_ok());
    EXPECT_FALSE(lut.status().message().empty());
    // Pairs that are not numbers are skipped, so they do not count as samples either.
    const float nan = std::nanf("");
    const std::array<float, 3> before{nan, 0.5f, 0.5f};
    const std::array<float, 3> after{0.5f, 0.5f, 0.5f};
    fitter.add(before.data(), after.data(), 1);
    EXPECT_FALSE(fitter.solve().is_ok());
    EXPECT_FALSE(LutFitter(1).solve().is_ok());
    EXPECT_FALSE(LutFitter(130).solve().is_ok());
}

TEST(CubeFile, WrittenThroughOcioAndReadBackTheSame) {
    // A fitted LUT whose filled half leaves [0,1], which a .cube file must carry unclamped.
    const std::vector<float> before = random_colours(200000, 10, 0.4999f);
    const std::vector<float> after = map_colours(before, [](const Vec3& x) {
        const Vec3 y = affine_grade(x);
        return Vec3{1.3 * y[0] - 0.1, y[1], 1.2 * y[2]};
    });
    LutFitter fitter(33);
    fitter.add(before.data(), after.data(), before.size() / 3);
    Result<Lut3D> lut = fitter.solve();
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    const auto [low, high] = std::minmax_element(lut->values.begin(), lut->values.end());
    ASSERT_LT(*low, 0.0f);
    ASSERT_GT(*high, 1.0f);

    const std::string path = scratch_path("lut_fit_test.cube");
    ASSERT_TRUE(write_cube(*lut, path).is_ok());
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("LUT_3D_SIZE 33"), std::string::npos) << text.str().substr(0, 400);

    Result<CubeFile> cube = CubeFile::load(path);
    ASSERT_TRUE(cube.is_ok()) << cube.status().message();
    std::vector<float> points = random_colours(20000, 11);
    // The lattice nodes themselves, and the cube's corners, too.
    for (float v : {0.0f, 0.5f, 1.0f}) points.insert(points.end(), {v, v, v, 1.0f - v, v, 0.0f});
    std::vector<float> through_ocio = points;
    cube->apply(through_ocio.data(), through_ocio.size() / 3);
    double worst = 0.0;
    for (std::size_t i = 0; i < points.size(); i += 3) {
        const Vec3 expected = lut->apply({points[i], points[i + 1], points[i + 2]});
        worst = std::max(
            worst, max_gap(expected, {through_ocio[i], through_ocio[i + 1], through_ocio[i + 2]}));
    }
    std::printf("[ result ] .cube through OCIO vs Lut3D::apply, worst %.2e\n", worst);
    EXPECT_LT(worst, 1e-5);

    // Rewritten at the same path, the file must be read anew, not served from OCIO's cache.
    ASSERT_TRUE(write_cube(Lut3D::identity(33), path).is_ok());
    Result<CubeFile> identity = CubeFile::load(path);
    ASSERT_TRUE(identity.is_ok());
    std::array<float, 3> grey{0.25f, 0.5f, 0.75f};
    identity->apply(grey.data(), 1);
    EXPECT_NEAR(grey[0], 0.25f, 1e-6);
    EXPECT_NEAR(grey[1], 0.5f, 1e-6);
    EXPECT_NEAR(grey[2], 0.75f, 1e-6);
}

TEST(CubeFile, MissingOrBrokenFilesAreErrors) {
    EXPECT_EQ(CubeFile::load(scratch_path("no_such_lut.cube")).status().code(), ErrorCode::NoInput);
    const std::string broken = scratch_path("broken_lut.cube");
    std::ofstream(broken) << "LUT_3D_SIZE 33\n0 0 0\nnot a number\n";
    EXPECT_FALSE(CubeFile::load(broken).is_ok());
    Lut3D bad = Lut3D::identity(5);
    bad.values.pop_back();
    EXPECT_FALSE(write_cube(bad, scratch_path("bad_lut.cube")).is_ok());
}

TEST(LutFit, GreyOnlyDataStillSolves) {
    // Every sample on the grey axis: the data pins the grade only along it, and the prior must
    // keep the rest finite and near identity.
    std::vector<float> before(30000 * 3);
    std::mt19937 rng(12);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (std::size_t i = 0; i < before.size(); i += 3) {
        before[i] = before[i + 1] = before[i + 2] = unit(rng);
    }
    const std::vector<float> after = map_colours(before, [](const Vec3& x) {
        return Vec3{0.9 * x[0] + 0.05, x[1], x[2]};
    });
    LutFitter fitter(33);
    fitter.add(before.data(), after.data(), before.size() / 3);
    const auto start = Clock::now();
    Result<Lut3D> lut = fitter.solve();
    std::printf("[ timing ] solve (grey axis only, 33^3): %.3f s\n", seconds_since(start));
    ASSERT_TRUE(lut.is_ok()) << lut.status().message();
    EXPECT_EQ(lut->cells_with_data, 32);
    for (float v : lut->values) ASSERT_TRUE(std::isfinite(v));
    for (double x : {0.1, 0.5, 0.9}) {
        EXPECT_LT(max_gap(lut->apply({x, x, x}), {0.9 * x + 0.05, x, x}), 1e-5);
    }
}
