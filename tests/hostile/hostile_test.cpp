// Hostile input (docs/robustness.md): every kind of bad file in the corpus that
// tests/hostile/make_corpus.sh writes, plus EXR sequences written here, run through
// `huescope analyze` under a time limit, each with its exit code, its message, its peak memory
// checked, and an earlier result in the output folder that a failure must leave untouched.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <regex>

#include "exr_writer.hpp"
#include "run_command.hpp"
#include "test_paths.hpp"

using nlohmann::json;
using testing_support::CommandResult;
using testing_support::slurp;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeLimitMs = 60000;       // each file: a hang fails, it does not stall the suite
constexpr long kMemoryLimitKib = 400000;  // 160x90 clips: anything near this is a leak or a bomb

fs::path corpus(const std::string& name) {
    return fs::path(HUESCOPE_HOSTILE_CORPUS_DIR) / name;
}

// Runs analyze on `input` into dir/out, which already holds an earlier summary.json.
CommandResult analyze(const fs::path& dir, const std::string& input,
                      std::vector<std::string> extra = {}) {
    const fs::path out = dir / "out";
    fs::create_directories(out);
    std::ofstream(out / "summary.json") << "{\"earlier\": true}\n";
    std::vector<std::string> args = {"analyze", input, "-o", out.string(), "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing_support::run_command(HUESCOPE_CLI_PATH, args, dir, 0, kTimeLimitMs);
}

json summary(const fs::path& dir) {
    return json::parse(slurp(dir / "out" / "summary.json"));
}

void expect_earlier_result_kept(const fs::path& dir) {
    EXPECT_EQ(slurp(dir / "out" / "summary.json"), "{\"earlier\": true}\n");
    for (const auto& entry : fs::directory_iterator(dir / "out")) {
        EXPECT_NE(entry.path().filename().string()[0], '.') << "temporary left: " << entry.path();
    }
}

}  // namespace

