// Metric plugins: the example plugins against known answers, the tutorial plugin built out of
// tree, and hostile plugins that must neither crash huescope nor touch other metrics' results.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "exr_writer.hpp"
#include "reference_color.hpp"
#include "run_command.hpp"
#include "test_paths.hpp"

using nlohmann::json;
using testing_support::CommandResult;
using testing_support::run_huescope;
namespace fs = std::filesystem;

namespace {

const std::string kExamples = HUESCOPE_EXAMPLE_PLUGIN_DIR;

/// A sequence of `frames` 16x8 EXR frames, left half `left`, right half `right` (linear).
std::string exr_sequence(const fs::path& dir, const float left[3], const float right[3],
                         int frames = 2) {
    fs::create_directories(dir);
    for (int i = 1; i <= frames; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "f.%04d.exr", i);
        testing_support::write_exr(dir / name, left, right, Imf::FLOAT);
    }
    return (dir / "f.%04d.exr").string();
}

json analyse(const fs::path& dir, const std::string& input, std::vector<std::string> extra,
             CommandResult* result = nullptr) {
    fs::create_directories(dir);  // run_command keeps the program's stdout and stderr here
    // Bars kept: a dark half of a test frame must not be taken for a pillarbox.
    std::vector<std::string> args = {"analyze",         input, "-o", (dir / "out").string(), "-q",
                                     "--keep-letterbox"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult r = run_huescope(args, dir);
    if (result != nullptr) *result = r;
    if (r.exit_code != 0) return json();
    return json::parse(testing_support::slurp(dir / "out" / "summary.json"));
}

double film_value(const json& summary, const std::string& id, const std::string& output) {
    const json& v = summary["metrics"][id]["film"][output];
    return v.is_number() ? v.get<double>() : NAN;
}

/// One column of frames.csv, by name (NaN for an empty field).
std::vector<double> csv_column(const fs::path& csv, const std::string& name) {
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> header;
    std::stringstream hs(line.substr(0, line.find('\r')));
    for (std::string f; std::getline(hs, f, ',');) header.push_back(f);
    const auto at = std::find(header.begin(), header.end(), name);
    EXPECT_NE(at, header.end()) << name;
    const std::size_t col = static_cast<std::size_t>(at - header.begin());
    std::vector<double> values;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('\r'));
        std::vector<std::string> fields;
        std::stringstream ls(line);
        for (std::string f; std::getline(ls, f, ',');) fields.push_back(f);
        while (fields.size() < header.size()) fields.emplace_back();
        values.push_back(fields[col].empty() ? NAN : std::stod(fields[col]));
    }
    return values;
}

}  // namespace

TEST(Plugins, MetricsListsBuiltInsAndPlugins) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r = run_huescope({"metrics", "--plugin-dir", kExamples}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* id :
         {"org.huescope.hue-families", "org.huescope.shots", "org.huescope.example.colorfulness",
          "org.huescope.example.warmth", "org.huescope.example.skin-tones"}) {
        EXPECT_NE(r.out.find(id), std::string::npos) << id;
    }
    EXPECT_NE(r.out.find("weighted by chroma_sum"), std::string::npos) << r.out;
}

TEST(Plugins, ColourfulnessKnownAnswers) {
    const fs::path dir = testing_support::scratch_dir();
    // Grey has no colour: M = 0.
    const float grey[3] = {0.2f, 0.2f, 0.2f};
    json s = analyse(dir / "grey", exr_sequence(dir / "grey_in", grey, grey),
                     {"--plugin-dir", kExamples});
    EXPECT_NEAR(film_value(s, "org.huescope.example.colorfulness", "colorfulness"), 0.0, 1e-9);
    // Half sRGB red, half sRGB green: rg = +-255, yb = 127.5 everywhere, so
    // M = sqrt(255^2 + 0) + 0.3 * sqrt(0 + 127.5^2) = 293.25 (Hasler & Süsstrunk's formula).
    const float red[3] = {1, 0, 0}, green[3] = {0, 1, 0};
    s = analyse(dir / "rg", exr_sequence(dir / "rg_in", red, green), {"--plugin-dir", kExamples});
    EXPECT_NEAR(film_value(s, "org.huescope.example.colorfulness", "colorfulness"), 293.25, 1e-6);
    const std::vector<double> frames = csv_column(dir / "rg" / "out" / "frames.csv",
                                                  "org.huescope.example.colorfulness:colorfulness");
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_NEAR(frames[0], 293.25, 1e-4);  // 7 significant digits in the CSV
    EXPECT_NEAR(
        s["shots"][0]["metrics"]["org.huescope.example.colorfulness"]["colorfulness"].get<double>(),
        293.25, 1e-6);
}

