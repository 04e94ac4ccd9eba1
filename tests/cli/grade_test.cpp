// `huescope grade`: known grades made with FFmpeg's lut3d filter from a .cube this test writes,
// the identity, pairing across resolutions and encodings, and cuts that do not match.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "huescope/color_math.hpp"
#include "huescope/source.hpp"
#include "reference_color.hpp"
#include "run_command.hpp"
#include "test_paths.hpp"

namespace {

namespace fs = std::filesystem;
using huescope::Vec3;
using nlohmann::json;
using testing_support::CommandResult;
using testing_support::run_command;
using testing_support::run_huescope;
using testing_support::slurp;

// huescope's defaults: pairs in blocks of 6, every 5th block held out (pairs 24-29, 54-59, ...).
constexpr int kHoldoutEvery = 5;
constexpr int kHoldoutBlock = 6;

void ffmpeg(const fs::path& dir, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"-v", "error", "-y"};
    all.insert(all.end(), args.begin(), args.end());
    const CommandResult r = run_command("/usr/bin/ffmpeg", all, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

// 72 frames whose pixels sweep the whole R'G'B' cube: red across, green down, blue with time
// and position. 10-bit RGB, lossless, tagged BT.709.
fs::path cube_sweep(const fs::path& dir) {
    const fs::path out = dir / "before.mkv";
    ffmpeg(dir, {"-f", "lavfi", "-i",
                 "nullsrc=s=192x108:r=24:d=3,format=gbrp10le,geq="
                 "r='1023*X/W':g='1023*Y/H':"
                 "b='1023*mod(0.5*T+0.37*(X/W)+0.29*(Y/H),1)'",
                 "-c:v", "ffv1", "-pix_fmt", "gbrp10le", "-color_primaries", "bt709", "-color_trc",
                 "bt709", "-colorspace", "rgb", out.string()});
    return out;
}

// Four 12-frame shots from different sources: a cut to cut and a reordering are obvious.
fs::path shots_clip(const fs::path& dir, const std::string& name, const std::string& order,
                    const std::string& size = "320x180", const std::string& rate = "24") {
    const std::string s = "s=" + size + ":r=" + rate;
    const std::string graph = "testsrc2=" + s + ":d=0.5[a];smptehdbars=" + s +
                              ":d=0.5[b];mandelbrot=" + s +
                              ",trim=duration=0.5[c];rgbtestsrc=" + s + ":d=0.5,hue=h=90[d];" +
                              order + "concat=n=4,format=yuv420p";
    const fs::path out = dir / name;
    ffmpeg(dir, {"-filter_complex", graph, "-c:v", "libx264", "-qp", "10", "-color_primaries",
                 "bt709", "-color_trc", "bt709", "-colorspace", "bt709", out.string()});
    return out;
}

// The known grade, in the BT.709 R'G'B' of the sweep: blues (OKLCh 240-290 degrees, fading out
// over 20 degrees each side) turned 30 degrees toward teal and their chroma halved.
double blue_weight(double hue) {
    if (hue >= 240 && hue <= 290) return 1.0;
    if (hue > 220 && hue < 240) return (hue - 220) / 20.0;
    if (hue > 290 && hue < 310) return (310 - hue) / 20.0;
    return 0.0;
}

double bt1886(double v) {
    return std::pow(std::clamp(v, 0.0, 1.0), 2.4);
}
double inverse_bt1886(double v) {
    return std::pow(std::clamp(v, 0.0, 1.0), 1.0 / 2.4);
}

Vec3 known_grade(const Vec3& encoded) {
    const Vec3 linear{bt1886(encoded[0]), bt1886(encoded[1]), bt1886(encoded[2])};
    const Vec3 lab = huescope::xyz_to_oklab(huescope::working_rgb_to_xyz(linear));
    const double chroma = std::hypot(lab[1], lab[2]);
    const double hue = reference::hue_of(lab[1], lab[2]);
    const double w = chroma > 1e-6 ? blue_weight(hue) : 0.0;
    const double turned = (hue - 30.0 * w) * M_PI / 180.0;
    const double c = chroma * (1.0 - 0.5 * w);
    const Vec3 graded = huescope::working_rgb_from_xyz(
        huescope::oklab_to_xyz({lab[0], c * std::cos(turned), c * std::sin(turned)}));
    return {inverse_bt1886(graded[0]), inverse_bt1886(graded[1]), inverse_bt1886(graded[2])};
}

fs::path write_known_cube(const fs::path& dir) {
    const fs::path path = dir / "known.cube";
    std::ofstream out(path);
    const int n = 33;
    out << "LUT_3D_SIZE " << n << "\n";
    char line[96];
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 v = known_grade({r / 32.0, g / 32.0, b / 32.0});
                std::snprintf(line, sizeof line, "%.6f %.6f %.6f\n", v[0], v[1], v[2]);
                out << line;
            }
    return path;
}

fs::path apply_cube(const fs::path& dir, const fs::path& clip, const fs::path& cube,
                    const std::string& name) {
    const fs::path out = dir / name;
    ffmpeg(dir, {"-i", clip.string(), "-vf", "lut3d=file=" + cube.string(), "-c:v", "ffv1",
                 "-pix_fmt", "gbrp10le", "-color_primaries", "bt709", "-color_trc", "bt709",
                 "-colorspace", "rgb", out.string()});
    return out;
}

json grade_json(const fs::path& out) {
    return json::parse(slurp(out / "grade.json"));
}

const json& family(const json& transfer, const std::string& name) {
    for (const json& f : transfer["families"])
        if (f["name"] == name) return f;
    throw std::runtime_error("no family " + name);
}

// Mean OKLab distance between two clips' pixels over the frames huescope held out, each decoded
// by huescope's own source (an independent check of the LUT file through FFmpeg's lut3d).
double held_out_delta_e(const fs::path& a, const fs::path& b) {
    auto open = [](const fs::path& p) {
        auto source = huescope::open_source(p.string(), {});
        if (!source) throw std::runtime_error(source.status().message());
        return std::move(source).value();
    };
    auto sa = open(a), sb = open(b);
    huescope::Frame fa, fb;
    double sum = 0.0;
    int64_t n = 0;
    for (int index = 0; sa->next(fa).value() && sb->next(fb).value(); ++index) {
        if ((index / kHoldoutBlock) % kHoldoutEvery != kHoldoutEvery - 1) continue;
        for (std::size_t i = 0; i < fa.image.pixel_count(); ++i) {
            const float* p = fa.image.rgb.data() + i * 3;
            const float* q = fb.image.rgb.data() + i * 3;
            const Vec3 la =
                huescope::xyz_to_oklab(huescope::working_rgb_to_xyz({p[0], p[1], p[2]}));
            const Vec3 lb =
                huescope::xyz_to_oklab(huescope::working_rgb_to_xyz({q[0], q[1], q[2]}));
            sum += std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
                             (la[2] - lb[2]) * (la[2] - lb[2]));
            ++n;
        }
    }
    return n > 0 ? sum / n : 1e9;
}

