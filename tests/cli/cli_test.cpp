// The command line as a user meets it: exit codes, messages, and the output contract.
#include <ImfHeader.h>
#include <ImfInputFile.h>
#include <ImfStringAttribute.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "huescope/analysis_folder.hpp"

#include "run_command.hpp"
#include "test_paths.hpp"

using huescope::FilmRecord;
using huescope::FrameRecord;
using huescope::read_analysis_folder;
using huescope::Result;
using nlohmann::json;
using testing_support::CommandResult;
using testing_support::media;
using testing_support::run_huescope;
namespace fs = std::filesystem;

namespace {

// Fails the test if a temporary file (a dot file) is left in `dir`.
void expect_no_temporaries(const fs::path& dir, const std::string& allowed = "") {
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename() == allowed) continue;
        EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary left: " << entry.path();
    }
}

// Analyses a small clip into `out` and returns its summary.json, the result a later run must keep.
std::string earlier_result(const fs::path& dir, const std::string& out) {
    const CommandResult r =
        run_huescope({"analyze", media("solid_0000FF_709_tv_8.mkv"), "-o", out, "-q"}, dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return testing_support::slurp(fs::path(out) / "summary.json");
}

}  // namespace

TEST(Cli, HelpAndVersion) {
    const fs::path dir = testing_support::scratch_dir();
    CommandResult r = run_huescope({"--help"}, dir);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("analyze"), std::string::npos);
    EXPECT_NE(r.out.find("probe"), std::string::npos);
    for (const char* sub : {"analyze", "probe"}) {
        r = run_huescope({sub, "--help"}, dir);
        EXPECT_EQ(r.exit_code, 0) << sub;
        EXPECT_NE(r.out.find("INPUT"), std::string::npos) << sub;
    }
    r = run_huescope({"analyze", "--help"}, dir);
    EXPECT_NE(r.out.find("--band"), std::string::npos);
    r = run_huescope({"--version"}, dir);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("huescope 0."), std::string::npos);
}

TEST(Cli, UsageErrorsExit64) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string clip = media("solid_0000FF_709_tv_8.mkv");
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate"},
        {"analyze", clip},  // no -o
        {"analyze", clip, "-o", (dir / "o").string(), "--no-such-option"},
        {"analyze", clip, "-o", (dir / "o").string(), "--band", "blue"},
        {"analyze", clip, "-o", (dir / "o").string(), "--band", "blue=10:10"},
        {"analyze", clip, "-o", (dir / "o").string(), "--every", "0"},
        {"analyze", clip, "-o", (dir / "o").string(), "--hue-space", "hsv"},
        {"analyze", clip, "-o", (dir / "o").string(), "--start", "soon"},
        {"analyze", clip, "-o", (dir / "o").string(), "--matrix", "bt999"},
    };
    for (const auto& args : cases) {
        const CommandResult r = run_huescope(args, dir);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.exit_code, 64) << joined << "\n" << r.err;
        EXPECT_FALSE(r.err.empty()) << joined;
    }
}

TEST(Cli, InputErrorsHaveTheirExitCodes) {
    const fs::path dir = testing_support::scratch_dir();
    struct Case {
        std::string input;
        int exit_code;
        std::string message_part;
    };
    const Case cases[] = {
        {media("does_not_exist.mp4"), 66, "does_not_exist.mp4"},
        {media("not_video.mp4"), 65, "not_video.mp4"},
        {media("empty.mp4"), 65, "empty.mp4"},
        {media("ycgco_tagged.mkv"), 65, "ycgco"},
    };
    for (const Case& c : cases) {
        for (const char* command : {"analyze", "probe"}) {
            std::vector<std::string> args = {command, c.input};
            if (std::string(command) == "analyze")
                args.insert(args.end(), {"-o", (dir / "o").string()});
            const CommandResult r = run_huescope(args, dir);
            EXPECT_EQ(r.exit_code, c.exit_code) << command << " " << c.input << "\n" << r.err;
            EXPECT_NE(r.err.find(c.message_part), std::string::npos) << r.err;
        }
    }
    EXPECT_FALSE(fs::exists(dir / "o" / "summary.json"));
}

