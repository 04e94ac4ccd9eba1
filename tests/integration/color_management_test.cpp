// One synthetic scene, rendered into every professional encoding by an independent encoder
// (tests/support/scene_encoder.hpp), must measure the same: hue within 1.5 degrees for integer
// video and 0.5 degrees for float, chroma within 5%.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis_helpers.hpp"
#include "exr_writer.hpp"
#include "huescope/analyze.hpp"
#include "huescope/code_decoder.hpp"
#include "reference_color.hpp"
#include "run_command.hpp"
#include "scene_encoder.hpp"
#include "test_paths.hpp"

using namespace huescope;
using testing_support::analyze_into;
namespace fs = std::filesystem;

namespace {

constexpr int kSize = 32;  // each frame is one 32x32 patch of one colour

// The scene: six patches of moderate saturation, as 8-bit sRGB (display light via the sRGB curve).
const int kPatches[6][3] = {{220, 120, 50}, {40, 150, 150}, {60, 80, 200},
                            {190, 40, 60},  {70, 160, 70},  {130, 70, 170}};

scene::Rgb patch_linear(int i) {
    return {reference::to_linear(kPatches[i][0], reference::Eotf::Srgb),
            reference::to_linear(kPatches[i][1], reference::Eotf::Srgb),
            reference::to_linear(kPatches[i][2], reference::Eotf::Srgb)};
}

std::vector<scene::Rgb> all_patches() {
    std::vector<scene::Rgb> patches;
    for (int p = 0; p < 6; ++p) patches.push_back(patch_linear(p));
    return patches;
}

struct FrameResult {
    double hue, chroma, chromatic;
};

// Reads hue_mean_deg, mean_chroma and chromatic_fraction of every row of frames.csv.
std::vector<FrameResult> read_frames(const fs::path& csv_path) {
    std::ifstream csv(csv_path);
    std::string line;
    std::getline(csv, line);
    std::vector<std::string> header;
    std::stringstream hs(line);
    for (std::string f; std::getline(hs, f, ',');) header.push_back(f.substr(0, f.find('\r')));
    const auto column = [&](const std::string& name) {
        return std::find(header.begin(), header.end(), name) - header.begin();
    };
    const auto hue_col = column("hue_mean_deg"), chroma_col = column("mean_chroma"),
               chromatic_col = column("chromatic_fraction");
    std::vector<FrameResult> rows;
    while (std::getline(csv, line)) {
        std::vector<std::string> fields;
        std::stringstream ls(line);
        for (std::string f; std::getline(ls, f, ',');) fields.push_back(f);
        rows.push_back({std::stod(fields[hue_col]), std::stod(fields[chroma_col]),
                        std::stod(fields[chromatic_col])});
    }
    return rows;
}

// Wraps raw frames into a lossless FFV1 Matroska file with the given colour tags.
void wrap_raw(const fs::path& raw, const std::string& pixfmt, const std::vector<std::string>& tags,
              const fs::path& out) {
    std::vector<std::string> args = {"-nostdin", "-v",         "error", "-y",    "-f", "rawvideo",
                                     "-pix_fmt", pixfmt,       "-s",    "32x32", "-r", "24",
                                     "-i",       raw.string(), "-c:v",  "ffv1"};
    args.insert(args.end(), tags.begin(), tags.end());
    args.push_back(out.string());
    const auto r = testing_support::run_command("/usr/bin/ffmpeg", args, out.parent_path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

// Writes 4:2:0 limited-range Y'CbCr frames, one per colour (linear BT.709 light; the six patches
// unless told). `encode` maps linear BT.709 light to the non-linear R'G'B' of the target encoding.
template <typename Encode>
void write_ycbcr_clip(const fs::path& out, int bits, double kr, double kb, Encode encode,
                      const std::vector<std::string>& tags,
                      const std::vector<scene::Rgb>& colours = all_patches()) {
    const fs::path raw = out.string() + ".raw";
    std::ofstream file(raw, std::ios::binary);
    for (const scene::Rgb& colour : colours) {
        const auto codes = scene::ycbcr_limited(encode(colour), kr, kb, bits);
        for (int plane = 0; plane < 3; ++plane) {
            const int samples = plane == 0 ? kSize * kSize : kSize * kSize / 4;
            for (int i = 0; i < samples; ++i) {
                if (bits == 8) {
                    file.put(static_cast<char>(codes[plane]));
                } else {
                    file.put(static_cast<char>(codes[plane] & 0xFF));
                    file.put(static_cast<char>(codes[plane] >> 8));
                }
            }
        }
    }
    file.close();
    wrap_raw(raw, bits == 8 ? "yuv420p" : "yuv420p10le", tags, out);
}

class ColorManagement : public ::testing::Test {
  protected:
    // Renders the scene once per process, into a folder of its own: CTest runs each case as a
    // separate process, in parallel. Done in SetUp, not SetUpTestSuite, so that a rendering
    // failure fails the test instead of skipping it.
    void SetUp() override {
        static bool rendered = false;
        if (rendered) return;
        ASSERT_NO_FATAL_FAILURE(render());
        rendered = true;
    }

    static void render() {
        dir = fs::path(HUESCOPE_TEST_SCRATCH_DIR) /
              ("color-management-scene-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::vector<std::string> bt2020_sdr = {
            "-colorspace", "bt2020nc",  "-color_primaries", "bt2020",
            "-color_trc",  "bt2020-10", "-color_range",     "tv"};
        write_ycbcr_clip(dir / "sdr709.mkv", 8, 0.2126, 0.0722,
                         [](scene::Rgb l) {
                             for (double& v : l) v = scene::inverse_bt1886(v);
                             return l;
                         },
                         {"-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc",
                          "bt709", "-color_range", "tv"});
        write_ycbcr_clip(
            dir / "sdr2020.mkv", 10, 0.2627, 0.0593,
            [](const scene::Rgb& l) {
                scene::Rgb v = scene::mul(scene::kTo2020, l);
                for (double& c : v) c = scene::inverse_bt1886(c);
                return v;
            },
            bt2020_sdr);
        write_ycbcr_clip(dir / "pq.mkv", 10, 0.2627, 0.0593,
                         [](const scene::Rgb& l) {
                             scene::Rgb v = scene::mul(scene::kTo2020, l);
                             for (double& c : v) c = scene::pq_encode(203.0 * c);  // BT.2408
                             return v;
                         },
                         {"-colorspace", "bt2020nc", "-color_primaries", "bt2020", "-color_trc",
                          "smpte2084", "-color_range", "tv"});
        write_ycbcr_clip(dir / "hlg.mkv", 10, 0.2627, 0.0593,
                         [](const scene::Rgb& l) {
                             scene::Rgb nits = scene::mul(scene::kTo2020, l);
                             for (double& c : nits) c *= 203.0;
                             return scene::hlg_encode(nits);
                         },
                         {"-colorspace", "bt2020nc", "-color_primaries", "bt2020", "-color_trc",
                          "arib-std-b67", "-color_range", "tv"});
        write_ycbcr_clip(dir / "p3d65.mkv", 10, 0.2126, 0.0722,
                         [](const scene::Rgb& l) {
                             scene::Rgb v = scene::mul(scene::kToDisplayP3, l);
                             for (double& c : v) c = scene::inverse_bt1886(c);
                             return v;
                         },
                         {"-colorspace", "bt709", "-color_primaries", "smpte432", "-color_trc",
                          "bt709", "-color_range", "tv"});
        write_ycbcr_clip(dir / "dcip3.mkv", 10, 0.2126, 0.0722,
                         [](const scene::Rgb& l) {
                             scene::Rgb v = scene::to_dci_p3(l);
                             for (double& c : v) c = scene::inverse_bt1886(c);
                             return v;
                         },
                         {"-colorspace", "bt709", "-color_primaries", "smpte431", "-color_trc",
                          "bt709", "-color_range", "tv"});
        ASSERT_NO_FATAL_FAILURE(write_logc_clip());
        write_aces_sequences();
    }

    // ARRI LogC3 / AWG as 16-bit full-range RGB (planar G, B, R), untagged like camera files.
    static void write_logc_clip() {
        const fs::path raw = dir / "logc.raw";
        std::ofstream file(raw, std::ios::binary);
        for (int p = 0; p < 6; ++p) {
            const scene::Rgb awg = scene::to_awg(patch_linear(p));
            for (int plane : {1, 2, 0}) {
                const auto code =
                    static_cast<uint16_t>(std::lround(scene::logc3_encode(awg[plane]) * 65535.0));
                for (int i = 0; i < kSize * kSize; ++i) {
                    file.put(static_cast<char>(code & 0xFF));
                    file.put(static_cast<char>(code >> 8));
                }
            }
        }
        file.close();
        wrap_raw(raw, "gbrp16le", {}, dir / "logc.mkv");
    }

    static void write_aces_sequences() {
        const Imf::Chromaticities ap1(Imath::V2f(0.713f, 0.293f), Imath::V2f(0.165f, 0.830f),
                                      Imath::V2f(0.128f, 0.044f), Imath::V2f(0.32168f, 0.33767f));
        const Imf::Chromaticities ap0(Imath::V2f(0.7347f, 0.2653f), Imath::V2f(0.0f, 1.0f),
                                      Imath::V2f(0.0001f, -0.077f), Imath::V2f(0.32168f, 0.33767f));
        fs::create_directories(dir / "acescg");
        fs::create_directories(dir / "aces2065");
        for (int p = 0; p < 6; ++p) {
            const std::string name = "shot." + std::to_string(1001 + p) + ".exr";
            const scene::Rgb cg = scene::mul(scene::kToAcesCg, patch_linear(p));
            const scene::Rgb ap = scene::mul(scene::kToAces2065, patch_linear(p));
            const float cgf[3] = {float(cg[0]), float(cg[1]), float(cg[2])};
            const float apf[3] = {float(ap[0]), float(ap[1]), float(ap[2])};
            testing_support::write_exr(dir / "acescg" / name, cgf, cgf, Imf::FLOAT, ap1);
            testing_support::write_exr(dir / "aces2065" / name, apf, apf, Imf::FLOAT, ap0);
        }
    }

    // Analyses `input` and checks every patch against the reference.
    static void expect_scene(const std::string& input, double hue_tolerance,
                             const ColorOverrides& overrides = {}) {
        const fs::path out = dir / ("out-" + fs::path(input).filename().string());
        Result<AnalysisResult> r = analyze_into(input, out, overrides);
        ASSERT_TRUE(r) << input << ": " << r.status().message();
        const std::vector<FrameResult> frames = read_frames(out / "frames.csv");
        ASSERT_EQ(frames.size(), 6u) << input;
        double worst_hue = 0, worst_chroma = 0;
        for (int p = 0; p < 6; ++p) {
            const scene::Rgb l = patch_linear(p);
            const reference::Lch want = reference::oklch_linear(l[0], l[1], l[2]);
            worst_hue = std::max(worst_hue, reference::hue_distance(frames[p].hue, want.h));
            worst_chroma = std::max(worst_chroma, std::fabs(frames[p].chroma / want.c - 1));
            EXPECT_LT(reference::hue_distance(frames[p].hue, want.h), hue_tolerance)
                << input << " patch " << p << ": " << frames[p].hue << " vs " << want.h;
            EXPECT_NEAR(frames[p].chroma, want.c, 0.05 * want.c) << input << " patch " << p;
        }
        // Printed for docs/color-science.md, which quotes these measured errors.
        std::printf("%s: largest hue error %.3f deg, largest chroma error %.2f%%\n",
                    fs::path(input).filename().c_str(), worst_hue, 100 * worst_chroma);
    }

    static fs::path dir;
};

fs::path ColorManagement::dir;

}  // namespace

TEST_F(ColorManagement, SdrBt709) {
    expect_scene((dir / "sdr709.mkv").string(), 1.5);
}
TEST_F(ColorManagement, SdrBt2020) {
    expect_scene((dir / "sdr2020.mkv").string(), 1.5);
}
TEST_F(ColorManagement, Hdr10Pq) {
    expect_scene((dir / "pq.mkv").string(), 1.5);
}
// An orange at diffuse white (203 nits), 1000 and 4000 nits in HDR10: the highlights are far
// above OKLab L 0.95, and lightness alone takes no hue away (docs/color-science.md, "Which pixels
// have a hue"). OKLab scales with the cube root of light, so the chroma grows with it.
TEST_F(ColorManagement, PqOrangeKeepsItsHueAtEveryLevel) {
    const double nits[3] = {203.0, 1000.0, 4000.0};
    const scene::Rgb orange = {1.0, reference::to_linear(128, reference::Eotf::Srgb), 0.0};
    std::vector<scene::Rgb> colours;
    for (double n : nits) colours.push_back({orange[0] * n / 203, orange[1] * n / 203, 0.0});
    const fs::path clip = dir / "pq-orange.mkv";
    write_ycbcr_clip(
        clip, 10, 0.2627, 0.0593,
        [](const scene::Rgb& l) {
            scene::Rgb v = scene::mul(scene::kTo2020, l);
            for (double& c : v) c = scene::pq_encode(203.0 * c);
            return v;
        },
        {"-colorspace", "bt2020nc", "-color_primaries", "bt2020", "-color_trc", "smpte2084",
         "-color_range", "tv"},
        colours);
    const fs::path out = dir / "out-pq-orange";
    Result<AnalysisResult> r = analyze_into(clip.string(), out, {});
    ASSERT_TRUE(r) << r.status().message();
    const std::vector<FrameResult> frames = read_frames(out / "frames.csv");
    ASSERT_EQ(frames.size(), 3u);
    const reference::Lch want = reference::oklch_linear(orange[0], orange[1], orange[2]);
    for (int i = 0; i < 3; ++i) {
        const double scale = std::cbrt(nits[i] / 203.0);
        EXPECT_EQ(frames[i].chromatic, 1.0) << nits[i] << " nits";
        EXPECT_LT(reference::hue_distance(frames[i].hue, want.h), 1.5) << nits[i] << " nits";
        EXPECT_NEAR(frames[i].chroma, want.c * scale, 0.03 * want.c * scale) << nits[i];
    }
    EXPECT_NEAR(frames[1].chroma, 0.32, 0.01);  // the issue's figure for 1000 nits
}

TEST_F(ColorManagement, Hlg) {
    expect_scene((dir / "hlg.mkv").string(), 1.5);
}
TEST_F(ColorManagement, DisplayP3) {
    expect_scene((dir / "p3d65.mkv").string(), 1.5);
}
TEST_F(ColorManagement, DciP3WithDciWhite) {
    expect_scene((dir / "dcip3.mkv").string(), 1.5);
}
TEST_F(ColorManagement, AcesCgExr) {
    expect_scene((dir / "acescg").string(), 0.5);
}
TEST_F(ColorManagement, Aces2065Exr) {
    expect_scene((dir / "aces2065").string(), 0.5);
}

TEST_F(ColorManagement, ArriLogC3ThroughOpenColorIO) {
    ColorOverrides logc;
    logc.input_colorspace = "arri-logc3-awg";
    expect_scene((dir / "logc.mkv").string(), 0.5, logc);
}

// A studio-style OCIO v2 config: ACES2065-1 as the interchange space, a log camera space in it.
const char* kStudioConfig = R"(ocio_profile_version: 2
search_path: ""
strictparsing: true
luma: [0.2126, 0.7152, 0.0722]
roles:
  aces_interchange: ACES2065-1
  default: ACES2065-1
file_rules:
  - !<Rule> {name: Default, colorspace: default}
displays:
  sRGB:
    - !<View> {name: Raw, colorspace: ACES2065-1}
colorspaces:
  - !<ColorSpace>
    name: ACES2065-1
  - !<ColorSpace>
    name: Studio LogC
    to_scene_reference: !<BuiltinTransform> {style: ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1}
)";

TEST_F(ColorManagement, UserOcioConfig) {
    const fs::path config = dir / "studio.ocio";
    std::ofstream(config) << kStudioConfig;
    ColorOverrides studio;
    studio.ocio_config = config.string();
    studio.input_colorspace = "Studio LogC";
    expect_scene((dir / "logc.mkv").string(), 0.5, studio);

    studio.input_colorspace = "No Such Space";
    Result<AnalysisResult> missing = analyze_into((dir / "logc.mkv").string(), dir / "o2", studio);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.status().code(), ErrorCode::InvalidArgument);
    EXPECT_NE(missing.status().message().find("Studio LogC"), std::string::npos)
        << "the message lists the config's colour spaces: " << missing.status().message();