TEST(Hostile, EveryBadFileGetsItsExitCodeAndMessage) {
    struct Case {
        const char* file;
        int exit_code;
        const char* message;  // a regular expression the error must match
    };
    const Case cases[] = {
        {"empty.mp4", 65, "cannot open .*empty.mp4"},
        {"random.mp4", 65, "cannot open .*random.mp4"},
        {"text.mp4", 65, "cannot open .*text.mp4"},
        {"no_moov.mp4", 65, "no_moov.mp4"},
        {"audio_only.m4a", 65, "has no video stream"},
        {"huge_width.mkv", 65, "claims frames of 20000x16, beyond the limit of 16384x16384"},
        {"empty_dir", 66, "no numbered .exr files"},
        {"fifo.mp4", 66, "is a named pipe, not a file"},
        {"dangling.mp4", 66, "is a link to 'does_not_exist.mp4', which does not exist"},
        {"does_not_exist.mp4", 66, "does not exist"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        const fs::path dir = testing_support::scratch_dir() / c.file;
        const CommandResult r = analyze(dir, corpus(c.file).string());
        EXPECT_FALSE(r.timed_out);
        EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
        EXPECT_TRUE(std::regex_search(r.err, std::regex(c.message))) << r.err;
        EXPECT_EQ(r.err.find("huescope: error: "), 0u) << r.err;  // one clear line, no crash text
        EXPECT_LT(r.max_rss_kib, kMemoryLimitKib);
        expect_earlier_result_kept(dir);
    }
}

TEST(Hostile, DamagedFilesGiveAPartialResultThatSaysWhatWasLost) {
    struct Case {
        const char* file;
        bool expect_lost;
        bool expect_concealed_or_errors;
    };
    // An index that promises 96 frames, cut at 60%; payload bytes overwritten in three places.
    // Whether the damaged stream also reports concealed frames or decode errors depends on how
    // FFmpeg's frame threads meet the damage, so only the lost frames are asserted for it.
    for (const Case& c : {Case{"truncated_index_first.mp4", true, false},
                          Case{"corrupt_packets.ts", true, false}}) {
        SCOPED_TRACE(c.file);
        const fs::path dir = testing_support::scratch_dir() / c.file;
        const CommandResult r = analyze(dir, corpus(c.file).string());
        EXPECT_FALSE(r.timed_out);
        ASSERT_EQ(r.exit_code, 3) << r.err;
        EXPECT_NE(r.err.find("the result is partial"), std::string::npos) << r.err;
        const json j = summary(dir);
        const json& done = j["completeness"];
        EXPECT_TRUE(done["partial"].get<bool>());
        EXPECT_EQ(done["frames_expected"].get<int>(), 96);
        const int decoded = j["frames_decoded"].get<int>();
        EXPECT_GT(decoded, 0);
        EXPECT_LT(decoded, 96);
        if (c.expect_lost) {  // frames that failed to decode are counted there, not again
            EXPECT_EQ(done["frames_lost"].get<int>(),
                      96 - decoded - done["decode_errors"].get<int>());
            EXPECT_GT(done["frames_lost"].get<int>(), 0);
        }
        if (c.expect_concealed_or_errors) {
            EXPECT_GT(done["concealed_frames"].get<int>() + done["decode_errors"].get<int>(), 0);
        }
        EXPECT_FALSE(done["reasons"].empty());
        EXPECT_EQ(j["frames_analyzed"].get<int>(), decoded);  // what was read is all measured
        EXPECT_LT(r.max_rss_kib, kMemoryLimitKib);
    }
    // The undamaged original is complete, and exits 0.
    const fs::path dir = testing_support::scratch_dir() / "good";
    const CommandResult r = analyze(dir, corpus("good.ts").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(summary(dir)["completeness"]["partial"].get<bool>());
}

TEST(Hostile, OddStreamsAreMeasuredAndNoted) {
    struct Case {
        const char* file;
        int frames;
        const char* note;  // in summary.json's input.notes
    };
    const Case cases[] = {
        {"size_change.ts", 48, "changes the picture from 160x90 yuv420p to 320x180 yuv420p"},
        {"format_change.ts", 48, "changes the picture from 160x90 yuv420p to 160x90 yuv444p"},
        {"absurd_rate.h264", 24, "claims 1.2e\\+06 frames per second.*assumed 24"},
        {"ts_wrap.ts", 72, ""},  // timestamps wrap at 2^33: times stay in order, nothing lost
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        const fs::path dir = testing_support::scratch_dir() / c.file;
        const CommandResult r = analyze(dir, corpus(c.file).string());
        EXPECT_FALSE(r.timed_out);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const json j = summary(dir);
        EXPECT_EQ(j["frames_analyzed"].get<int>(), c.frames);
        std::string notes;
        for (const auto& n : j["input"]["notes"]) notes += n.get<std::string>() + "\n";
        if (*c.note) {
            EXPECT_TRUE(std::regex_search(notes, std::regex(c.note))) << notes;
        }
        if (std::string(c.file) == "ts_wrap.ts") {
            const auto range = j["analyzed_time_range_s"];
            EXPECT_NEAR(range[1].get<double>() - range[0].get<double>(), 71.0 / 24, 1e-6);
        }
    }
}

TEST(Hostile, FrameSizeLimitIsConfigurable) {
    const fs::path dir = testing_support::scratch_dir();
    CommandResult r =
        analyze(dir / "a", corpus("good.mp4").string(), {"--max-frame-size", "100x100"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("160x90, beyond the limit of 100x100"), std::string::npos) << r.err;
    r = analyze(dir / "b", corpus("huge_width.mkv").string(), {"--max-frame-size", "20000x20000"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = analyze(dir / "c", corpus("good.mp4").string(), {"--max-frame-size", "big"});
    EXPECT_EQ(r.exit_code, 64) << r.err;
    // OpenEXR refuses the header itself; that is the limit too, not a damaged frame to skip.
    const float red[3] = {1.0f, 0.0f, 0.0f};
    fs::create_directories(dir / "seq");
    for (const char* name : {"a.0001.exr", "a.0002.exr"})
        testing_support::write_exr(dir / "seq" / name, red, red, Imf::HALF);
    r = analyze(dir / "d", (dir / "seq").string(), {"--max-frame-size", "8x8"});
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("the data window is beyond the limit of 8x8"), std::string::npos) << r.err;
}

TEST(Hostile, UnreadableFileIsRefused) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path out = dir / "out";
    fs::create_directories(out);
    fs::permissions(dir, fs::perms::all);
    fs::permissions(out, fs::perms::all);
    const std::string input = corpus("unreadable.mp4").string();
    CommandResult r;
    if (geteuid() == 0) {
        // root reads anything: run as nobody, for whom mode 000 means what it says.
        r = testing_support::run_command(
            "/usr/bin/setpriv",
            {"--reuid=65534", "--regid=65534", "--clear-groups", HUESCOPE_CLI_PATH, "analyze",
             input, "-o", out.string(), "-q"},
            dir, 0, kTimeLimitMs);
    } else {
        r = testing_support::run_command(HUESCOPE_CLI_PATH, {"analyze", input, "-o", out.string()},
                                         dir, 0, kTimeLimitMs);
    }
    EXPECT_EQ(r.exit_code, 66) << r.err;
    EXPECT_NE(r.err.find("cannot be read: Permission denied"), std::string::npos) << r.err;
}

TEST(Hostile, OddNamesAreEscapedInEveryOutput) {
    for (const char* name : {"with space ünïcødé.mp4", "-leading-dash.mp4", "new\nline.mp4",
                             "quote\"and<html>&.mp4"}) {
        SCOPED_TRACE(name);
        const fs::path dir =
            testing_support::scratch_dir() / std::to_string(std::hash<std::string>()(name));
        const std::string input = corpus(name).string();
        CommandResult r = analyze(dir, input, {"--report"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const json j = summary(dir);  // parses: quotes and newlines are escaped
        EXPECT_EQ(j["input"]["path"].get<std::string>(), input);
        const std::string html = slurp(dir / "out" / "report.html");
        if (std::string(name).find('<') != std::string::npos) {
            EXPECT_EQ(html.find("<html>&"), std::string::npos) << "raw name in the HTML";
            EXPECT_NE(html.find("quote&quot;and&lt;html&gt;&amp;"), std::string::npos);
        }
        // frames.csv names no file; its rows must still be well-formed
        const std::string csv = slurp(dir / "out" / "frames.csv");
        EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 97);  // header + 96 frames
    }
}

TEST(Hostile, ExrSequencesWithBadFramesAndBadPixels) {
    const fs::path dir = testing_support::scratch_dir();
    const fs::path seq = dir / "seq";
    fs::create_directories(seq);
    const float blue[3] = {0.0f, 0.0f, 1.0f}, grey[3] = {0.2f, 0.2f, 0.2f};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    const float bad[3] = {nan, 0.5f, 0.5f}, infinite[3] = {inf, 0.0f, 0.0f};
    const float negative[3] = {-0.05f, 0.1f, 0.9f};  // scene-linear, outside BT.709: legal
    testing_support::write_exr(seq / "shot.1001.exr", blue, grey, Imf::FLOAT);
    testing_support::write_exr(seq / "shot.1002.exr", bad, blue, Imf::FLOAT);
    testing_support::write_exr(seq / "shot.1003.exr", infinite, negative, Imf::FLOAT);
    // 1004 is missing (a gap); 1005 is cut in half (a truncated frame).
    testing_support::write_exr(dir / "whole.exr", blue, blue, Imf::FLOAT);
    const std::string whole = slurp(dir / "whole.exr");
    std::ofstream(seq / "shot.1005.exr", std::ios::binary) << whole.substr(0, whole.size() / 2);
    testing_support::write_exr(seq / "shot.1006.exr", grey, blue, Imf::HALF);

    const CommandResult r = analyze(dir, seq.string());
    EXPECT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 3) << r.err;  // a frame could not be read: partial
    const json j = summary(dir);
    EXPECT_EQ(j["frames_analyzed"].get<int>(), 4);
    EXPECT_EQ(j["completeness"]["decode_errors"].get<int>(), 1);
    std::string notes;
    for (const auto& n : j["input"]["notes"]) notes += n.get<std::string>() + "\n";
    EXPECT_NE(notes.find("shot.1005.exr' could not be read"), std::string::npos) << notes;
    EXPECT_NE(notes.find("1 frame numbers between the first and last are missing"),
              std::string::npos)
        << notes;
    // Two half-frames of 64 pixels had NaN or infinity: counted, left out, and said.
    EXPECT_EQ(j["film"]["invalid_pixels"].get<int>(), 128);
    EXPECT_EQ(j["film"]["pixels"].get<int>(), 4 * 128 - 128);
    EXPECT_EQ(j["film"]["negative_pixels"].get<int>(), 64);
    EXPECT_NE(r.err.find("128 pixels had NaN or infinite values"), std::string::npos) << r.err;
}

// A damaged header whose first attribute claims two gigabytes: OpenEXR 3.1 would allocate them
// before reading (the EXR fuzzer found this). huescope refuses the file first, with little
// memory used.
TEST(Hostile, ExrAttributeClaimingGigabytesIsRefused) {
    const fs::path dir = testing_support::scratch_dir();
    const float red[3] = {1.0f, 0.0f, 0.0f};
    testing_support::write_exr(dir / "damaged.exr", red, red, Imf::HALF);
    std::string bytes = slurp(dir / "damaged.exr");
    // After the magic number and version: name\0, type\0, then the 4-byte size.
    const std::size_t name_end = bytes.find('\0', 8);
    const std::size_t type_end = bytes.find('\0', name_end + 1);
    ASSERT_NE(type_end, std::string::npos);
    bytes.replace(type_end + 1, 4, std::string("\x00\x00\x00\x7f", 4));
    std::ofstream(dir / "damaged.exr", std::ios::binary | std::ios::trunc) << bytes;

    const CommandResult r = analyze(dir, (dir / "damaged.exr").string());
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("claims 2130706432 bytes, but the file has only"), std::string::npos)
        << r.err;
    EXPECT_LT(r.max_rss_kib, kMemoryLimitKib);
    expect_earlier_result_kept(dir);
}

// OpenEXR reads a fixed-size attribute (here the data window, a box2i: 16 bytes) by its own
// size, whatever size the file declares. A data window declaring more (the fuzzer's had 2320
// bytes), followed by an attribute whose bytes OpenEXR reads as a 1.6 GB size, made it allocate
// 1.6 GB while a walk by declared sizes saw nothing wrong (the EXR fuzzer found this). huescope
// refuses the mismatch itself.
TEST(Hostile, ExrFixedSizeAttributeDeclaringAnotherSizeIsRefused) {
    const fs::path dir = testing_support::scratch_dir();
    const float red[3] = {1.0f, 0.0f, 0.0f};
    testing_support::write_exr(dir / "damaged.exr", red, red, Imf::HALF);
    std::string bytes = slurp(dir / "damaged.exr");
    const std::string window = std::string("dataWindow\0box2i\0", 17);
    const std::size_t at = bytes.find(window);
    ASSERT_NE(at, std::string::npos);
    const std::size_t size_at = at + window.size();
    ASSERT_LT(size_at + 4 + 32, bytes.size());
    bytes.replace(size_at, 4, std::string("\x20\x00\x00\x00", 4));  // declares 32 bytes
    // Where OpenEXR goes on after the 16 bytes: a string attribute "x" sized 0x62000000, which
    // OpenEXR would fill with zeros before reading (1.6 GB resident).
    bytes.replace(size_at + 4 + 16, 13, std::string("x\0string\0\0\0\0\x62", 13));
    std::ofstream(dir / "damaged.exr", std::ios::binary | std::ios::trunc) << bytes;

    const CommandResult r = analyze(dir, (dir / "damaged.exr").string());
    EXPECT_EQ(r.exit_code, 65) << r.err;
    EXPECT_NE(r.err.find("'dataWindow' of type box2i declares 32 bytes, but its value takes 16"),
              std::string::npos)
        << r.err;
    EXPECT_LT(r.max_rss_kib, kMemoryLimitKib);
    expect_earlier_result_kept(dir);
}