TEST(Plugins, WarmthKnownAnswers) {
    const fs::path dir = testing_support::scratch_dir();
    // sRGB red and blue through the independent CIELAB reference.
    const reference::Lch red = reference::cielab_lch(255, 0, 0);
    const reference::Lch blue = reference::cielab_lch(0, 0, 255);
    const auto wc = [](const reference::Lch& c) {
        return -0.5 + 0.02 * std::pow(c.c, 1.07) * std::cos((c.h - 50.0) * M_PI / 180.0);
    };
    const float r[3] = {1, 0, 0}, b[3] = {0, 0, 1};
    const json s =
        analyse(dir / "rb", exr_sequence(dir / "rb_in", r, b), {"--plugin-dir", kExamples});
    const std::string id = "org.huescope.example.warmth";
    EXPECT_NEAR(film_value(s, id, "warm_cool_index"), (wc(red) + wc(blue)) / 2, 2e-3);
    // Red is on the warm side, blue on the cool: warm chroma / all = C_red / (C_red + C_blue).
    EXPECT_NEAR(film_value(s, id, "warm_fraction"), red.c / (red.c + blue.c), 2e-3);
}

TEST(Plugins, SkinToneRegionHoldsTheMonkScale) {
    const fs::path dir = testing_support::scratch_dir();
    // The ten Monk Skin Tone Scale swatches (sRGB), each beside pure blue: share 0.5 each.
    const int monk[10][3] = {{246, 237, 228}, {243, 231, 219}, {247, 234, 208}, {234, 218, 186},
                             {215, 189, 150}, {160, 126, 86},  {130, 92, 67},   {96, 65, 52},
                             {58, 49, 42},    {41, 36, 32}};
    const float blue[3] = {0, 0, 1};
    for (int i = 0; i < 10; ++i) {
        const float skin[3] = {float(reference::to_linear(monk[i][0], reference::Eotf::Srgb)),
                               float(reference::to_linear(monk[i][1], reference::Eotf::Srgb)),
                               float(reference::to_linear(monk[i][2], reference::Eotf::Srgb))};
        const fs::path d = dir / std::to_string(i);
        const json s =
            analyse(d, exr_sequence(d / "in", skin, blue, 1), {"--plugin-dir", kExamples});
        EXPECT_NEAR(film_value(s, "org.huescope.example.skin-tones", "skin_share"), 0.5, 1e-9)
            << "Monk " << i + 1;
    }
    // Saturated orange is not skin; options move the bounds.
    const float orange[3] = {1, 0.2158f, 0}, green[3] = {0, 1, 0};
    json s = analyse(dir / "o", exr_sequence(dir / "o_in", orange, green, 1),
                     {"--plugin-dir", kExamples});
    EXPECT_NEAR(film_value(s, "org.huescope.example.skin-tones", "skin_share"), 0.0, 1e-9);
    s = analyse(dir / "o2", exr_sequence(dir / "o2_in", orange, green, 1),
                {"--plugin-dir", kExamples, "--metric-option",
                 "org.huescope.example.skin-tones={\"chroma_max\": 0.3}"});
    EXPECT_NEAR(film_value(s, "org.huescope.example.skin-tones", "skin_share"), 0.5, 1e-9);
    // A misspelt option is refused (and said), not silently ignored.
    CommandResult r;
    s = analyse(dir / "o3", exr_sequence(dir / "o3_in", orange, green, 1),
                {"--plugin-dir", kExamples, "--metric-option",
                 "org.huescope.example.skin-tones={\"chroma_mx\": 0.3}"},
                &r);
    EXPECT_NE(r.err.find("unknown option 'chroma_mx'"), std::string::npos) << r.err;
    EXPECT_EQ(s["metrics"]["org.huescope.example.skin-tones"]["status"], "disabled");
}

TEST(Plugins, TutorialPluginBuiltOutOfTreeLoadsAndMeasures) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path build = dir / "build";
    const std::string source = std::string(HUESCOPE_SOURCE_DIR) + "/plugins/tutorial";
    CommandResult r = testing_support::run_command(
        "/usr/bin/cmake",
        {"-S", source, "-B", build.string(), "-G", "Ninja",
         "-DHUESCOPE_PLUGIN_INCLUDE_DIR=" + std::string(HUESCOPE_SOURCE_DIR) + "/plugins/include"},
        dir);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    r = testing_support::run_command("/usr/bin/cmake", {"--build", build.string()}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    ASSERT_TRUE(fs::exists(build / "mean_lightness.so"));
    const float grey[3] = {0.18f, 0.18f, 0.18f}, orange[3] = {1.0f, 0.3f, 0.0f};
    const json s = analyse(dir / "a", exr_sequence(dir / "in", grey, orange),
                           {"--plugin-dir", build.string()});
    ASSERT_TRUE(s.is_object());
    // Its mean OKLab L is the built-in one (same pixels, same conversion).
    EXPECT_NEAR(film_value(s, "org.example.mean-lightness", "mean_lightness"),
                s["film"]["mean_lightness"].get<double>(), 1e-5);
}