TEST(Cli, OutputContract) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r = run_huescope(
        {"analyze", media("split_blue_orange.mkv"), "-o", (dir / "out").string(), "-q"}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << "--quiet prints nothing: " << r.err;

    const nlohmann::json j =
        nlohmann::json::parse(testing_support::slurp(dir / "out" / "summary.json"));
    EXPECT_EQ(j["tool"]["version"].get<std::string>().substr(0, 2), "0.");
    for (const char* key : {"path", "codec", "width", "height", "frame_rate", "tags", "color"}) {
        EXPECT_TRUE(j["input"].contains(key)) << key;
    }
    EXPECT_TRUE(j["input"]["color"]["assumptions"].is_array());
    EXPECT_EQ(j["parameters"]["hue_space"], "oklch");
    EXPECT_EQ(j["frames_analyzed"], 3);
    const auto& film = j["film"];
    for (const char* key : {"hue_mean_deg", "hue_mean_lab_deg", "hue_circular_variance",
                            "chromatic_fraction", "mean_chroma", "mean_lightness"}) {
        EXPECT_TRUE(film[key].is_number()) << key;
    }
    EXPECT_TRUE(film["shares"]["blue"].is_number());
    EXPECT_EQ(film["pixel_shares"]["blue"], 0.5);
    ASSERT_EQ(film["hue_histogram"].size(), 360u);
    double total = 0;
    for (double v : film["hue_histogram"]) total += v;
    EXPECT_NEAR(total, 1.0, 1e-9);

    const std::string csv = testing_support::slurp(dir / "out" / "frames.csv");
    const std::string header = csv.substr(0, csv.find("\r\n"));
    for (const char* column : {"frame,time_s,", "share_blue", "share_orange", "pixel_share_blue",
                               "hue_mean_deg", "hue_mean_lab_deg", "chromatic_fraction"}) {
        EXPECT_NE(header.find(column), std::string::npos) << column;
    }
    std::size_t lines = 0;
    for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; p += 2) ++lines;
    EXPECT_EQ(lines, 4u);  // header + 3 frames

    Imf::InputFile exr((dir / "out" / "hue_time.exr").c_str());
    const Imath::Box2i window = exr.header().dataWindow();
    EXPECT_EQ(window.max.x - window.min.x + 1, 360);
    EXPECT_EQ(window.max.y - window.min.y + 1, 3);
    EXPECT_NE(exr.header().findTypedAttribute<Imf::StringAttribute>("huescope/input"), nullptr);

    expect_no_temporaries(dir / "out");
}

TEST(Cli, FailedRunLeavesEarlierOutputsIntact) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string out = (dir / "out").string();
    const std::string summary = earlier_result(dir, out);
    const std::string csv = testing_support::slurp(dir / "out" / "frames.csv");
    const CommandResult bad = run_huescope({"analyze", media("ycgco_tagged.mkv"), "-o", out}, dir);
    EXPECT_EQ(bad.exit_code, 65);
    EXPECT_EQ(testing_support::slurp(dir / "out" / "summary.json"), summary);
    EXPECT_EQ(testing_support::slurp(dir / "out" / "frames.csv"), csv);
    expect_no_temporaries(dir / "out");
}

TEST(Cli, InterruptStopsCleanlyAndKeepsEarlierOutputs) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string out = (dir / "out").string();
    const std::string summary = earlier_result(dir, out);
    const CommandResult r = testing_support::run_command(
        HUESCOPE_CLI_PATH, {"analyze", media("long_720.mp4"), "-o", out}, dir, 1500);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
    EXPECT_EQ(testing_support::slurp(dir / "out" / "summary.json"), summary);
    expect_no_temporaries(dir / "out", ".huescope-checkpoint");
}