    std::string no_role = kStudioConfig;
    no_role.replace(no_role.find("  aces_interchange: ACES2065-1\n"), 31, "");
    std::ofstream(dir / "norole.ocio") << no_role;
    studio.ocio_config = (dir / "norole.ocio").string();
    studio.input_colorspace = "Studio LogC";
    Result<AnalysisResult> unusable = analyze_into((dir / "logc.mkv").string(), dir / "o3", studio);
    ASSERT_FALSE(unusable);
    EXPECT_EQ(unusable.status().code(), ErrorCode::Unsupported);
}

TEST_F(ColorManagement, PqDecodedAsGammaIsCaught) {
    // The proof that the PQ test can fail: decoded as BT.1886, the orange patch moves > 10 degrees.
    ColorOverrides wrong;
    wrong.transfer = "bt1886";
    const fs::path out = dir / "out-pq-as-gamma";
    Result<AnalysisResult> r = analyze_into((dir / "pq.mkv").string(), out, wrong);
    ASSERT_TRUE(r);
    const std::vector<FrameResult> frames = read_frames(out / "frames.csv");
    const scene::Rgb orange = patch_linear(0);
    const double want = reference::oklch_linear(orange[0], orange[1], orange[2]).h;
    EXPECT_GT(reference::hue_distance(frames[0].hue, want), 10.0);
}