// Reads a .cube's values (red fastest).
std::vector<Vec3> cube_values(const fs::path& path, int& size) {
    std::istringstream in(slurp(path));
    std::vector<Vec3> values;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("LUT_3D_SIZE", 0) == 0) size = std::stoi(line.substr(11));
        Vec3 v;
        if (std::istringstream(line) >> v[0] >> v[1] >> v[2]) values.push_back(v);
    }
    return values;
}

TEST(Grade, KnownGradeIsRecoveredAsALutAndTheBluesTurnTowardTeal) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path before = cube_sweep(dir);
    const fs::path after = apply_cube(dir, before, write_known_cube(dir), "after.mkv");
    const CommandResult r =
        run_huescope({"grade", before.string(), after.string(), "-o", (dir / "out").string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = grade_json(dir / "out");
    EXPECT_EQ(j["pairing"]["pairs"], 72);
    EXPECT_LT(j["lut"]["fit_error"]["mean_delta_e_ok"].get<double>(), 0.01) << j["lut"];
    EXPECT_EQ(j["lut"]["fit_error"]["held_out_frames"].get<int>(), 12);

    // The LUT file, applied by FFmpeg to BEFORE, reproduces AFTER on the held-out frames.
    const fs::path predicted = apply_cube(dir, before, dir / "out" / "grade.cube", "predicted.mkv");
    EXPECT_LT(held_out_delta_e(predicted, after), 0.01);

    // Where the blues went: chroma lost, hue turned toward teal (lower OKLCh hue), the other
    // families untouched.
    const json& film = j["film"];
    const json& blue = family(film, "blue");
    EXPECT_GT(blue["chroma_gain"].get<double>(), 0.4) << blue;
    EXPECT_LT(blue["chroma_gain"].get<double>(), 0.75) << blue;
    EXPECT_LT(blue["mean_hue_shift_deg"].get<double>(), -15.0) << blue;
    EXPECT_GT(blue["mean_hue_shift_deg"].get<double>(), -32.0) << blue;
    EXPECT_GT(blue["moved_to"]["cyan"].get<double>(), 0.1) << blue;
    for (const char* name : {"red", "orange", "yellow", "green"}) {
        const json& f = family(film, name);
        EXPECT_NEAR(f["chroma_gain"].get<double>(), 1.0, 0.02) << name << f;
        EXPECT_NEAR(f["mean_hue_shift_deg"].get<double>(), 0.0, 1.0) << name << f;
    }
    // In the matrix, the middle of blue (bins 25-27: 250-280 degrees) lands three bins lower.
    const json& shares = film["transfer_matrix"]["shares"];
    for (int row = 25; row <= 27; ++row) {
        const std::vector<double> cells = shares[row].get<std::vector<double>>();
        const int top = int(std::max_element(cells.begin(), cells.end()) - cells.begin());
        EXPECT_NEAR(top, row - 3, 1) << "row " << row;
    }
    // And an unaffected bin (green, 140-150 degrees) stays on the diagonal.
    EXPECT_GT(shares[14][14].get<double>(), 0.9);
}

TEST(Grade, AClipAgainstItselfIsTheIdentity) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path before = cube_sweep(dir);
    const CommandResult r = run_huescope(
        {"grade", before.string(), before.string(), "-o", (dir / "out").string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    int size = 0;
    const std::vector<Vec3> values = cube_values(dir / "out" / "grade.cube", size);
    ASSERT_EQ(size, 33);
    ASSERT_EQ(values.size(), 33u * 33 * 33);
    double worst = 0.0;
    for (int b = 0, i = 0; b < 33; ++b)
        for (int g = 0; g < 33; ++g)
            for (int red = 0; red < 33; ++red, ++i)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::fabs(values[i][c] - (c == 0   ? red
                                                                      : c == 1 ? g
                                                                               : b) /
                                                                         32.0));
    EXPECT_LT(worst, 1e-3);
    const json j = grade_json(dir / "out");
    EXPECT_LT(j["lut"]["fit_error"]["mean_delta_e_ok"].get<double>(), 1e-4);
    const json& shares = j["film"]["transfer_matrix"]["shares"];
    const json& weights = j["film"]["transfer_matrix"]["row_share_before"];
    for (int row = 0; row < 36; ++row) {
        if (weights[row].is_null() || weights[row].get<double>() == 0.0) continue;
        EXPECT_GT(shares[row][row].get<double>(), 0.999) << "row " << row;
    }
    for (const json& f : j["film"]["families"]) {
        if (f["chroma_gain"].is_null()) continue;
        EXPECT_NEAR(f["chroma_gain"].get<double>(), 1.0, 1e-6) << f;
    }
}

TEST(Grade, DifferentResolutionsAndEncodingsOfTheSameFramesPair) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path before = shots_clip(dir, "before.mp4", "[a][b][c][d]", "640x360");
    // The same frames, half the size, as 10-bit 4:2:2 ProRes in a QuickTime file.
    const fs::path after = dir / "after.mov";
    ffmpeg(dir, {"-i", before.string(), "-vf", "scale=320:180", "-c:v", "prores_ks", "-profile:v",
                 "2", "-pix_fmt", "yuv422p10le", "-color_primaries", "bt709", "-color_trc", "bt709",
                 "-colorspace", "bt709", after.string()});
    const CommandResult r =
        run_huescope({"grade", before.string(), after.string(), "-o", (dir / "out").string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = grade_json(dir / "out");
    EXPECT_EQ(j["pairing"]["pairs"], 48);
    EXPECT_EQ(j["pairing"]["unpaired_before"], 0);
    EXPECT_EQ(j["pairing"]["unpaired_after"], 0);
    // Each axis the smaller analysis grid: 4:2:2's chroma grid is half as wide (160 of 320),
    // 4:2:0's half as high (180 of 360).
    EXPECT_EQ(j["pairing"]["grid"], json::array({160, 180}));
    EXPECT_NEAR(j["film"]["chroma_gain"].get<double>(), 1.0, 0.05);
    EXPECT_EQ(j["shots"].size(), 4u);

    // Another colour encoding of the same pictures: full range, BT.601's matrix, 4:4:4 10-bit.
    // Each side decoded through its own tags gives the same colours; AFTER read with BEFORE's
    // matrix and range would be several degrees off in hue and wrong in contrast. (Primaries
    // are left alone: FFmpeg converts them in scene light, which a display-referred decode does
    // not invert exactly.)
    const fs::path wide = dir / "bt601_full.mkv";
    ffmpeg(dir, {"-i", before.string(), "-vf",
                 "scale=in_color_matrix=bt709:in_range=tv:out_color_matrix=bt601:out_range=pc,"
                 "format=yuv444p10le",
                 "-c:v", "ffv1", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace",
                 "smpte170m", "-color_range", "pc", wide.string()});
    const CommandResult w = run_huescope(
        {"grade", before.string(), wide.string(), "-o", (dir / "out601").string()}, dir);
    ASSERT_EQ(w.exit_code, 0) << w.err;
    const json k = grade_json(dir / "out601");
    EXPECT_EQ(k["after"]["color"]["range"], "full") << k["after"]["color"];
    // Measured: chroma gain 0.996 and hue shifts under 0.6 degrees; AFTER decoded with BEFORE's
    // matrix and range instead gives red +2.7 and cyan +8.0 degrees.
    EXPECT_NEAR(k["film"]["chroma_gain"].get<double>(), 1.0, 0.02);
    EXPECT_NEAR(k["film"]["mean_lightness_after"].get<double>(),
                k["film"]["mean_lightness_before"].get<double>(), 0.01);
    for (const char* name : {"red", "cyan", "blue"})
        EXPECT_NEAR(family(k["film"], name)["mean_hue_shift_deg"].get<double>(), 0.0, 1.0) << name;
}

TEST(Grade, MismatchedCutsFailClearly) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path before = shots_clip(dir, "before.mp4", "[a][b][c][d]");
    const fs::path reordered = shots_clip(dir, "reordered.mp4", "[c][d][a][b]");
    fs::create_directories(dir / "out");
    std::ofstream(dir / "out" / "grade.json") << "{\"earlier\": true}\n";
    CommandResult r = run_huescope(
        {"grade", before.string(), reordered.string(), "-o", (dir / "out").string()}, dir);
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("do not show the same pictures"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(dir / "out" / "grade.json"), "{\"earlier\": true}\n");  // left alone

    const fs::path other_rate = shots_clip(dir, "25fps.mp4", "[a][b][c][d]", "320x180", "25");
    r = run_huescope({"grade", before.string(), other_rate.string(), "-o", (dir / "o2").string()},
                     dir);
    EXPECT_EQ(r.exit_code, 65);
    EXPECT_NE(r.err.find("frames cannot be paired by time"), std::string::npos) << r.err;
    // A rate override does not move a video's frames: refused, not silently drifting.
    r = run_huescope({"grade", before.string(), other_rate.string(), "--after-fps", "24", "-o",
                      (dir / "o3").string()},
                     dir);
    EXPECT_EQ(r.exit_code, 64);
    EXPECT_NE(r.err.find("--after-fps applies to image sequences only"), std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(dir / "o2" / "grade.json"));
}

TEST(Grade, AnOffsetPairsAVersionThatStartsLater) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path before = shots_clip(dir, "before.mp4", "[a][b][c][d]");
    // AFTER starts with 6 black frames (a slate), then the same cut.
    const fs::path after = dir / "after.mp4";
    ffmpeg(dir, {"-i", before.string(), "-vf", "tpad=start=6:color=black", "-c:v", "libx264", "-qp",
                 "10", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
                 after.string()});
    CommandResult r =
        run_huescope({"grade", before.string(), after.string(), "-o", (dir / "out").string()}, dir);
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("--offset"), std::string::npos) << r.err;

    r = run_huescope(
        {"grade", before.string(), after.string(), "--offset", "6", "-o", (dir / "out").string()},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = grade_json(dir / "out");
    EXPECT_EQ(j["pairing"]["pairs"], 48);
    EXPECT_EQ(j["pairing"]["unpaired_after"], 6);
    EXPECT_NEAR(j["film"]["chroma_gain"].get<double>(), 1.0, 0.02);
}

}  // namespace