// A real Ctrl-C at whatever frame it lands on, then --resume: frames.csv is byte for byte that of
// an uninterrupted run (tests/integration/resume_test.cpp stops at chosen frames).
TEST(Cli, InterruptThenResumeGivesTheUninterruptedFiles) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string clip = media("long_720.mp4");
    ASSERT_EQ(run_huescope({"analyze", clip, "-o", (dir / "whole").string(), "-q"}, dir).exit_code,
              0);
    const std::string out = (dir / "out").string();
    const CommandResult stopped = testing_support::run_command(
        HUESCOPE_CLI_PATH, {"analyze", clip, "-o", out, "-q"}, dir, 1500);
    ASSERT_EQ(stopped.exit_code, 130) << stopped.err;
    EXPECT_NE(stopped.err.find("--resume"), std::string::npos) << stopped.err;
    ASSERT_TRUE(fs::exists(dir / "out" / ".huescope-checkpoint" / "state.bin"));
    const CommandResult resumed = run_huescope({"analyze", clip, "-o", out, "-q", "--resume"}, dir);
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_EQ(testing_support::slurp(dir / "out" / "frames.csv"),
              testing_support::slurp(dir / "whole" / "frames.csv"));
    const nlohmann::json summary =
        nlohmann::json::parse(testing_support::slurp(dir / "out" / "summary.json"));
    ASSERT_EQ(summary["resumed_after_frames"].size(), 1u);
    expect_no_temporaries(dir / "out");
}

// analyze --segment K/N in any order, then huescope merge: a single pass's frames.csv
// (tests/integration/segments_test.cpp compares every output for several N).
TEST(Cli, SegmentsThenMergeGiveTheSinglePassFiles) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string clip = media("shot_edit.mkv");
    ASSERT_EQ(run_huescope({"analyze", clip, "-o", (dir / "whole").string(), "-q"}, dir).exit_code,
              0);
    const std::string out = (dir / "out").string();
    for (const char* k : {"3/3", "1/3", "2/3"}) {
        const CommandResult r = run_huescope(
            {"analyze", clip, "-o", out, "--segment", k, "--band", "blue=190:270"}, dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.err.find("huescope merge"), std::string::npos) << r.err;
    }
    // The band was changed for the segments: the merge repeats their command, band included.
    ASSERT_EQ(
        run_huescope(
            {"analyze", clip, "-o", (dir / "band").string(), "-q", "--band", "blue=190:270"}, dir)
            .exit_code,
        0);
    const CommandResult merged = run_huescope({"merge", out, "-q"}, dir);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(testing_support::slurp(dir / "out" / "frames.csv"),
              testing_support::slurp(dir / "band" / "frames.csv"));
    EXPECT_NE(testing_support::slurp(dir / "out" / "frames.csv"),
              testing_support::slurp(dir / "whole" / "frames.csv"));
    EXPECT_FALSE(fs::exists(dir / "out" / "segments"));
    const CommandResult nothing = run_huescope({"merge", out}, dir);
    EXPECT_EQ(nothing.exit_code, 66) << nothing.err;
}

TEST(Cli, UnwritableOutputExits73) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r = run_huescope(
        {"analyze", media("solid_0000FF_709_tv_8.mkv"), "-o", "/proc/huescope-cannot-be-here"},
        dir);
    EXPECT_EQ(r.exit_code, 73) << r.err;
}

TEST(Cli, ProbePrintsTheDecodeAndAssumptions) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r = run_huescope({"probe", media("untagged_480.mp4")}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["codec"], "h264");
    EXPECT_EQ(j["width"], 640);
    EXPECT_EQ(j["tags"]["matrix"], "unknown");
    EXPECT_EQ(j["color"]["matrix"], "bt601");
    EXPECT_EQ(j["color"]["matrix_from"], "assumed");
    EXPECT_GE(j["color"]["assumptions"].size(), 1u);
}