// Decodes one grey code value through a named input colour space.
double decode_grey(const char* colorspace, float code) {
    ColorEncoding enc;
    ColorOverrides o;
    o.input_colorspace = colorspace;
    std::string error;
    EXPECT_TRUE(apply_input_colorspace(o, true, enc, error)) << error;
    enc.matrix = Matrix::Identity;
    Result<CodeDecoder> decoder = CodeDecoder::create(enc);
    EXPECT_TRUE(decoder) << decoder.status().message();
    if (!decoder) return -1;
    LinearImage out;
    decoder->decode_float({code, code, code}, 1, 1, out);
    // A neutral stays neutral through AP0 -> BT.709 with white adaptation.
    EXPECT_NEAR(out.rgb[0], out.rgb[1], 1e-6);
    EXPECT_NEAR(out.rgb[1], out.rgb[2], 1e-6);
    return out.rgb[1];
}

TEST(ColorManagementUnit, LogEncodingsDecodeMiddleGreyTo018) {
    // ARRI: LogC3 EI 800 code 0.391007 is 18% grey. ACEScct (S-2016-001): (log2(0.18) + 9.72)
    // / 17.52.
    EXPECT_NEAR(decode_grey("arri-logc3-awg", 0.391007f), 0.18, 1e-4);
    EXPECT_NEAR(decode_grey("acescct", float((std::log2(0.18) + 9.72) / 17.52)), 0.18, 1e-4);
}