TEST(Plugins, HostilePluginsAreReportedAndHarmNothing) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path plugins = dir / "plugins";
    fs::create_directories(plugins);
    fs::copy(HUESCOPE_HOSTILE_PLUGIN_DIR, plugins, fs::copy_options::recursive);
    fs::copy_file(kExamples + "/colorfulness.so", plugins / "colorfulness.so");
    std::ofstream(plugins / "not_a_library.so") << "this is not a shared library\n";
    const std::string clip = testing_support::media("blue_edit.mp4");

    CommandResult r;
    const json good = analyse(dir / "good", clip, {"--plugin-dir", kExamples}, &r);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json s = analyse(dir / "hostile", clip, {"--plugin-dir", plugins.string()}, &r);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* expected :
         {"not_a_library.so' is not a loadable shared library", "has no huescope_metric_get",
          "built for metric ABI 99", "smaller than ABI 1", "process() at frame 3 returned error",
          "non-finite value", "did not declare"}) {
        EXPECT_NE(r.err.find(expected), std::string::npos) << expected << "\n" << r.err;
    }
    // The metric that failed at frame 3 kept frames 0-2 and nothing after; the NaN one stopped
    // at 2.
    const std::vector<double> fails =
        csv_column(dir / "hostile" / "out" / "frames.csv", "org.huescope.test.hostile4:value");
    ASSERT_GT(fails.size(), 5u);
    EXPECT_EQ(fails[2], 2.0);
    EXPECT_TRUE(std::isnan(fails[3]) && std::isnan(fails[5]));
    EXPECT_EQ(s["metrics"]["org.huescope.test.hostile4"]["status"], "disabled");
    EXPECT_EQ(s["metrics"]["org.huescope.test.hostile5"]["status"], "disabled");
    EXPECT_EQ(s["metrics"]["org.huescope.test.hostile4"]["film"]["value"].get<double>(), 2.0);
    // Histograms: summed over the film and each shot; one that changes its bins is disabled.
    const json& hist = s["metrics"]["org.huescope.test.hostile7"]["film"]["histograms"]["hist"];
    const int frames = s["frames_analyzed"].get<int>();
    ASSERT_EQ(hist["bins"].size(), 4u);
    EXPECT_EQ(hist["bins"][0].get<double>(), double((frames + 3) / 4));
    EXPECT_EQ(hist["bins"][1].get<double>() + hist["bins"][2].get<double>() +
                  hist["bins"][3].get<double>() + hist["bins"][0].get<double>(),
              double(frames));
    EXPECT_TRUE(
        s["shots"][0]["metrics"]["org.huescope.test.hostile7"]["histograms"].contains("hist"));
    EXPECT_EQ(s["metrics"]["org.huescope.test.hostile8"]["status"], "disabled");
    EXPECT_NE(r.err.find("changed the bins or range of histogram 'hist'"), std::string::npos);
    // Everything else is as without the hostile plugins: film and shots, every built-in column.
    EXPECT_EQ(s["film"], good["film"]);
    ASSERT_EQ(s["shots"].size(), good["shots"].size());
    for (std::size_t i = 0; i < s["shots"].size(); ++i) {
        json a = s["shots"][i], b = good["shots"][i];
        a.erase("metrics");
        b.erase("metrics");
        EXPECT_EQ(a, b) << "shot " << i;
    }
    for (const char* column : {"share_blue", "hue_mean_deg", "mean_chroma", "hue_weight", "shot"}) {
        const auto hostile_values = csv_column(dir / "hostile" / "out" / "frames.csv", column);
        const auto good_values = csv_column(dir / "good" / "out" / "frames.csv", column);
        EXPECT_EQ(hostile_values.size(), good_values.size()) << column;
        for (std::size_t i = 0; i < hostile_values.size() && i < good_values.size(); ++i)
            ASSERT_EQ(hostile_values[i], good_values[i]) << column << " frame " << i;
    }
    EXPECT_EQ(s["metrics"]["org.huescope.example.colorfulness"]["film"],
              good["metrics"]["org.huescope.example.colorfulness"]["film"]);
    EXPECT_EQ(s["metrics"]["org.huescope.example.colorfulness"]["status"], "ok");

    // Strict: a plugin that cannot load stops the analysis before it starts.
    const json strict =
        analyse(dir / "strict", clip, {"--plugin-dir", plugins.string(), "--strict-plugins"}, &r);
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_FALSE(fs::exists(dir / "strict" / "out" / "summary.json"));
}