TEST(Cli, BandsAndHueSpaceReachTheOutputs) {
    const fs::path dir = testing_support::scratch_dir();
    const CommandResult r =
        run_huescope({"analyze", media("split_blue_orange.mkv"), "-o", (dir / "out").string(), "-q",
                      "--hue-space", "cielab", "--band", "teal=170:200", "--band", "blue=240:320"},
                     dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j =
        nlohmann::json::parse(testing_support::slurp(dir / "out" / "summary.json"));
    EXPECT_EQ(j["parameters"]["hue_space"], "cielab");
    EXPECT_TRUE(j["film"]["shares"].contains("teal"));
    EXPECT_EQ(j["film"]["pixel_shares"]["blue"], 0.5);
    const std::string csv = testing_support::slurp(dir / "out" / "frames.csv");
    EXPECT_NE(csv.find("share_teal"), std::string::npos);
}

TEST(Cli, ProbeRecordsHdrMetadataAndListsColourSpaces) {
    const fs::path dir = testing_support::scratch_dir();
    CommandResult r = run_huescope({"probe", media("hdr10_metadata.mkv")}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["tags"]["transfer"], "smpte2084");
    EXPECT_EQ(j["color"]["transfer"], "pq");
    EXPECT_EQ(j["color"]["hdr_reference_white_nits"], 203.0);
    EXPECT_EQ(j["hdr_metadata"]["content_light_level"]["max_cll"], 1000);
    EXPECT_EQ(j["hdr_metadata"]["content_light_level"]["max_fall"], 400);
    EXPECT_DOUBLE_EQ(j["hdr_metadata"]["mastering_display"]["max_nits"], 1000.0);
    EXPECT_DOUBLE_EQ(j["hdr_metadata"]["mastering_display"]["red"][0], 0.68);

    r = run_huescope({"analyze", media("hdr10_metadata.mkv"), "-o", (dir / "out").string(), "-q"},
                     dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;

    r = run_huescope({"probe", "--list-colorspaces"}, dir);
    EXPECT_EQ(r.exit_code, 0);
    for (const char* name : {"arri-logc3-awg", "acescg", "aces2065-1", "acescct", "srgb", "rec709",
                             "rec2020-pq", "rec2020-hlg", "linear-rec709", "linear-rec2020"}) {
        EXPECT_NE(r.out.find(name), std::string::npos) << name;
    }
    r = run_huescope({"analyze", media("solid_0000FF_709_tv_8.mkv"), "-o", (dir / "o2").string(),
                      "--input-colorspace", "no-such-space"},
                     dir);
    EXPECT_EQ(r.exit_code, 64) << r.err;
    EXPECT_NE(r.err.find("no-such-space"), std::string::npos);
}

TEST(Cli, KeyframesMeasureTheSameFramesAsAFullRunDoes) {
    const fs::path dir = testing_support::scratch_dir();
    const std::string clip = media("blue_edit.mp4");
    ASSERT_EQ(run_huescope({"analyze", clip, "-o", (dir / "full").string(), "-q"}, dir).exit_code,
              0);
    const CommandResult r =
        run_huescope({"analyze", clip, "-o", (dir / "keys").string(), "-q", "--keyframes"}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto full = ::huescope::read_analysis_folder((dir / "full").string());
    const auto keys = ::huescope::read_analysis_folder((dir / "keys").string());
    ASSERT_TRUE(full.is_ok() && keys.is_ok());
    // x264 put a keyframe at least every 24 frames (-g 24) of the 120, and at some cuts.
    EXPECT_GE(keys->frames.size(), 5u);
    EXPECT_LT(keys->frames.size(), full->frames.size() / 2);
    // Each keyframe is decoded exactly as in the full run: same time, same measurement.
    for (const ::huescope::FrameRecord& k : keys->frames) {
        const auto same = std::find_if(full->frames.begin(), full->frames.end(),
                                       [&](const ::huescope::FrameRecord& f) {
                                           return std::fabs(f.time_s - k.time_s) < 1e-6;
                                       });
        ASSERT_NE(same, full->frames.end()) << k.time_s;
        EXPECT_EQ(same->shares, k.shares) << k.time_s;
        EXPECT_EQ(same->hue_weight, k.hue_weight) << k.time_s;
    }
    const json summary = json::parse(testing_support::slurp(dir / "keys" / "summary.json"));
    EXPECT_EQ(summary["parameters"]["keyframes_only"], true);
    EXPECT_EQ(summary["shots"].size(), 1u) << "keyframes are not neighbours: one shot";
}
